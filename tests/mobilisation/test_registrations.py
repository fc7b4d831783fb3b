import csv
import io
import threading
from datetime import timedelta

import openpyxl
import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from icalendar import Calendar

from alliances.core.errors import DomainError
from alliances.mobilisation import attendees, calendar, tokens
from alliances.mobilisation.enums import RegistrationStatus
from alliances.mobilisation.models import Event, Registration
from alliances.mobilisation.services import registrations as services
from tests.factories import UserFactory
from tests.mobilisation.factories import EventFactory


def register(event, n, **kwargs):
    return services.registration_create(
        event=event, name=f"Personne {n}", email=f"p{n}@example.org", **kwargs
    )


@pytest.mark.django_db
def test_beyond_capacity_goes_to_waiting_list_and_is_promoted_on_cancel(
    django_capture_on_commit_callbacks, english
):
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, 1)
        register(event, 2)
        third = register(event, 3)
        fourth = register(event, 4)
    assert [r.status for r in (first, third, fourth)] == ["confirmed", "waiting", "waiting"]
    assert len(mail.outbox) == 4
    assert mail.outbox[0].subject.endswith(f"Registration confirmed: {event.title}")
    assert mail.outbox[2].subject.endswith(f"Waiting list: {event.title}")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(registration=first)
    assert promoted == [third]
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == RegistrationStatus.CONFIRMED and third.promoted_at is not None
    assert fourth.status == RegistrationStatus.WAITING
    assert [m.to for m in mail.outbox] == [["p3@example.org"]]
    assert services.cancel_url(third) in mail.outbox[0].body


@pytest.mark.django_db
def test_cancelling_a_waiting_registration_promotes_nobody(english):
    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    assert services.registration_cancel(registration=waiting) == []
    assert event.registrations.confirmed().count() == 1
    with pytest.raises(DomainError, match="already cancelled"):
        services.registration_cancel(registration=waiting)


@pytest.mark.django_db
def test_raising_capacity_promotes_from_the_waiting_list():
    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    promoted = services.event_capacity_change(event=event, capacity=3)
    assert promoted == [waiting]


@pytest.mark.django_db
def test_same_email_twice_and_closed_registration_are_refused(english):
    event = EventFactory(registration_closes_at=timezone.now() + timedelta(days=1))
    register(event, 1)
    with pytest.raises(DomainError, match="already registered"):
        services.registration_create(event=event, name="X", email="P1@example.org ")
    with pytest.raises(DomainError, match="not open"):
        register(event, 2, now=timezone.now() + timedelta(days=2))
    past = EventFactory(past=True)
    with pytest.raises(DomainError, match="not open"):
        register(past, 3)
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registration_form_and_bad_input(client):
    event = EventFactory(capacity=1)
    url = reverse("web:event_register", kwargs={"pk": event.pk})
    bad = client.post(url, {"name": "", "email": "not-an-address"})
    assert bad.status_code == 400
    assert "form-errors" in bad.content.decode()
    ok = client.post(url, {"name": "Ana", "email": "ana@example.org"}, follow=True)
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert "INVALID_TEMPLATE_VARIABLE" not in ok.content.decode()
    client.post(url, {"name": "Bo", "email": "bo@example.org"})
    assert Registration.objects.get(email="bo@example.org").status == RegistrationStatus.WAITING


@pytest.mark.django_db
def test_cancellation_link_works_without_login_and_rejects_tampering(client):
    event = EventFactory(capacity=1)
    registration = register(event, 1)
    waiting = register(event, 2)
    url = services.cancel_url(registration)
    page = client.get(url)
    assert "Personne 1" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    bad = client.post(url[:-3] + "xyz/")
    assert bad.status_code == 404
    assert tokens.registration_from_token("nonsense") is None


@pytest.mark.django_db
def test_attendee_exports_neutralise_formulas():
    event = EventFactory()
    services.registration_create(
        event=event, name='=HYPERLINK("http://evil")', email="a@example.org", organisation="+33"
    )
    text = attendees.attendees_csv(event).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2] == "'+33"
    sheet = openpyxl.load_workbook(io.BytesIO(attendees.attendees_xlsx(event))).active
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "s"


@pytest.mark.django_db
def test_attendee_export_is_for_organisers_only(client):
    event = EventFactory()
    register(event, 1)
    url = reverse("web:event_attendees", kwargs={"pk": event.pk, "fmt": "csv"})
    assert client.get(url).status_code == 403
    organiser = UserFactory()
    event.organisers.add(organiser)
    client.force_login(organiser)
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    assert "p1@example.org" in response.content.decode("utf-8-sig")
    xlsx = client.get(url.replace(".csv", ".xlsx"))
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).active["B2"].value == "p1@example.org"
    assert client.get(url.replace(".csv", ".pdf")).status_code == 404


@pytest.mark.django_db
def test_ical_parses_as_icalendar_with_time_zone():
    event = EventFactory(online_url="https://visio.example.org/x")
    parsed = Calendar.from_ical(calendar.event_ical(event, base_url="https://alliances.example"))
    assert parsed["VERSION"] == "2.0"
    (component,) = parsed.walk("VEVENT")
    assert str(component["SUMMARY"]) == event.title
    assert component.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert component["DTSTART"].params["TZID"] == "Europe/Paris"
    assert parsed.walk("VTIMEZONE")
    assert str(component["UID"]) == f"event-{event.pk}@alliances.example"


@pytest.mark.django_db
def test_ical_feed_holds_all_recent_events(client):
    upcoming = EventFactory()
    past = EventFactory(past=True)
    response = client.get(reverse("web:events_feed"))
    assert response["Content-Type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    summaries = {str(c["SUMMARY"]) for c in parsed.walk("VEVENT")}
    assert {upcoming.title_fr, past.title_fr} <= summaries


@pytest.fixture
def committed_event(django_db_setup, django_db_blocker):
    """An event committed for real, so that several connections see it; removed afterwards."""
    with django_db_blocker.unblock():
        event = Event.objects.create(
            title_fr="Dernière place",
            kind="workshop",
            starts_at=timezone.now() + timedelta(days=3),
            ends_at=timezone.now() + timedelta(days=3, hours=2),
            organiser_name="Test",
            capacity=1,
        )
        yield event
        event.delete()


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers (IMMEDIATE transactions); the row lock is for PostgreSQL",
)
def test_two_people_taking_the_last_seat_at_once_do_not_overbook(
    committed_event, django_db_blocker
):
    barrier = threading.Barrier(2)
    results = []

    def take(n):
        from django.db import connections

        try:
            barrier.wait()
            with override("en"):
                results.append(register(committed_event, n).status)
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        threads = [threading.Thread(target=take, args=(n,)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results) == ["confirmed", "waiting"]
        assert committed_event.registrations.confirmed().count() == 1


@pytest.mark.django_db
def test_event_list_filters_and_query_count(client, django_assert_max_num_queries):
    from alliances.territories.models import Territory

    lyon = Territory.objects.get(kind="commune", code="69123")
    in_lyon = EventFactory(territory=lyon, kind="workshop")
    elsewhere = EventFactory(kind="forum")
    for _ in range(5):
        EventFactory()
    past = EventFactory(past=True, title_fr="Rencontre passée")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("web:event_list")).content.decode()
    assert in_lyon.title_fr in page and "Rencontre passée" not in page
    assert "INVALID_TEMPLATE_VARIABLE" not in page
    rhone = Territory.objects.get(kind="departement", code="69")
    filtered = client.get(reverse("web:event_list"), {"territory": rhone.pk}).content.decode()
    assert in_lyon.title_fr in filtered and elsewhere.title_fr not in filtered
    by_kind = client.get(reverse("web:event_list"), {"kind": "forum"}).content.decode()
    assert elsewhere.title_fr in by_kind and in_lyon.title_fr not in by_kind
    past_page = client.get(reverse("web:event_list"), {"when": "past"}).content.decode()
    assert past.title_fr in past_page and in_lyon.title_fr not in past_page
    bad = client.get(reverse("web:event_list"), {"kind": "party", "territory": "x"})
    assert bad.status_code == 200 and "form-errors" in bad.content.decode()
    detail = client.get(past.get_absolute_url()).content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in detail
