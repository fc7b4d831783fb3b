"""Contributions and debate: posting, replies, reactions, reports and moderation.

Contributions are plain text, escaped when shown (no HTML is ever stored or rendered), so
nothing needs sanitising; the author's display name is shown, never the e-mail address.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.mobilisation import perms
from alliances.mobilisation.enums import (
    MODERATION_TRANSITIONS,
    ContributionKind,
    ModerationAction,
    ReactionKind,
    Stance,
    Visibility,
)
from alliances.mobilisation.models import (
    Contribution,
    ContributionReport,
    Debate,
    ModerationLog,
    Reaction,
)

BODY_MAX_LENGTH = 5000
# Posting limits per person: a burst limit and a daily limit.
RATE_LIMITS = ((timedelta(minutes=10), 5), (timedelta(days=1), 30))

NOT_ALLOWED = _("You are not allowed to do this.")
EMPTY_BODY = _("Write something before publishing.")
TOO_LONG = _("A contribution holds at most %(max)d characters.")
RATE_LIMITED = _(
    "You have published %(count)d contributions in a short time; please wait a little before "
    "publishing again."
)
STANCE_ON_PROPOSAL_ONLY = _("Only a proposal takes a stance.")
UNKNOWN_KIND = _("Unknown kind of contribution.")
REPLY_TO_HIDDEN = _("This contribution is hidden; it cannot be answered.")
EMPTY_REASON = _("Give a reason.")
ALREADY_REPORTED = _("You have already reported this contribution.")
FORBIDDEN_ACTION = _("This contribution cannot be %(action)s now.")
DEBATE_NOT_OPEN_YET = _("This debate is not open yet; come back when it opens.")
DEBATE_CLOSED = _("This debate is closed: it no longer accepts contributions.")


def _check_rate(author, now) -> None:
    for window, limit in RATE_LIMITS:
        count = Contribution.objects.filter(author=author, created_at__gte=now - window).count()
        if count >= limit:
            raise DomainError(RATE_LIMITED % {"count": count})


def _check_open(target, now) -> None:
    """A debate takes contributions only between its opening and its closing."""
    if isinstance(target, Debate) and not target.is_open(now):
        raise DomainError(DEBATE_NOT_OPEN_YET if now < target.opens_at else DEBATE_CLOSED)


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise DomainError(EMPTY_BODY)
    if len(body) > BODY_MAX_LENGTH:
        raise DomainError(TOO_LONG % {"max": BODY_MAX_LENGTH})
    return body


@transaction.atomic
def contribution_create(
    *, target, author, kind: str, body: str, stance: str = "", now=None
) -> Contribution:
    """A new top-level contribution on a record; followers and pilots are notified."""
    from alliances.mobilisation.services.notifications import notify_contribution

    now = now or timezone.now()
    if not perms.can_contribute(author):
        raise DomainError(NOT_ALLOWED)
    if kind not in ContributionKind.values:
        raise DomainError(UNKNOWN_KIND)
    if stance and (kind != ContributionKind.PROPOSAL or stance not in Stance.values):
        raise DomainError(STANCE_ON_PROPOSAL_ONLY)
    _check_open(target, now)
    body = _check_body(body)
    _check_rate(author, now)
    contribution = Contribution.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        author=author,
        kind=kind,
        stance=stance,
        body=body,
    )
    notify_contribution(contribution, target=target)
    return contribution


@transaction.atomic
def contribution_reply(*, parent: Contribution, author, body: str, now=None) -> Contribution:
    """A reply in a thread (a comment on the same record); the parent's author is notified."""
    from alliances.mobilisation.services.notifications import notify_contribution

    now = now or timezone.now()
    if not perms.can_contribute(author):
        raise DomainError(NOT_ALLOWED)
    if parent.visibility != Visibility.VISIBLE:
        raise DomainError(REPLY_TO_HIDDEN)
    if parent.content_type_id == ContentType.objects.get_for_model(Debate).pk:
        _check_open(Debate.objects.get(pk=parent.object_id), now)
    body = _check_body(body)
    _check_rate(author, now)
    reply = Contribution.objects.create(
        content_type_id=parent.content_type_id,
        object_id=parent.object_id,
        parent=parent,
        author=author,
        kind=ContributionKind.COMMENT,
        body=body,
    )
    notify_contribution(reply, target=parent.target)
    return reply


@transaction.atomic
def reaction_toggle(*, contribution: Contribution, user, kind: str) -> bool:
    """Add the reaction, or take it back if it was there; True when it is now there."""
    if not perms.can_react(user, contribution) or kind not in ReactionKind.values:
        raise DomainError(NOT_ALLOWED)
    deleted, _details = Reaction.objects.filter(
        contribution=contribution, user=user, kind=kind
    ).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(contribution=contribution, user=user, kind=kind)
    except IntegrityError:
        pass  # The same person clicked twice at once: the reaction is there.
    return True


@transaction.atomic
def contribution_report(*, contribution: Contribution, reporter, reason: str) -> ContributionReport:
    if not perms.can_report(reporter, contribution):
        raise DomainError(NOT_ALLOWED)
    reason = reason.strip()
    if not reason:
        raise DomainError(EMPTY_REASON)
    try:
        with transaction.atomic():
            return ContributionReport.objects.create(
                contribution=contribution, reporter=reporter, reason=reason
            )
    except IntegrityError as error:
        raise DomainError(ALREADY_REPORTED) from error


@transaction.atomic
def contribution_moderate(
    *, contribution: Contribution, moderator, action: str, reason: str = "", now=None
) -> Contribution:
    """Hide (with a reason), restore, or dismiss the reports; every action is logged."""
    if not perms.can_moderate(moderator, contribution):
        raise DomainError(NOT_ALLOWED)
    now = now or timezone.now()
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    action = ModerationAction(action)
    before, after = MODERATION_TRANSITIONS[action]
    if contribution.visibility != before:
        raise DomainError(FORBIDDEN_ACTION % {"action": action.label})
    reason = reason.strip()
    if action == ModerationAction.HIDE and not reason:
        raise DomainError(EMPTY_REASON)
    contribution.visibility = after
    contribution.hidden_reason = reason if action == ModerationAction.HIDE else ""
    contribution.save(update_fields=["visibility", "hidden_reason", "updated_at"])
    contribution.reports.filter(handled_at__isnull=True).update(handled_at=now)
    ModerationLog.objects.create(
        contribution=contribution, moderator=moderator, action=action, reason=reason
    )
    return contribution
