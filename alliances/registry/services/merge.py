"""`organisation_merge`: fold a duplicate into the record that is kept, keeping history."""

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.registry.models import (
    Catalyst,
    CorrectionRequest,
    Membership,
    Organisation,
    OrganisationMerge,
)

SAME_RECORD = _("An organisation cannot be merged into itself.")
DIFFERENT_IDENTIFIERS = _(
    "These records have different %(identifier)s numbers: they are two distinct organisations."
)
# Identifiers the kept record takes from the duplicate when it has none.
IDENTIFIERS = ("siren", "rna_id")


def _snapshot(organisation: Organisation) -> dict:
    data = model_to_dict(organisation, exclude=["goals"])
    data["id"] = organisation.pk
    data["goals"] = list(organisation.goals.values_list("number", flat=True))
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in data.items()
    }


@transaction.atomic
def organisation_merge(*, kept: Organisation, duplicate: Organisation, by) -> OrganisationMerge:
    """Move the duplicate's memberships, catalyst roles and correction requests to `kept`,
    complete `kept`'s missing identifiers, record a snapshot of the duplicate, delete it."""
    if kept.pk == duplicate.pk:
        raise DomainError(SAME_RECORD)
    locked = Organisation.objects.select_for_update().in_bulk([kept.pk, duplicate.pk])
    if len(locked) != 2:
        raise DomainError(_("One of these organisations no longer exists."))
    kept, duplicate = locked[kept.pk], locked[duplicate.pk]
    for identifier in IDENTIFIERS:
        mine, theirs = getattr(kept, identifier), getattr(duplicate, identifier)
        if mine and theirs and mine != theirs:
            raise DomainError(
                DIFFERENT_IDENTIFIERS % {"identifier": "SIREN" if identifier == "siren" else "RNA"}
            )
    snapshot = _snapshot(duplicate)
    moved = 0
    for membership in Membership.objects.filter(organisation=duplicate):
        if Membership.objects.filter(
            alliance_id=membership.alliance_id, organisation=kept, role=membership.role
        ).exists():
            membership.delete()
        else:
            membership.organisation = kept
            membership.save(update_fields=["organisation"])
        moved += 1
    Catalyst.objects.filter(organisation=duplicate).update(organisation=kept)
    CorrectionRequest.objects.filter(organisation=duplicate).update(organisation=kept)
    kept.goals.add(*duplicate.goals.all())
    completed = {}
    for field in (*IDENTIFIERS, "siret", "sirene_rna_id", "website", "address", "postcode"):
        if not getattr(kept, field) and getattr(duplicate, field):
            completed[field] = getattr(duplicate, field)
    if kept.commune_id is None and duplicate.commune_id is not None:
        completed["commune"] = duplicate.commune
    duplicate.delete()  # first: SIREN and RNA numbers are unique
    for field, value in completed.items():
        setattr(kept, field, value)
    kept.save()
    return OrganisationMerge.objects.create(
        kept=kept, merged_snapshot=snapshot, memberships_moved=moved, by=by
    )
