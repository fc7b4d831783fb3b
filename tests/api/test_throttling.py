"""The API's rate limits: a counter per client and fixed window (alliances/api/throttling.py)."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from alliances.api import throttling
from tests.api.conftest import token_client
from tests.factories import UserFactory

URL = "/api/v1/territories/?kind=region"


@pytest.fixture
def clock(monkeypatch):
    """Both throttles read this clock; rates are 3 a minute (anonymous), 5 (signed in)."""
    now = {"t": 6015.0}  # 15 s into the window 6000–6060
    for throttle in (throttling.AnonRateThrottle, throttling.UserRateThrottle):
        monkeypatch.setattr(throttle, "timer", staticmethod(lambda: now["t"]))
        monkeypatch.setattr(throttle, "THROTTLE_RATES", {"anon": "3/min", "user": "5/min"})
    cache.clear()
    yield now
    cache.clear()


def client_at(address: str) -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=address)


@pytest.mark.django_db
def test_an_anonymous_client_gets_its_rate_then_429_until_the_window_ends(clock):
    first = client_at("192.0.2.1")
    assert [first.get(URL).status_code for _ in range(3)] == [200, 200, 200]

    refused = first.get(URL)
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert refused["Retry-After"] == "45"  # the window ends at 6060
    # Another address has its own counter.
    assert client_at("192.0.2.2").get(URL).status_code == 200

    clock["t"] = 6059.5
    assert first.get(URL).status_code == 429
    assert first.get(URL)["Retry-After"] == "1"  # rounded up
    clock["t"] = 6060.0  # a new window: counted from zero
    assert [first.get(URL).status_code for _ in range(4)] == [200, 200, 200, 429]


@pytest.mark.django_db
def test_signed_in_clients_are_counted_by_account_at_their_own_rate(clock):
    script = token_client(UserFactory(), scope="read")
    assert [script.get(URL, REMOTE_ADDR="192.0.2.9").status_code for _ in range(5)] == [200] * 5
    # The sixth request of the account is refused, whatever address it comes from.
    assert script.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 429
    # The account's requests were not counted against its address's anonymous rate.
    assert client_at("192.0.2.9").get(URL).status_code == 200


@pytest.mark.django_db
def test_anonymous_requests_are_counted_once_not_also_by_the_signed_in_throttle(clock):
    anonymous = client_at("192.0.2.3")
    for _ in range(3):
        anonymous.get(URL)
    assert cache.get("throttle_anon_192.0.2.3:100") == 3
    assert cache.get("throttle_user_192.0.2.3:100") is None


@pytest.mark.django_db
def test_workers_sharing_the_cache_count_every_request(clock, rf):
    """Two throttle objects (two workers, one shared cache) add to the same counter."""
    from django.contrib.auth.models import AnonymousUser

    request = rf.get(URL, REMOTE_ADDR="192.0.2.4")
    request.user = AnonymousUser()
    workers = [throttling.AnonRateThrottle(), throttling.AnonRateThrottle()]
    allowed = [workers[i % 2].allow_request(request, None) for i in range(4)]
    assert allowed == [True, True, True, False]
    assert cache.get("throttle_anon_192.0.2.4:100") == 4
