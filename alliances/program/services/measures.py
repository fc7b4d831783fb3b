"""Writes by pilots and co-pilots: measures, milestones, indicators, values, progress updates.

Every write checks permission, runs in one transaction, records who made it (history), and — for
records people edit in forms — refuses to overwrite a newer version (optimistic locking).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError, NotAllowed, StaleEdit
from alliances.program import perms
from alliances.program.enums import Attainment, IndicatorStatus, MeasureStatus, UpdateStatus
from alliances.program.models import Indicator, IndicatorValue, Measure, Milestone, ProgressUpdate

STALE_EDIT = _(
    "Someone else changed this record while you were editing it. Your changes were not saved: "
    "reload the page to see the new version, then make your changes again."
)
NOT_ALLOWED = _("You are not allowed to change this measure.")
ATTAINMENT_FOR_CO_PILOTS = _("Only the programme's co-pilots set the attainment of a measure.")
JUSTIFY_ATTAINMENT = _("Justify the attainment you set.")
JUSTIFY_OVERRIDE = _("Give the reason for setting the indicator's status by hand.")
FUTURE_DATE = _("This date is in the future.")

MEASURE_FIELDS = {
    "status",
    "description_fr",
    "description_en",
    "owner_organisations",
    "start_date",
    "due_date",
    "weight",
}


def _lock(model, instance, expected_version: int | None):
    """Reload the row for update and check nobody saved a newer version meanwhile."""
    current = model.objects.select_for_update().get(pk=instance.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(STALE_EDIT)
    return current


def _require_edit(user, measure: Measure) -> None:
    if not perms.can_edit_measure(user, measure):
        raise NotAllowed(NOT_ALLOWED)


@transaction.atomic
def measure_update(*, measure: Measure, by, expected_version: int | None, changes: dict) -> Measure:
    """Change a measure's editable fields (and attainment, for co-pilots)."""
    _require_edit(by, measure)
    current = _lock(Measure, measure, expected_version)
    attainment_fields = {"attainment", "attainment_justification"} & changes.keys()
    if attainment_fields and (
        changes.get("attainment", current.attainment) != current.attainment
        or changes.get("attainment_justification", current.attainment_justification)
        != current.attainment_justification
    ):
        if not perms.can_manage_programme(by, measure.programme):
            raise NotAllowed(ATTAINMENT_FOR_CO_PILOTS)
        if changes.get("attainment") and not changes.get("attainment_justification", "").strip():
            raise DomainError(JUSTIFY_ATTAINMENT)
    unknown = changes.keys() - MEASURE_FIELDS - {"attainment", "attainment_justification"}
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if changes.get("status") and changes["status"] not in MeasureStatus.values:
        raise DomainError(_("Unknown status."))
    if changes.get("attainment") and changes["attainment"] not in Attainment.values:
        raise DomainError(_("Unknown attainment."))
    start = changes.get("start_date", current.start_date)
    due = changes.get("due_date", current.due_date)
    if start and due and due < start:
        raise DomainError(_("The due date is before the start date."))
    for field, value in changes.items():
        setattr(current, field, value)
    current.version += 1
    current._history_user = by
    current.full_clean(exclude=["pilots", "depends_on"])
    current.save()
    return current


@transaction.atomic
def progress_update_create(
    *, measure: Measure, by, on: date, status: str, narrative: str, today: date | None = None
) -> ProgressUpdate:
    _require_edit(by, measure)
    if status not in UpdateStatus.values:
        raise DomainError(_("Unknown status."))
    if not narrative.strip():
        raise DomainError(_("Say what happened since the last update."))
    if on > (today or date.today()):
        raise DomainError(FUTURE_DATE)
    return ProgressUpdate.objects.create(
        measure=measure, date=on, status=status, narrative=narrative.strip(), author=by
    )


@transaction.atomic
def milestone_save(
    *,
    measure: Measure,
    by,
    milestone: Milestone | None = None,
    expected_version: int | None = None,
    values: dict,
) -> Milestone:
    """Create a milestone (without `milestone`) or update one, refusing stale edits."""
    _require_edit(by, measure)
    if milestone is None:
        current = Milestone(measure=measure)
        if not values.get("external_id"):
            values = {**values, "external_id": _next_external_id(measure, "J")}
    else:
        if milestone.measure_id != measure.pk:
            raise NotAllowed(NOT_ALLOWED)
        current = _lock(Milestone, milestone, expected_version)
        current.version += 1
    for field, value in values.items():
        setattr(current, field, value)
    current._history_user = by
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    by,
    on: date,
    value: Decimal,
    source: str = "",
    comment: str = "",
    today: date | None = None,
) -> IndicatorValue:
    """Record the value measured on a date (replacing the value of that date, if any)."""
    _require_edit(by, indicator.measure)
    if on > (today or date.today()):
        raise DomainError(FUTURE_DATE)
    record = IndicatorValue.objects.filter(indicator=indicator, date=on).first() or IndicatorValue(
        indicator=indicator, date=on
    )
    record.value = value
    record.source = source
    record.comment = comment
    record._history_user = by
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def indicator_status_override(
    *, indicator: Indicator, by, expected_version: int | None, status: str, reason: str
) -> Indicator:
    """Set (or clear, with an empty status) the indicator's status by hand, with a reason."""
    _require_edit(by, indicator.measure)
    if status and status not in IndicatorStatus.values:
        raise DomainError(_("Unknown status."))
    if status and not reason.strip():
        raise DomainError(JUSTIFY_OVERRIDE)
    current = _lock(Indicator, indicator, expected_version)
    current.status_override = status
    current.status_override_reason = reason.strip() if status else ""
    current.version += 1
    current._history_user = by
    current.save()
    return current


def _next_external_id(measure: Measure, prefix: str) -> str:
    existing = set(measure.milestones.values_list("external_id", flat=True)) | set(
        measure.indicators.values_list("external_id", flat=True)
    )
    number = 1
    while f"{measure.code}-{prefix}{number}" in existing:
        number += 1
    return f"{measure.code}-{prefix}{number}"
