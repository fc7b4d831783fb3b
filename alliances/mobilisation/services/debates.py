"""Debates on measures: opened by the programme's co-pilots, concluded at their closing.

Opening, closing early and concluding are recorded in the audit log. The conclusion goes into
the next follow-up report (`program.services.reports.report_build` reads
`mobilisation.selectors.debate_conclusions`).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record
from alliances.core.errors import DomainError, NotAllowed
from alliances.mobilisation import perms
from alliances.mobilisation.enums import DebateState, NotificationKind
from alliances.mobilisation.models import Debate

NOT_ALLOWED = _("Only the programme's co-pilots open, close and conclude debates.")
EMPTY_TITLE = _("Give the question put up for debate.")
CLOSES_BEFORE_OPENING = _("The debate must close after it opens.")
CLOSES_IN_PAST = _("The closing date is already past.")
NOT_OPEN = _("This debate is not open: it cannot be closed now.")
STILL_OPEN = _("The debate is still open: its conclusion is written once it is closed.")
EMPTY_CONCLUSION = _("Write the conclusion.")
TITLE_MAX_LENGTH = 300
CONCLUSION_MAX_LENGTH = 20000


@transaction.atomic
def debate_open(
    *, measure, by, title: str, framing: str, opens_at, closes_at, request=None, now=None
) -> Debate:
    """A new debate on a measure; the measure's followers and pilots are notified."""
    from alliances.mobilisation.services.notifications import notify_debate

    now = now or timezone.now()
    if not perms.can_open_debate(by, measure):
        raise NotAllowed(NOT_ALLOWED)
    title = title.strip()
    if not title:
        raise DomainError(EMPTY_TITLE)
    if closes_at <= opens_at:
        raise DomainError(CLOSES_BEFORE_OPENING)
    if closes_at <= now:
        raise DomainError(CLOSES_IN_PAST)
    debate = Debate.objects.create(
        measure=measure,
        title=title[:TITLE_MAX_LENGTH],
        framing=framing.strip(),
        opens_at=opens_at,
        closes_at=closes_at,
        opened_by=by,
    )
    audit_record(
        action=AuditAction.DEBATE,
        actor=by,
        obj=debate,
        request=request,
        change="opened",
        measure=measure.code,
        opens_at=opens_at.isoformat(),
        closes_at=closes_at.isoformat(),
    )
    notify_debate(debate, kind=NotificationKind.DEBATE)
    return debate


@transaction.atomic
def debate_close(*, debate: Debate, by, request=None, now=None) -> Debate:
    """Close an open debate before its planned date; no contribution is accepted after."""
    now = now or timezone.now()
    if not perms.can_steer_debate(by, debate):
        raise NotAllowed(NOT_ALLOWED)
    debate = Debate.objects.select_for_update().get(pk=debate.pk)
    if debate.state(now) != DebateState.OPEN:
        raise DomainError(NOT_OPEN)
    planned = debate.closes_at
    debate.closes_at = now
    debate.save(update_fields=["closes_at", "updated_at"])
    audit_record(
        action=AuditAction.DEBATE,
        actor=by,
        obj=debate,
        request=request,
        change="closed",
        planned_closing=planned.isoformat(),
    )
    return debate


@transaction.atomic
def debate_conclude(*, debate: Debate, by, conclusion: str, request=None, now=None) -> Debate:
    """Write (or revise) the conclusion of a closed debate."""
    now = now or timezone.now()
    if not perms.can_steer_debate(by, debate):
        raise NotAllowed(NOT_ALLOWED)
    debate = Debate.objects.select_for_update().get(pk=debate.pk)
    if debate.state(now) in (DebateState.UPCOMING, DebateState.OPEN):
        raise DomainError(STILL_OPEN)
    conclusion = conclusion.strip()
    if not conclusion:
        raise DomainError(EMPTY_CONCLUSION)
    revised = debate.concluded_at is not None
    debate.conclusion = conclusion[:CONCLUSION_MAX_LENGTH]
    debate.concluded_by = by
    if not revised:
        debate.concluded_at = now
    debate.save(update_fields=["conclusion", "concluded_by", "concluded_at", "updated_at"])
    audit_record(
        action=AuditAction.DEBATE,
        actor=by,
        obj=debate,
        request=request,
        change="conclusion revised" if revised else "concluded",
    )
    return debate


def debate_label(debate: Debate) -> str:
    return gettext("Debate on %(code)s: %(title)s") % {
        "code": debate.measure.code,
        "title": debate.title,
    }
