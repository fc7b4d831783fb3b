from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from alliances.mobilisation import tokens
from alliances.mobilisation.enums import DigestFrequency
from alliances.mobilisation.models import JobRun, Notification, NotificationSettings, Reminder
from alliances.mobilisation.services import contributions, notifications, reminders
from alliances.program.models import ProgressUpdate
from tests.factories import UserFactory


def test_following_and_piloting_a_measure_gives_one_notification(
    o1, pilot, django_capture_on_commit_callbacks
):
    notifications.follow_toggle(user=pilot, target=o1)
    NotificationSettings.objects.create(user=pilot, frequency=DigestFrequency.IMMEDIATE)
    author = UserFactory(display_name="Bea")
    with django_capture_on_commit_callbacks(execute=True):
        contribution = contributions.contribution_create(
            target=o1, author=author, kind="comment", body="Bonjour"
        )
    assert Notification.objects.filter(recipient=pilot).count() == 1
    assert not Notification.objects.filter(recipient=author).exists()
    assert [m.to for m in mail.outbox] == [[pilot.email]]
    assert f"#contribution-{contribution.pk}" in mail.outbox[0].body
    assert "/desabonnement/" in mail.outbox[0].body


def test_reply_notifies_the_parent_author_and_daily_digest_groups(
    o1, django_capture_on_commit_callbacks
):
    first = UserFactory(display_name="Camille")
    parent = contributions.contribution_create(target=o1, author=first, kind="comment", body="A")
    follower = UserFactory()
    notifications.follow_toggle(user=follower, target=o1)
    with django_capture_on_commit_callbacks(execute=True):
        contributions.contribution_reply(parent=parent, author=UserFactory(), body="B")
        contributions.contribution_create(target=o1, author=UserFactory(), kind="comment", body="C")
    assert mail.outbox == []  # default: daily digest
    assert list(Notification.objects.filter(recipient=first).values_list("kind", flat=True)) == [
        "reply"
    ]
    assert Notification.objects.filter(recipient=follower).count() == 2
    sent = notifications.digests_send(frequency=DigestFrequency.DAILY)
    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, follower.email])
    assert notifications.digests_send(frequency=DigestFrequency.DAILY) == 0
    assert notifications.digests_send(frequency=DigestFrequency.WEEKLY) == 0


def test_unsubscribe_link(client, db):
    user = UserFactory()
    url = reverse("web:unsubscribe", kwargs={"token": tokens.unsubscribe_token(user)})
    assert client.get(url).status_code == 200
    client.post(url)
    settings = NotificationSettings.objects.get(user=user)
    assert settings.frequency == DigestFrequency.NEVER and not settings.freshness_reminders
    assert client.get(url[:-4] + "abc/").status_code == 404


def test_reminders_go_to_pilots_of_stale_measures_once_per_week(o1, pilot, other_pilot):
    today = date(2026, 11, 23)  # a Monday
    ProgressUpdate.objects.create(
        measure=o1.programme.measures.get(code="O2"), date=today, status="on_track", narrative="x"
    )
    report = reminders.freshness_reminders_send(today=today)
    assert report.sent == 1  # O1 never updated: overdue; O2 fresh
    assert [m.to for m in mail.outbox] == [[pilot.email]]
    assert "/toujours-exact/" in mail.outbox[0].body
    again = reminders.freshness_reminders_send(today=today + timedelta(days=3))
    assert again.sent == 0 and again.already_sent == 1
    next_week = reminders.freshness_reminders_send(today=today + timedelta(days=7))
    assert next_week.sent == 1
    assert Reminder.objects.filter(recipient=pilot).count() == 2


def test_pilot_can_opt_out_of_reminders(o1, pilot):
    NotificationSettings.objects.create(user=pilot, freshness_reminders=False)
    report = reminders.freshness_reminders_send(today=date(2026, 11, 23))
    assert report.sent == 0 and report.opted_out == 1 and mail.outbox == []


def test_still_accurate_confirmation_makes_the_measure_fresh(client, o1, pilot):
    url = reverse("web:measure_confirm", kwargs={"slug": o1.programme.slug, "code": o1.code})
    assert client.get(url).status_code == 302  # to login
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(pilot)
    client.post(url)
    update = o1.updates.get()
    assert update.status == "on_track" and update.author == pilot
    assert reminders.freshness_reminders_send().sent == 0


def test_run_jobs_runs_due_jobs_once(o1, pilot, capsys):
    call_command("run_jobs")
    output = capsys.readouterr().out
    assert "Ran 4 of 4 jobs." in output
    assert len(mail.outbox) == 1
    call_command("run_jobs")
    assert "Ran 0 of 4 jobs." in capsys.readouterr().out
    call_command("run_jobs", "--list")
    assert "4 jobs, 0 due." in capsys.readouterr().out
    assert JobRun.objects.filter(finished_at__isnull=False).count() == 4


def test_notification_page_and_settings(client, o1):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("web:follow", kwargs={"kind": "measure", "pk": o1.pk}))
    page = client.get(reverse("web:notification_settings")).content.decode()
    assert o1.title in page and "INVALID_TEMPLATE_VARIABLE" not in page
    bad = client.post(reverse("web:notification_settings"), {"frequency": "hourly"})
    assert bad.status_code == 400
    client.post(reverse("web:notification_settings"), {"frequency": "weekly"})
    assert NotificationSettings.objects.get(user=user).frequency == "weekly"
    assert not NotificationSettings.objects.get(user=user).freshness_reminders
    assert (
        client.post(reverse("web:follow", kwargs={"kind": "nothing", "pk": 1})).status_code == 404
    )


@pytest.mark.django_db
def test_demo_events_load_idempotently():
    from alliances.mobilisation.models import Event
    from alliances.mobilisation.services.demo import mobilisation_demo_load

    assert mobilisation_demo_load() == 5
    assert mobilisation_demo_load() == 5
    pioneers = Event.objects.get(title_fr__startswith="6e Rencontre")
    assert pioneers.is_demo and pioneers.local_starts_at.date() == date(2020, 7, 8)
    forum = Event.objects.get(title_fr__startswith="Forum National")
    assert forum.local_starts_at.date() == date(2020, 10, 15)
    assert set(pioneers.measures.values_list("code", flat=True)) == {"O4", "O5"}
    assert Event.objects.upcoming().count() == 3
    from alliances.mobilisation.models import Debate

    debate = Debate.objects.get(is_demo=True)  # loaded once, open, on political measure 2
    assert debate.measure.code == "P2" and debate.is_open() and not debate.conclusion
