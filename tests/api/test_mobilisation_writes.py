"""Mobilisation writes over the API: registrations (capacity, waiting list), contributions
(posting limits) and reports, by the same services as the pages."""

import pytest
from django.core import mail

from alliances.mobilisation.models import Contribution, ContributionReport, Registration
from alliances.mobilisation.services.contributions import RATE_LIMITS
from tests.api.conftest import token_client
from tests.factories import UserFactory
from tests.mobilisation.factories import EventFactory
from tests.registry.factories import AllianceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_register_until_full_then_waiting_list_and_promotion_on_cancel(
    writer, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    url = f"/api/v1/events/{event.pk}/registration/"
    first = token_client(writer)
    with django_capture_on_commit_callbacks(execute=True):
        response = first.post(url, {}, format="json")
    assert response.status_code == 201
    assert (response.json()["status"], response.json()["email"]) == ("confirmed", writer.email)
    again = first.post(url, {}, format="json")
    assert again.status_code == 400 and "already registered" in again.json()["message"]
    late = UserFactory()
    response = token_client(late).post(
        url, {"name": "Late Comer", "organisation": "Asso"}, format="json"
    )
    assert response.status_code == 201 and response.json()["status"] == "waiting"
    with django_capture_on_commit_callbacks(execute=True):
        assert first.delete(url).status_code == 204
    assert Registration.objects.get(user=late).status == "confirmed"
    assert first.delete(url).status_code == 404
    assert any(late.email in message.to for message in mail.outbox)


def test_registration_refusals(writer, anonymous):
    past = EventFactory(past=True)
    response = token_client(writer).post(
        f"/api/v1/events/{past.pk}/registration/", {}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    event = EventFactory()
    url = f"/api/v1/events/{event.pk}/registration/"
    response = token_client(writer).post(url, {"email": "nope", "name": 3}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email", "name"}
    assert anonymous.post(url, {}, format="json").status_code == 401
    assert token_client(writer, "read").post(url, {}, format="json").status_code == 403
    assert token_client(writer).post("/api/v1/events/999999/registration/", {}).status_code == 404
    assert not Registration.objects.exists()


def test_contribute_report_and_posting_limit(writer, anonymous):
    alliance = AllianceFactory()
    client = token_client(writer)
    body = {
        "target_kind": "alliance",
        "target_id": alliance.pk,
        "kind": "proposal",
        "stance": "for",
        "body": "Ouvrir le comité aux habitants.",
    }
    response = client.post("/api/v1/contributions/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["target_kind"], created["target_id"], created["author"]) == (
        "alliance",
        alliance.pk,
        writer.display_name,
    )
    response = client.post("/api/v1/contributions/", {**body, "kind": "testimony"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"stance": ["Only a proposal takes a stance."]}
    draft = AllianceFactory(submitted=True)
    response = client.post("/api/v1/contributions/", {**body, "target_id": draft.pk}, format="json")
    assert response.status_code == 404
    assert anonymous.post("/api/v1/contributions/", body, format="json").status_code == 401
    assert list(Contribution.objects.values_list("pk", flat=True)) == [created["id"]]
    # Reports: not one's own contribution, once per person.
    report_url = f"/api/v1/contributions/{created['id']}/reports/"
    assert client.post(report_url, {"reason": "Spam"}, format="json").status_code == 403
    other = token_client(UserFactory())
    assert other.post(report_url, {"reason": "Spam"}, format="json").status_code == 201
    assert other.post(report_url, {"reason": "Spam"}, format="json").status_code == 400
    assert ContributionReport.objects.count() == 1
    # The posting limit of the pages applies.
    _window, burst = RATE_LIMITS[0]
    for _ in range(burst - 1):
        posted = client.post("/api/v1/contributions/", {**body, "stance": ""}, format="json")
        assert posted.status_code == 201
    limited = client.post("/api/v1/contributions/", body, format="json")
    assert limited.status_code == 400 and "wait a little" in limited.json()["message"]
    assert Contribution.objects.filter(author=writer).count() == burst


def test_registration_stands_when_the_mail_server_is_down(
    writer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    event = EventFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client(writer).post(
            f"/api/v1/events/{event.pk}/registration/", {}, format="json"
        )
    assert response.status_code == 201
    assert Registration.objects.get(event=event).status == "confirmed"
