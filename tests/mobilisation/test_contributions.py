from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.core.errors import DomainError
from alliances.mobilisation.enums import ModerationAction, Visibility
from alliances.mobilisation.models import Contribution, ModerationLog, Reaction
from alliances.mobilisation.services import contributions as services
from tests.factories import UserFactory
from tests.registry.factories import AllianceFactory


@pytest.fixture
def author(db):
    return UserFactory(display_name="Alice Contributrice", email="alice.secret@example.org")


@pytest.fixture
def moderator(db):
    return UserFactory(staff=True, display_name="Modo")


def test_proposal_with_stance_and_threaded_reply(o1, author, english):
    proposal = services.contribution_create(
        target=o1, author=author, kind="proposal", stance="for", body="  Ouvrir un appel.  "
    )
    assert proposal.body == "Ouvrir un appel." and proposal.target == o1
    other = UserFactory()
    reply = services.contribution_reply(parent=proposal, author=other, body="D'accord.")
    assert reply.parent == proposal and reply.target == o1
    with pytest.raises(DomainError, match="Only a proposal takes a stance"):
        services.contribution_create(
            target=o1, author=author, kind="comment", stance="for", body="x"
        )
    with pytest.raises(DomainError, match="Write something"):
        services.contribution_create(target=o1, author=author, kind="comment", body="   ")


def test_rate_limit_on_posting(o1, author, english):
    for n in range(5):
        services.contribution_create(target=o1, author=author, kind="comment", body=f"Idée {n}")
    with pytest.raises(DomainError, match="short time"):
        services.contribution_create(target=o1, author=author, kind="comment", body="Encore")
    later = timezone.now() + timedelta(minutes=11)
    services.contribution_create(
        target=o1, author=author, kind="comment", body="Plus tard", now=later
    )
    assert Contribution.objects.filter(author=author).count() == 6


def test_reactions_toggle_and_not_on_own_contribution(o1, author, english):
    contribution = services.contribution_create(target=o1, author=author, kind="comment", body="x")
    reader = UserFactory()
    assert services.reaction_toggle(contribution=contribution, user=reader, kind="support")
    assert Reaction.objects.filter(contribution=contribution).count() == 1
    assert not services.reaction_toggle(contribution=contribution, user=reader, kind="support")
    assert Reaction.objects.count() == 0
    with pytest.raises(DomainError, match="not allowed"):
        services.reaction_toggle(contribution=contribution, user=author, kind="support")


def test_report_hide_restore_logged_and_hidden_disappears(client, o1, author, moderator, english):
    contribution = services.contribution_create(
        target=o1, author=author, kind="testimony", body="Un témoignage à masquer"
    )
    page = client.get(o1.get_absolute_url()).content.decode()
    assert "Un témoignage à masquer" in page
    assert "Alice Contributrice" in page
    assert "alice.secret@example.org" not in page

    reporter = UserFactory()
    services.contribution_report(contribution=contribution, reporter=reporter, reason="Hors sujet")
    with pytest.raises(DomainError, match="already reported"):
        services.contribution_report(contribution=contribution, reporter=reporter, reason="Encore")
    with pytest.raises(DomainError, match="not allowed"):
        services.contribution_moderate(
            contribution=contribution, moderator=reporter, action="hide", reason="x"
        )
    with pytest.raises(DomainError, match="reason"):
        services.contribution_moderate(
            contribution=contribution, moderator=moderator, action="hide", reason=" "
        )
    services.contribution_moderate(
        contribution=contribution, moderator=moderator, action="hide", reason="Propos injurieux"
    )
    contribution.refresh_from_db()
    assert contribution.visibility == Visibility.HIDDEN
    assert contribution.reports.get().handled_at is not None
    assert "Un témoignage à masquer" not in client.get(o1.get_absolute_url()).content.decode()
    with pytest.raises(DomainError, match="cannot be"):
        services.contribution_moderate(
            contribution=contribution, moderator=moderator, action="hide", reason="again"
        )
    services.contribution_moderate(contribution=contribution, moderator=moderator, action="restore")
    assert "Un témoignage à masquer" in client.get(o1.get_absolute_url()).content.decode()
    log = list(ModerationLog.objects.order_by("id").values_list("action", "moderator", "reason"))
    assert log == [
        (ModerationAction.HIDE, moderator.pk, "Propos injurieux"),
        (ModerationAction.RESTORE, moderator.pk, ""),
    ]


def test_hidden_parent_hides_its_replies_on_the_alliance_page(client, author, moderator):
    alliance = AllianceFactory()
    parent = services.contribution_create(
        target=alliance, author=author, kind="comment", body="Parent"
    )
    services.contribution_reply(parent=parent, author=UserFactory(), body="Réponse cachée")
    assert "Réponse cachée" in client.get(alliance.get_absolute_url()).content.decode()
    services.contribution_moderate(
        contribution=parent, moderator=moderator, action="hide", reason="Spam"
    )
    assert "Réponse cachée" not in client.get(alliance.get_absolute_url()).content.decode()


def test_contribution_pages_post_and_moderation_queue(client, o1, author, moderator):
    url = reverse("web:contribution_add", kwargs={"kind": "measure", "pk": o1.pk})
    assert client.post(url, {"kind": "comment", "body": "x"}).status_code == 302  # to login
    client.force_login(author)
    bad = client.post(url, {"kind": "comment", "stance": "for", "body": "Texte"})
    assert bad.status_code == 400 and "form-errors" in bad.content.decode()
    response = client.post(url, {"kind": "proposal", "stance": "against", "body": "<b>Non</b>"})
    contribution = Contribution.objects.get()
    assert response["Location"].endswith(f"#contribution-{contribution.pk}")
    page = client.get(o1.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Non&lt;/b&gt;" in page and "<b>Non</b>" not in page
    assert "INVALID_TEMPLATE_VARIABLE" not in page
    assert (
        client.post(
            reverse("web:contribution_add", kwargs={"kind": "programme", "pk": 1}), {}
        ).status_code
        == 404
    )

    reporter = UserFactory()
    client.force_login(reporter)
    client.post(reverse("web:contribution_report", args=[contribution.pk]), {"reason": "Doute"})
    assert client.get(reverse("web:contribution_moderation")).status_code == 403
    client.force_login(moderator)
    queue = client.get(reverse("web:contribution_moderation")).content.decode()
    assert "Doute" in queue and "INVALID_TEMPLATE_VARIABLE" not in queue
    client.post(
        reverse("web:contribution_moderate", args=[contribution.pk]),
        {"action": "hide", "reason": "Hors charte"},
    )
    contribution.refresh_from_db()
    assert contribution.hidden_reason == "Hors charte"
    client.post(reverse("web:contribution_moderate", args=[contribution.pk]), {"action": "zap"})
    assert ModerationLog.objects.count() == 1
