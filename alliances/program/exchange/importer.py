"""Importing an exchange file: dry run by default, then one atomic commit.

Parser (reader.py) → rows checked against the programme → a plan of creations and updates → the
report; with `commit=True` and no problem at all, the plan is applied in one transaction, every
change recorded in the history under the person who imported.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from alliances.core.errors import NotAllowed
from alliances.program import perms
from alliances.program.enums import (
    Attainment,
    Direction,
    IndicatorStatus,
    MeasureStatus,
    MilestoneKind,
)
from alliances.program.exchange.reader import Problem, Row, read_file
from alliances.program.models import Indicator, IndicatorValue, Measure, Milestone, Programme

CHOICES = {
    ("measures", "status"): MeasureStatus.values,
    ("measures", "attainment"): Attainment.values,
    ("milestones", "kind"): MilestoneKind.values,
    ("indicators", "direction"): Direction.values,
    ("indicators", "status_override"): IndicatorStatus.values,
}
MEASURE_FIELDS = [
    "status",
    "start_date",
    "due_date",
    "weight",
    "owner_organisations",
    "attainment",
    "attainment_justification",
]
MILESTONE_FIELDS = [
    "kind",
    "title",
    "description",
    "due_date",
    "done_date",
    "weight",
    "evidence_url",
]
INDICATOR_FIELDS = [
    "name",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "weight",
    "status_override",
    "status_override_reason",
]
VALUE_FIELDS = ["value", "source", "comment"]


@dataclass
class Change:
    sheet: str
    line: int
    key: str
    action: str  # create, update
    fields: list[str]


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    unchanged: Counter = field(default_factory=Counter)
    committed: bool = False

    @property
    def counts(self) -> dict[str, Counter]:
        counts: dict[str, Counter] = {}
        for change in self.changes:
            counts.setdefault(change.sheet, Counter())[change.action] += 1
        for sheet, number in self.unchanged.items():
            counts.setdefault(sheet, Counter())["unchanged"] += number
        return counts

    def summary(self) -> str:
        created = sum(1 for c in self.changes if c.action == "create")
        updated = sum(1 for c in self.changes if c.action == "update")
        state = "committed" if self.committed else "dry run, nothing written"
        return (
            f"{created} to create, {updated} to update, {sum(self.unchanged.values())} unchanged, "
            f"{len(self.problems)} problems ({state})"
        )


def _same(current, new) -> bool:
    if isinstance(current, Decimal) and isinstance(new, Decimal):
        return current.compare(new) == 0
    if current is None or new is None:
        return current in (None, "") and new in (None, "")
    return current == new


def _diff(instance, values: dict, fields: list[str]) -> list[str]:
    return [name for name in fields if not _same(getattr(instance, name), values[name])]


def programme_import(
    *,
    programme: Programme,
    content: bytes,
    filename: str,
    by,
    commit: bool = False,
    check_permission: bool = True,
) -> ImportReport:
    if check_permission and not perms.can_manage_programme(by, programme):
        raise NotAllowed(_("Only the programme's co-pilots import programme files."))
    tables, problems = read_file(content, filename)
    report = ImportReport(problems=list(problems))
    measures = {m.code: m for m in Measure.objects.filter(programme=programme)}
    milestones = {m.external_id: m for m in Milestone.objects.filter(measure__programme=programme)}
    indicators = {i.external_id: i for i in Indicator.objects.filter(measure__programme=programme)}
    plan: list[tuple[str, Row, object]] = []

    def check_choices(row: Row) -> bool:
        ok = True
        for (sheet, name), allowed in CHOICES.items():
            value = row.values.get(name)
            if sheet == row.sheet and value and value not in allowed:
                report.problems.append(
                    Problem(
                        row.sheet,
                        row.line,
                        _("%(column)s: “%(value)s” is not one of %(allowed)s.")
                        % {"column": name, "value": value, "allowed": ", ".join(allowed)},
                    )
                )
                ok = False
        return ok

    seen: dict[str, set] = {sheet: set() for sheet in tables}
    for sheet, rows in tables.items():
        for row in rows:
            key_field = "code" if sheet == "measures" else "external_id"
            key = (
                f"{row.values['indicator']}@{row.values['date']}"
                if sheet == "values"
                else row.values[key_field]
            )
            if key in seen[sheet]:
                report.problems.append(
                    Problem(sheet, row.line, _("%(key)s appears twice in the file.") % {"key": key})
                )
                continue
            seen[sheet].add(key)
            if check_choices(row):
                plan.append((sheet, row, key))

    file_indicators = {
        row.values["external_id"] for _s, row, _k in plan if row.sheet == "indicators"
    }
    checked = []
    for sheet, row, key in plan:
        values = row.values
        if sheet == "measures" and key not in measures:
            report.problems.append(
                Problem(
                    sheet,
                    row.line,
                    _("Unknown measure %(code)s: measures are not created by import.")
                    % {"code": key},
                )
            )
            continue
        if sheet in {"milestones", "indicators"} and values["measure"] not in measures:
            report.problems.append(
                Problem(
                    sheet, row.line, _("Unknown measure %(code)s.") % {"code": values["measure"]}
                )
            )
            continue
        if sheet == "values" and values["indicator"] not in indicators | dict.fromkeys(
            file_indicators
        ):
            report.problems.append(
                Problem(
                    sheet, row.line, _("Unknown indicator %(id)s.") % {"id": values["indicator"]}
                )
            )
            continue
        if (
            sheet == "measures"
            and values["start_date"]
            and values["due_date"]
            and values["due_date"] < values["start_date"]
        ):
            report.problems.append(
                Problem(sheet, row.line, _("The due date is before the start date."))
            )
            continue
        if sheet == "indicators" and values["target_date"] <= values["baseline_date"]:
            report.problems.append(
                Problem(sheet, row.line, _("The target date must come after the baseline date."))
            )
            continue
        if (
            sheet == "indicators"
            and values["status_override"]
            and not values["status_override_reason"]
        ):
            report.problems.append(
                Problem(
                    sheet,
                    row.line,
                    _("Give the reason for setting the indicator's status by hand."),
                )
            )
            continue
        checked.append((sheet, row, key))

    for sheet, row, key in checked:
        values = row.values
        if sheet == "measures":
            current = measures[key]
            values = {
                **values,
                "owner_organisations": "\n".join(
                    part.strip()
                    for part in values["owner_organisations"].split("|")
                    if part.strip()
                ),
            }
            row.values = values
            changed = _diff(current, values, MEASURE_FIELDS)
        elif sheet == "milestones":
            current = milestones.get(key)
            changed = _diff(current, values, MILESTONE_FIELDS) if current else MILESTONE_FIELDS
            if current and current.measure.code != values["measure"]:
                changed = [*changed, "measure"]
        elif sheet == "indicators":
            current = indicators.get(key)
            changed = _diff(current, values, INDICATOR_FIELDS) if current else INDICATOR_FIELDS
        else:
            indicator = indicators.get(values["indicator"])
            current = (
                IndicatorValue.objects.filter(indicator=indicator, date=values["date"]).first()
                if indicator
                else None
            )
            changed = _diff(current, values, VALUE_FIELDS) if current else VALUE_FIELDS
        if not changed:
            report.unchanged[sheet] += 1
        else:
            report.changes.append(
                Change(sheet, row.line, key, "update" if current else "create", list(changed))
            )

    if commit and not report.problems:
        _apply(report, checked, programme, by, measures, milestones, indicators)
        report.committed = True
    return report


@transaction.atomic
def _apply(report, checked, programme, by, measures, milestones, indicators) -> None:
    to_change = {(c.sheet, c.key) for c in report.changes}
    for sheet in ("measures", "milestones", "indicators", "values"):
        for row_sheet, row, key in checked:
            if row_sheet != sheet or (sheet, key) not in to_change:
                continue
            values = row.values
            if sheet == "measures":
                instance = measures[key]
                _assign(instance, values, MEASURE_FIELDS)
            elif sheet == "milestones":
                instance = milestones.get(key) or Milestone(external_id=key)
                instance.measure = measures[values["measure"]]
                _assign(instance, values, MILESTONE_FIELDS)
            elif sheet == "indicators":
                instance = indicators.get(key) or Indicator(external_id=key)
                instance.measure = measures[values["measure"]]
                _assign(instance, values, INDICATOR_FIELDS)
                indicators[key] = instance
            else:
                indicator = indicators[values["indicator"]]
                instance = IndicatorValue.objects.filter(
                    indicator=indicator, date=values["date"]
                ).first() or IndicatorValue(indicator=indicator, date=values["date"])
                _assign(instance, values, VALUE_FIELDS)
            if hasattr(instance, "version") and instance.pk:
                instance.version += 1
            instance._history_user = by if getattr(by, "is_authenticated", False) else None
            instance.full_clean(
                exclude=["pilots", "depends_on", "objectives", "stakeholder_groups"]
            )
            instance.save()


def _assign(instance, values: dict, fields: list[str]) -> None:
    for name in fields:
        value = values[name]
        setattr(instance, name, "" if value is None and name not in _NULLABLE else value)


_NULLABLE = {"start_date", "due_date", "done_date", "baseline_date", "target_date"}
