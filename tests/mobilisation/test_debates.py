from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.audit.models import AuditAction, AuditEvent
from alliances.core.errors import DomainError, NotAllowed
from alliances.mobilisation.enums import DebateState
from alliances.mobilisation.models import Contribution, Debate, Notification
from alliances.mobilisation.services import contributions, debates, notifications
from alliances.program import report_pdf
from alliances.program.services import reports
from tests.factories import UserFactory

CONCLUSION = "Les contributeurs demandent un calendrier commun des rencontres territoriales."


def _open(measure, by, *, days=7, **kwargs):
    now = timezone.now()
    return debates.debate_open(
        measure=measure,
        by=by,
        title=kwargs.get("title", "Quels événements pour porter la mesure ?"),
        framing="Le cadre du débat.",
        opens_at=kwargs.get("opens_at", now - timedelta(minutes=1)),
        closes_at=kwargs.get("closes_at", now + timedelta(days=days)),
    )


def test_only_co_pilots_open_debates_and_opening_is_audited(o1, co_pilot, pilot):
    with pytest.raises(NotAllowed):
        _open(o1, pilot)
    with pytest.raises(NotAllowed):
        _open(o1, UserFactory())
    debate = _open(o1, co_pilot)
    assert debate.state() == DebateState.OPEN
    event = AuditEvent.objects.get(action=AuditAction.DEBATE)
    assert event.actor == co_pilot
    assert event.detail["change"] == "opened"
    assert event.object_id == str(debate.pk)


def test_opening_rejects_bad_dates(o1, co_pilot):
    now = timezone.now()
    with pytest.raises(DomainError, match="après son ouverture"):
        _open(o1, co_pilot, opens_at=now, closes_at=now - timedelta(hours=1))
    with pytest.raises(DomainError, match="déjà passée"):
        _open(o1, co_pilot, opens_at=now - timedelta(days=3), closes_at=now - timedelta(days=1))
    assert not Debate.objects.exists()


def test_opening_notifies_followers_and_pilots_once(o1, co_pilot, pilot):
    notifications.follow_toggle(user=pilot, target=o1)  # pilot and follower: one notification
    follower = UserFactory()
    notifications.follow_toggle(user=follower, target=o1)
    debate = _open(o1, co_pilot)
    received = Notification.objects.filter(cause_id=debate.pk, kind="debate")
    assert sorted(received.values_list("recipient_id", flat=True)) == sorted(
        [pilot.pk, follower.pk]
    )


def test_a_closed_debate_refuses_contributions_and_replies(o1, co_pilot):
    debate = _open(o1, co_pilot)
    author = UserFactory()
    first = contributions.contribution_create(
        target=debate, author=author, kind="proposal", stance="for", body="Oui"
    )
    assert first.target == debate
    debates.debate_close(debate=debate, by=co_pilot)
    debate.refresh_from_db()
    assert debate.state() == DebateState.CLOSED
    with pytest.raises(DomainError, match="est clos"):
        contributions.contribution_create(
            target=debate, author=UserFactory(), kind="comment", body="Trop tard"
        )
    with pytest.raises(DomainError, match="est clos"):
        contributions.contribution_reply(parent=first, author=UserFactory(), body="Trop tard")
    assert Contribution.objects.on(debate).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.DEBATE, detail__change="closed").exists()


def test_a_debate_not_open_yet_refuses_contributions(o1, co_pilot):
    now = timezone.now()
    debate = _open(
        o1, co_pilot, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=5)
    )
    with pytest.raises(DomainError, match="pas encore ouvert"):
        contributions.contribution_create(
            target=debate, author=UserFactory(), kind="comment", body="Trop tôt"
        )


def test_conclusion_only_after_closing_and_by_co_pilots(o1, co_pilot, pilot):
    debate = _open(o1, co_pilot)
    with pytest.raises(DomainError, match="encore ouvert"):
        debates.debate_conclude(debate=debate, by=co_pilot, conclusion=CONCLUSION)
    later = debate.closes_at + timedelta(minutes=1)
    with pytest.raises(NotAllowed):
        debates.debate_conclude(debate=debate, by=pilot, conclusion=CONCLUSION, now=later)
    with pytest.raises(DomainError):
        debates.debate_conclude(debate=debate, by=co_pilot, conclusion="  ", now=later)
    concluded = debates.debate_conclude(
        debate=debate, by=co_pilot, conclusion=CONCLUSION, now=later
    )
    assert concluded.state() == DebateState.CONCLUDED
    assert concluded.concluded_at == later
    assert AuditEvent.objects.filter(detail__change="concluded").count() == 1


def test_a_conclusion_shows_in_the_next_report_html_and_pdf(client, programme, o1, co_pilot):
    today = timezone.localdate()
    before = reports.report_build(programme=programme, as_of=today, by=co_pilot)
    assert before.snapshot["debates"] == []
    debate = _open(o1, co_pilot)
    contributions.contribution_create(
        target=debate, author=UserFactory(), kind="comment", body="Un avis"
    )
    debates.debate_close(debate=debate, by=co_pilot)
    debates.debate_conclude(debate=debate, by=co_pilot, conclusion=CONCLUSION)
    after = reports.report_build(programme=programme, as_of=today, by=co_pilot)
    [entry] = after.snapshot["debates"]
    assert entry["conclusion"] == CONCLUSION and entry["measure"] == "O1"
    assert entry["contributions"] == 1

    page = client.get(reverse("web:report", kwargs={"slug": programme.slug, "pk": after.pk}))
    assert CONCLUSION in page.content.decode()
    earlier = client.get(reverse("web:report", kwargs={"slug": programme.slug, "pk": before.pk}))
    assert CONCLUSION not in earlier.content.decode()

    conclusions = reports.report_conclusions(after, before)
    report_pdf._register_fonts()
    story = report_pdf._conclusions(conclusions, report_pdf._styles())
    assert any(CONCLUSION in paragraph.text for paragraph in story if hasattr(paragraph, "text"))
    pdf = client.get(reverse("web:report_pdf", kwargs={"slug": programme.slug, "pk": after.pk}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_debate_pages(client, o1, co_pilot, programme):
    measure_url = o1.get_absolute_url()
    client.force_login(co_pilot)
    assert "Ouvrir un débat" in client.get(measure_url).content.decode()
    add_url = reverse("web:debate_add", kwargs={"slug": programme.slug, "code": "O1"})
    form_page = client.get(add_url)
    assert form_page.status_code == 200 and 'name="title"' in form_page.content.decode()
    bad = client.post(add_url, {"title": "Q", "opens_at": "2026-01-02T10:00", "closes_at": "x"})
    assert bad.status_code == 400
    assert 'aria-invalid="true"' in bad.content.decode()
    assert not Debate.objects.exists()
    now = timezone.localtime()
    response = client.post(
        add_url,
        {
            "title": "Quelle suite donner ?",
            "framing": "Cadre",
            "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    debate = Debate.objects.get()
    assert response.status_code == 302 and response.url == debate.get_absolute_url()
    page = client.get(debate.get_absolute_url()).content.decode()
    assert "Quelle suite donner ?" in page and "Clore le débat maintenant" in page

    client.post(reverse("web:debate_close", kwargs={"pk": debate.pk}))
    page = client.get(debate.get_absolute_url()).content.decode()
    assert "n’accepte plus de contributions" in page
    contributor = UserFactory()
    client.force_login(contributor)
    refused = client.post(
        reverse("web:contribution_add", kwargs={"kind": "debate", "pk": debate.pk}),
        {"kind": "comment", "body": "Trop tard"},
    )
    assert refused.status_code == 400
    assert "n’accepte plus de contributions" in refused.content.decode()
    forbidden = client.post(
        reverse("web:debate_conclude", kwargs={"pk": debate.pk}), {"conclusion": "x"}
    )
    assert forbidden.status_code == 403

    client.force_login(co_pilot)
    client.post(
        reverse("web:debate_conclude", kwargs={"pk": debate.pk}), {"conclusion": CONCLUSION}
    )
    assert CONCLUSION in client.get(measure_url).content.decode()


def test_pilots_cannot_open_debates_on_the_site(client, pilot, programme):
    client.force_login(pilot)
    url = reverse("web:debate_add", kwargs={"slug": programme.slug, "code": "O1"})
    page = client.get(url)
    assert page.status_code == 403
    assert "Accès refusé" in page.content.decode()
    assert 'name="title"' not in page.content.decode()  # no form to fill in
    now = timezone.localtime()
    refused = client.post(
        url,
        {
            "title": "Quelle suite donner ?",
            "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert refused.status_code == 403
    assert not Debate.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DEBATE).exists()


def test_debates_api(client, o1, co_pilot):
    debate = _open(o1, co_pilot)
    debates.debate_close(debate=debate, by=co_pilot)
    debates.debate_conclude(debate=debate, by=co_pilot, conclusion=CONCLUSION)
    listing = client.get("/api/v1/debates/", {"measure": "O1"}).json()
    assert listing["results"][0]["conclusion"] == CONCLUSION
    assert listing["results"][0]["state"] == "concluded"
    detail = client.get(f"/api/v1/debates/{debate.pk}/").json()
    assert detail["measure"] == "O1" and detail["programme"] == o1.programme.slug
    assert client.get("/api/v1/debates/999999/").status_code == 404
    assert client.get("/api/v1/debates/", {"measure": "ZZ"}).json()["results"] == []
