"""Anonymous pages and API reads served from the cache, and dropped when content changes."""

import re

import pytest
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.test import RequestFactory
from rest_framework.test import APIClient

from alliances.accounts import tokens
from alliances.core import pagecache
from alliances.insights.services.indicators import indicator_values_import
from alliances.insights.services.refresh import insights_refresh
from alliances.sdg.models import Goal
from tests.factories import UserFactory
from tests.insights.fixtures import small_registry  # noqa: F401
from tests.registry.factories import AllianceFactory, MembershipFactory, OrganisationFactory

__all__ = ["small_registry"]

NONCE = re.compile(r'nonce="([^"]+)"')


def cached(response) -> str | None:
    return response.headers.get(pagecache.HEADER)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Les Jardins partagés de Bresse")


def test_anonymous_page_is_served_from_the_cache_with_a_fresh_nonce(client, organisation):
    url = f"/organisations/{organisation.pk}/"
    first = client.get(url)
    second = client.get(url)
    third = client.get(url)
    assert (cached(first), cached(second), cached(third)) == ("miss", "hit", "hit")
    assert "Les Jardins partagés de Bresse" in second.content.decode()
    nonces = [NONCE.search(r.content.decode()).group(1) for r in (first, second, third)]
    assert len(set(nonces)) == 3  # never the nonce of another response
    for response, nonce in zip((first, second, third), nonces, strict=True):
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        assert pagecache.NONCE_MARK not in response.content.decode()
        assert response["X-Frame-Options"] == "DENY"  # middleware still runs on hits
    assert NONCE.sub("", first.content.decode()) == NONCE.sub("", third.content.decode())


def test_an_edit_gives_fresh_content_at_once(client, organisation):
    url = f"/organisations/{organisation.pk}/"
    assert cached(client.get(url)) == "miss"
    assert cached(client.get(url)) == "hit"
    organisation.name = "Jardins solidaires de l'Ain"
    organisation.save()
    response = client.get(url)
    assert cached(response) == "miss"
    assert "Jardins solidaires de l&#x27;Ain" in response.content.decode()
    organisation.delete()
    assert client.get(url).status_code == 404


def test_many_to_many_changes_and_new_rows_give_fresh_lists(client, db):
    alliance = AllianceFactory(title="Alliance des rivières propres")
    url = f"/alliances/{alliance.pk}/"
    assert "ODD 14" not in client.get(url).content.decode()
    assert cached(client.get(url)) == "hit"
    alliance.goals.add(Goal.objects.get(number=14))
    response = client.get(url)
    assert cached(response) == "miss"
    listing = client.get("/alliances/")
    assert "Alliance des rivières propres" in listing.content.decode()
    AllianceFactory(title="Alliance pour les haies bocagères")
    assert "Alliance pour les haies bocagères" in client.get("/alliances/").content.decode()
    MembershipFactory(
        alliance=alliance, organisation=OrganisationFactory(name="Ferme du Revermont")
    )
    assert "Ferme du Revermont" in client.get(url).content.decode()


def test_languages_and_query_strings_are_cached_apart(client, organisation):
    french = client.get("/alliances/")
    english = client.get("/en/alliances/")
    assert french.content != english.content
    assert cached(client.get("/en/alliances/")) == "hit"
    assert '<html lang="en">' in client.get("/en/alliances/").content.decode()
    assert cached(client.get("/alliances/?q=jardins")) == "miss"
    assert cached(client.get("/alliances/?q=jardins")) == "hit"


def test_refresh_and_indicator_imports_refresh_the_cached_diagnostic(small_registry):
    api = APIClient()
    url = "/api/v1/territories/departement/01/diagnostic/"
    before = api.get(url)
    assert before.json()["summary"] is None and cached(before) == "miss"
    assert cached(api.get(url)) == "hit"
    insights_refresh()
    after = api.get(url)
    assert cached(after) == "miss"
    assert after.json()["summary"]["alliances"] == 2
    assert after.json()["priorities"] == []
    report = indicator_values_import(
        raw=b"territory_kind,territory_code,indicator,year,value,source\n"
        b"region,84,life_expectancy,2021,83.0,test\n"
        b"departement,01,life_expectancy,2021,82.0,test\n",
        filename="indicators.csv",
        commit=True,
    )
    assert report.committed, report.rejections
    with_priorities = api.get(url)
    assert cached(with_priorities) == "miss"
    assert [p["indicator"] for p in with_priorities.json()["priorities"]] == ["life_expectancy"]
    # The API's ETag is the same on a hit as on the miss that stored it, and revalidates.
    again = api.get(url)
    assert cached(again) == "hit" and again["ETag"] == with_priorities["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


def test_diagnostic_page_follows_the_refresh(client, small_registry):
    url = "/territoires/departement/01/diagnostic/"
    assert "alliances refresh_insights" in client.get(url).content.decode()
    assert cached(client.get(url)) == "hit"
    insights_refresh()
    response = client.get(url)
    assert cached(response) == "miss"
    assert "alliances refresh_insights" not in response.content.decode()


def test_signed_in_pages_are_never_cached_nor_served_from_the_cache(client, organisation):
    user = UserFactory()
    url = f"/organisations/{organisation.pk}/"
    anonymous = client.get(url)
    assert cached(anonymous) == "miss" and "Sign out" not in anonymous.content.decode()
    client.force_login(user)
    for _ in range(2):
        signed_in = client.get(url)
        assert cached(signed_in) is None
        assert 'action="/compte/logout/"' in signed_in.content.decode()
    client.logout()
    again = client.get(url)
    assert cached(again) == "hit"
    assert 'action="/compte/logout/"' not in again.content.decode()


def test_api_token_requests_are_not_cached(small_registry):
    user = UserFactory()
    _token, key = tokens.api_token_create(user=user, name="Tableau", scope="read")
    api = APIClient()
    url = "/api/v1/territories/france/diagnostic/"
    assert cached(api.get(url)) == "miss"
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert cached(api.get(url)) is None
    assert cached(api.get(url)) is None


def test_responses_with_cookies_messages_or_session_writes_are_not_stored(rf_request):
    plain = HttpResponse("ok")
    assert pagecache._response_cacheable(rf_request(), plain)
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("flavour", "chocolate")
    assert not pagecache._response_cacheable(rf_request(), with_cookie)
    csrf = rf_request()
    csrf.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not pagecache._response_cacheable(csrf, plain)
    written = rf_request()
    written.session["seen"] = True
    assert not pagecache._response_cacheable(written, plain)
    private = HttpResponse("ok")
    private["Cache-Control"] = "private"
    assert not pagecache._response_cacheable(rf_request(), private)
    assert not pagecache._response_cacheable(rf_request(), HttpResponse("no", status=404))
    varied = HttpResponse("ok")
    varied["Vary"] = "User-Agent"
    assert not pagecache._response_cacheable(rf_request(), varied)


def test_requests_with_pending_messages_or_writes_bypass_the_cache(rf_request):
    from django.contrib import messages

    request = rf_request()
    assert pagecache._request_cacheable(request)
    messages.success(request, "Merci !")
    assert not pagecache._request_cacheable(request)
    assert len(get_messages(request)) == 1  # still there for the page that shows it
    assert not pagecache._request_cacheable(rf_request(method="post"))
    assert not pagecache._request_cacheable(rf_request(HTTP_AUTHORIZATION="Token all_x"))


def test_the_cache_can_be_turned_off(client, organisation, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = f"/organisations/{organisation.pk}/"
    assert cached(client.get(url)) is None
    assert cached(client.get(url)) is None


@pytest.fixture
def rf_request(db):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    def make(method="get", **extra):
        request = getattr(RequestFactory(), method)("/alliances/", **extra)
        request.user = AnonymousUser()
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return request

    return make
