"""Edits of an organisation's record by the people who act for it (or by moderators)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record
from alliances.core.errors import DomainError, NotAllowed
from alliances.registry import perms
from alliances.registry.models import Organisation

# What the people of an organisation may change on its record: imported facts (legal category,
# NAF code, status, dates) stay as the official registries give them.
EDITABLE_FIELDS = (
    "name",
    "short_name",
    "world",
    "siren",
    "siret",
    "rna_id",
    "address",
    "postcode",
    "website",
)


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, by, data: dict, goals=None, request=None
) -> Organisation:
    """Change the editable fields in `data` (validated, identifiers included), in one go."""
    if not perms.can_edit_organisation(by, organisation):
        raise NotAllowed("not allowed")
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(f"not editable: {', '.join(sorted(unknown))}")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = [name for name, value in data.items() if getattr(organisation, name) != value]
    for name in changed:
        setattr(organisation, name, data[name])
    try:
        organisation.full_clean(exclude=["commune", "departement"])
    except ValidationError:
        transaction.set_rollback(True)
        raise
    organisation.save()
    if goals is not None:
        organisation.goals.set(goals)
    if changed or goals is not None:
        audit_record(
            action=AuditAction.ADMIN_EDIT,
            actor=by,
            obj=organisation,
            request=request,
            fields=changed + (["goals"] if goals is not None else []),
        )
    return organisation
