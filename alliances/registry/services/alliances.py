"""Writes on alliances and their moderation: submission, publication workflow, corrections."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.registry.enums import (
    PUBLICATION_TRANSITIONS,
    CorrectionStatus,
    MembershipRole,
    Publication,
    Source,
    World,
)
from alliances.registry.identifiers import compact, is_rna, is_siren
from alliances.registry.models import (
    Alliance,
    CorrectionRequest,
    Membership,
    Organisation,
    PublicationEvent,
)

FORBIDDEN_TRANSITION = _("An alliance cannot go from “%(from)s” to “%(to)s”.")
NO_MEMBERS = _("An alliance needs at least two members.")
ALREADY_HANDLED = _("This correction request has already been handled.")
EMPTY_MESSAGE = _("Say what should be corrected.")


@dataclass(frozen=True)
class MemberInput:
    name: str
    world: str
    identifier: str
    role: str


def member_organisation(member: MemberInput) -> Organisation:
    """The registry's organisation for this SIREN or RNA number, created from the form if new.

    The identifier must already be valid (forms check it); a SIREN is matched first.
    """
    identifier = compact(member.identifier)
    field = "siren" if is_siren(identifier) else "rna_id" if is_rna(identifier) else None
    if field is None:
        raise DomainError(
            _("“%(value)s” is neither a SIREN nor an RNA number.") % {"value": member.identifier}
        )
    organisation = Organisation.objects.filter(**{field: identifier}).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=member.name.strip(),
            world=member.world if member.world in World.values else World.OTHER,
            source=Source.FORM,
            **{field: identifier},
        )
    return organisation


@transaction.atomic
def alliance_submit(
    *,
    title: str,
    summary: str,
    description: str,
    alliance_type: str,
    territories: list,
    goals: list,
    members: list[MemberInput],
    contact_email: str,
    by=None,
) -> Alliance:
    """A proposal from the public form: stored as submitted, waiting for a moderator."""
    if len(members) < 2:
        raise DomainError(NO_MEMBERS)
    alliance = Alliance.objects.create(
        title=title.strip(),
        summary=summary.strip(),
        description=description.strip(),
        alliance_type=alliance_type,
        publication=Publication.SUBMITTED,
        contact_email=contact_email,
        source=Source.FORM,
    )
    alliance.territories.set(territories)
    alliance.goals.set(goals)
    for member in members:
        Membership.objects.get_or_create(
            alliance=alliance,
            organisation=member_organisation(member),
            role=member.role if member.role in MembershipRole.values else MembershipRole.PARTNER,
        )
    PublicationEvent.objects.create(
        alliance=alliance,
        from_state="",
        to_state=Publication.SUBMITTED,
        by=by if by is not None and by.is_authenticated else None,
    )
    return alliance


@transaction.atomic
def alliance_transition(*, alliance: Alliance, to_state: str, by, note: str = "") -> Alliance:
    """Move an alliance in the publication workflow (see `PUBLICATION_TRANSITIONS`)."""
    alliance = Alliance.objects.select_for_update().get(pk=alliance.pk)
    allowed = PUBLICATION_TRANSITIONS.get(alliance.publication, set())
    if to_state not in allowed:
        raise DomainError(FORBIDDEN_TRANSITION % {"from": alliance.publication, "to": to_state})
    PublicationEvent.objects.create(
        alliance=alliance, from_state=alliance.publication, to_state=to_state, by=by, note=note
    )
    alliance.publication = to_state
    if to_state == Publication.PUBLISHED and alliance.published_at is None:
        alliance.published_at = timezone.now()
    alliance.save(update_fields=["publication", "published_at", "updated_at"])
    return alliance


@transaction.atomic
def correction_report(*, record, message: str, contact_email: str = "") -> CorrectionRequest:
    if not message.strip():
        raise DomainError(EMPTY_MESSAGE)
    target = {"alliance": record} if isinstance(record, Alliance) else {"organisation": record}
    return CorrectionRequest.objects.create(
        message=message.strip(), contact_email=contact_email, **target
    )


@transaction.atomic
def correction_handle(*, correction: CorrectionRequest, status: str, by) -> CorrectionRequest:
    correction = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
    if correction.status != CorrectionStatus.OPEN:
        raise DomainError(ALREADY_HANDLED)
    if status not in (CorrectionStatus.ACCEPTED, CorrectionStatus.REJECTED):
        raise DomainError(ALREADY_HANDLED)
    correction.status = status
    correction.handled_by = by
    correction.handled_at = timezone.now()
    correction.save(update_fields=["status", "handled_by", "handled_at"])
    return correction
