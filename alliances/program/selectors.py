"""Reads of roadmap steering: the state of a programme as of a date, computed in a few queries.

A programme holds tens of measures, not millions, so its state is computed on each read from
prefetched rows (about ten queries whatever its size); `as_of` makes the same computation serve
the live dashboard and dated reports.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Max, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from alliances.program import progress
from alliances.program.enums import Attainment, Freshness, IndicatorStatus
from alliances.program.models import (
    Indicator,
    IndicatorValue,
    Measure,
    Milestone,
    Programme,
)


@dataclass
class IndicatorState:
    indicator: Indicator
    values: list[IndicatorValue]
    latest: IndicatorValue | None
    automatic_status: str
    status: str
    progress: float | None

    @property
    def overridden(self) -> bool:
        return bool(self.indicator.status_override)


@dataclass
class MilestoneState:
    milestone: Milestone
    done: bool
    late: bool


@dataclass
class MeasureState:
    measure: Measure
    status: str
    attainment: str
    milestones: list[MilestoneState]
    indicators: list[IndicatorState]
    progress: float | None
    last_update: date | None
    freshness: str

    @property
    def late_milestones(self) -> list[MilestoneState]:
        return [state for state in self.milestones if state.late]


@dataclass
class DimensionState:
    dimension: object
    measures: list[MeasureState]
    progress: float | None
    attainment_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ProgrammeState:
    programme: Programme
    as_of: date
    dimensions: list[DimensionState]
    progress: float | None

    @property
    def measures(self) -> list[MeasureState]:
        return [state for dimension in self.dimensions for state in dimension.measures]

    def measure(self, code: str) -> MeasureState:
        return next(state for state in self.measures if state.measure.code == code)

    @property
    def freshness_counts(self) -> dict[str, int]:
        counts = Counter(state.freshness for state in self.measures)
        return {value: counts.get(value, 0) for value in Freshness.values}

    @property
    def attainment_counts(self) -> dict[str, int]:
        counts = Counter(state.attainment or "" for state in self.measures)
        return {value: counts.get(value, 0) for value in [*Attainment.values, ""]}


def programme_get(slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def measures_with_relations(programme: Programme):
    return (
        Measure.objects.filter(programme=programme)
        .select_related("dimension", "programme")
        .prefetch_related("pilots", "objectives", "stakeholder_groups", "depends_on", "milestones")
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("values", queryset=IndicatorValue.objects.order_by("date"))
                ),
            )
        )
    )


def programme_state(programme: Programme, *, as_of: date | None = None) -> ProgrammeState:
    today = timezone.localdate()
    as_of = as_of or today
    measures = list(
        measures_with_relations(programme).annotate(
            last_update=Max("updates__date", filter=Q(updates__date__lte=as_of))
        )
    )
    past = _history_as_of(programme, as_of) if as_of < today else {}
    states_by_dimension: dict[int, list[MeasureState]] = {}
    for measure in measures:
        status, attainment = past.get(measure.pk, (measure.status, measure.attainment))
        state = _measure_state(measure, as_of=as_of, status=status, attainment=attainment)
        states_by_dimension.setdefault(measure.dimension_id, []).append(state)
    dimensions = []
    for dimension in programme.dimensions.all():
        states = states_by_dimension.get(dimension.pk, [])
        dimensions.append(
            DimensionState(
                dimension=dimension,
                measures=states,
                progress=progress.weighted_average(
                    progress.Weighted(state.progress, state.measure.weight) for state in states
                ),
                attainment_counts=dict(Counter(state.attainment or "" for state in states)),
            )
        )
    overall = progress.weighted_average(
        progress.Weighted(state.progress, state.measure.weight)
        for dimension in dimensions
        for state in dimension.measures
    )
    return ProgrammeState(programme=programme, as_of=as_of, dimensions=dimensions, progress=overall)


def _history_as_of(programme: Programme, as_of: date) -> dict[int, tuple[str, str]]:
    """Status and attainment of each measure at the end of `as_of`, from its history.

    A measure recorded only later (e.g. loaded after that date) takes its first recorded state.
    """
    moment = timezone.make_aware(datetime.combine(as_of, time.max))
    states: dict[int, tuple[str, str]] = {}
    records = (
        Measure.history.filter(programme_id=programme.pk)
        .order_by("history_date", "history_id")
        .values_list("id", "history_date", "history_type", "status", "attainment")
    )
    for measure_id, when, kind, status, attainment in records:
        if kind == "-":
            continue
        if when <= moment or measure_id not in states:
            states[measure_id] = (status, attainment)
    return states


def _measure_state(measure: Measure, *, as_of: date, status: str, attainment: str) -> MeasureState:
    milestones = [
        MilestoneState(
            milestone=milestone,
            done=milestone.done_date is not None and milestone.done_date <= as_of,
            late=milestone.due_date is not None
            and milestone.due_date < as_of
            and not (milestone.done_date is not None and milestone.done_date <= as_of),
        )
        for milestone in measure.milestones.all()
    ]
    indicators = [
        _indicator_state(indicator, as_of=as_of) for indicator in measure.indicators.all()
    ]
    children = [
        progress.Weighted(1.0 if state.done else 0.0, state.milestone.weight)
        for state in milestones
    ] + [progress.Weighted(state.progress, state.indicator.weight) for state in indicators]
    programme = measure.programme
    return MeasureState(
        measure=measure,
        status=status,
        attainment=attainment,
        milestones=milestones,
        indicators=indicators,
        progress=progress.weighted_average(children),
        last_update=measure.last_update,
        freshness=progress.freshness(
            last_update=measure.last_update,
            today=as_of,
            due_days=programme.freshness_due_days,
            overdue_days=programme.freshness_overdue_days,
        ),
    )


def _indicator_state(indicator: Indicator, *, as_of: date) -> IndicatorState:
    values = [value for value in indicator.values.all() if value.date <= as_of]
    latest = values[-1] if values else None
    automatic = progress.indicator_status(
        baseline=indicator.baseline_value,
        baseline_date=indicator.baseline_date,
        target=indicator.target_value,
        target_date=indicator.target_date,
        direction=indicator.direction,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
    )
    return IndicatorState(
        indicator=indicator,
        values=values,
        latest=latest,
        automatic_status=automatic,
        status=IndicatorStatus(indicator.status_override)
        if indicator.status_override
        else automatic,
        progress=progress.indicator_progress(
            baseline=indicator.baseline_value,
            target=indicator.target_value,
            latest=latest.value if latest else None,
        ),
    )


@dataclass
class MatrixRow:
    state: MeasureState
    cells: list[bool]


@dataclass
class MatrixColumn:
    item: object
    measures: int
    progress: float | None


def matrix(state: ProgrammeState, columns: list, relation: str) -> dict:
    """Measures × stakeholder groups (or objectives), with each column's roll-up."""
    rows = []
    members: dict[int, list[MeasureState]] = {column.pk: [] for column in columns}
    for item in state.measures:
        related = {obj.pk for obj in getattr(item.measure, relation).all()}
        rows.append(MatrixRow(item, [column.pk in related for column in columns]))
        for pk in related:
            if pk in members:
                members[pk].append(item)
    totals = [
        MatrixColumn(
            column,
            len(members[column.pk]),
            progress.weighted_average(
                progress.Weighted(s.progress, s.measure.weight) for s in members[column.pk]
            ),
        )
        for column in columns
    ]
    return {"columns": totals, "rows": rows}


def measure_history(measure: Measure, *, limit: int = 100) -> list[dict]:
    """A timeline of what changed on a measure and its children: who, when, what.

    A fixed number of queries whatever the length of the history: per source, its latest
    records, then the records just before the changed ones (to compare with), in one query each.
    """
    entries = []
    sources = [
        (measure.history.all(), None),
        (Milestone.history.filter(measure_id=measure.pk), "milestone"),
        (Indicator.history.filter(measure_id=measure.pk), "indicator"),
        (IndicatorValue.history.filter(indicator__measure_id=measure.pk), "value"),
    ]
    records_by_kind = {
        kind: list(queryset.select_related("history_user").order_by("-history_date")[:limit])
        for queryset, kind in sources
    }
    indicator_ids = {record.indicator_id for record in records_by_kind["value"]}
    indicators = Indicator.objects.in_bulk(indicator_ids) if indicator_ids else {}
    for queryset, kind in sources:
        records = records_by_kind[kind]
        previous = _previous_records(queryset, records)
        for record in records:
            changes = []
            before = previous.get(record.history_id)
            if before is not None and record.history_type == "~":
                delta = record.diff_against(before)
                changes = [
                    {
                        "field": _field_label(record, change.field),
                        "old": change.old,
                        "new": change.new,
                    }
                    for change in delta.changes
                    if change.field != "version"
                ]
                if not changes:
                    continue
            entries.append(
                {
                    "date": record.history_date,
                    "user": record.history_user,
                    "type": record.history_type,
                    "kind": kind,
                    "object": _history_label(record, kind, indicators),
                    "changes": changes,
                }
            )
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:limit]


def _previous_records(queryset, records) -> dict:
    """For each changed record (history id), the record of the same object just before it."""
    changed = [record for record in records if record.history_type == "~"]
    if not changed:
        return {}
    rows: dict = {}
    for row in queryset.filter(id__in={record.id for record in changed}).order_by(
        "history_date", "history_id"
    ):
        rows.setdefault(row.id, []).append(row)
    previous = {}
    for record in changed:
        earlier = [
            row
            for row in rows.get(record.id, [])
            if (row.history_date, row.history_id) < (record.history_date, record.history_id)
        ]
        if earlier:
            previous[record.history_id] = earlier[-1]
    return previous


def _history_label(record, kind: str | None, indicators: dict) -> str:
    """What the record is about, from its own fields (`record.instance` would query the live
    row for the fields history leaves out, once per record)."""
    match kind:
        case "milestone":
            return record.title
        case "indicator":
            return record.name
        case "value":
            indicator = indicators.get(record.indicator_id)
            label = f"{record.date:%Y-%m-%d}: {record.value}"
            return f"{indicator} {label}" if indicator is not None else label
    return ""


def _field_label(record, name: str) -> str:
    return str(record.instance_type._meta.get_field(name).verbose_name)
