"""Reads of the observatory: every number comes from the read models, in a handful of queries."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliances.insights.enums import Metric, Scope
from alliances.insights.models import (
    Indicator,
    IndicatorValue,
    Refresh,
    TerritoryBreakdown,
    TerritorySummary,
)
from alliances.registry.enums import AllianceType, WaldecTheme, World
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

PEERS = 10
_THEME_LABELS = dict(WaldecTheme.choices)  # lazy labels: translated when shown
# A goal is "weakly covered" when its alliances per 100,000 inhabitants are below this share of
# the national rate (or when there are none).
LOW_COVERAGE_RATIO = 1.0


def parent_of(territory: Territory | None) -> Territory | None:
    """The territory a diagnostic compares with (None: France)."""
    if territory is None:
        return None
    match territory.kind:
        case TerritoryKind.COMMUNE:
            return territory.epci or territory.departement
        case TerritoryKind.EPCI:
            return territory.departement
        case TerritoryKind.DEPARTEMENT:
            return territory.region
    return None


@dataclass(frozen=True)
class GoalCoverage:
    goal: Goal
    alliances: int
    actors: int

    @property
    def is_empty(self) -> bool:
        return not self.alliances and not self.actors


@dataclass(frozen=True)
class Priority:
    goal: Goal
    indicator: Indicator
    year: int
    value: float
    reference_value: float
    reference_name: str
    alliances: int
    alliances_per_100k: float | None
    national_per_100k: float | None
    measured_at: str  # the name of the territory the indicator is measured for
    is_demo: bool = False

    @property
    def gap(self) -> float:
        if not self.reference_value:
            return 0.0
        return abs(self.value - self.reference_value) / abs(self.reference_value)


@dataclass(frozen=True)
class Perception:
    question: str
    answer: str
    share: float
    national_share: float | None
    source: str

    @property
    def difference(self) -> float | None:
        return None if self.national_share is None else self.share - self.national_share


@dataclass
class Diagnostic:
    territory: Territory | None
    summary: TerritorySummary | None
    national: TerritorySummary | None
    parent: Territory | None
    parent_summary: TerritorySummary | None
    refresh: Refresh | None
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)
    goals: list[GoalCoverage] = field(default_factory=list)
    peers: list[TerritorySummary] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    perceptions: list[Perception] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.territory.name if self.territory else _("France")

    @property
    def parent_name(self) -> str:
        return self.parent.name if self.parent else _("France")

    def count(self, metric: str, key: str) -> int:
        return self.breakdowns.get(metric, {}).get(key, 0)

    def actors_by_world(self) -> list[dict]:
        population = self.summary.population if self.summary else None
        rows = []
        for world in World:
            active = self.count(Metric.ACTORS_ACTIVE, world.value)
            dissolved = self.count(Metric.ACTORS_DISSOLVED, world.value)
            if not active and not dissolved:
                continue
            rows.append(
                {
                    "key": world.value,
                    "label": world.label,
                    "active": active,
                    "dissolved": dissolved,
                    "per_1000": active * 1000 / population if population else None,
                }
            )
        return rows

    def association_themes(self) -> list[dict]:
        counts = self.breakdowns.get(Metric.ASSOCIATION_THEME, {})
        labels = _THEME_LABELS
        rows = [
            {"key": key, "label": labels.get(key, key), "count": count}
            for key, count in counts.items()
        ]
        return sorted(rows, key=lambda row: (-row["count"], row["key"]))

    def alliance_types(self) -> list[dict]:
        counts = self.breakdowns.get(Metric.ALLIANCE_TYPE, {})
        return [
            {"key": kind.value, "label": kind.label, "count": counts[kind.value]}
            for kind in AllianceType
            if counts.get(kind.value)
        ]

    def alliance_years(self) -> list[dict]:
        counts = self.breakdowns.get(Metric.ALLIANCE_YEAR, {})
        return [{"year": int(year), "count": counts[year]} for year in sorted(counts, key=int)]

    def member_worlds(self) -> list[dict]:
        counts = self.breakdowns.get(Metric.MEMBER_WORLD, {})
        return [
            {"key": world.value, "label": world.label, "count": counts[world.value]}
            for world in World
            if counts.get(world.value)
        ]

    @property
    def has_demo_indicators(self) -> bool:
        return any(priority.is_demo for priority in self.priorities)

    @property
    def empty_goals(self) -> list[Goal]:
        return [row.goal for row in self.goals if row.is_empty]


def _summary(territory: Territory | None) -> TerritorySummary | None:
    if territory is None:
        return TerritorySummary.objects.filter(territory__isnull=True).first()
    return TerritorySummary.objects.filter(territory=territory).first()


def _breakdowns(territory: Territory | None) -> dict[str, dict[str, int]]:
    rows = TerritoryBreakdown.objects.filter(territory=territory)
    if territory is None:
        rows = TerritoryBreakdown.objects.filter(territory__isnull=True)
    result: dict[str, dict[str, int]] = {}
    for metric, key, value in rows.values_list("metric", "key", "value"):
        result.setdefault(metric, {})[key] = value
    return result


def peers(summary: TerritorySummary, *, limit: int = PEERS) -> list[TerritorySummary]:
    """Territories of the same kind whose population is closest, this one included, ranked by
    associations per 1,000 inhabitants. Two indexed range scans, whatever the kind."""
    if summary.territory_id is None or summary.population is None:
        return []
    same_kind = TerritorySummary.objects.filter(scope=summary.scope).select_related("territory")
    above = list(
        same_kind.filter(population__gte=summary.population)
        .exclude(pk=summary.pk)
        .order_by("population", "pk")[: limit // 2]
    )
    below = list(
        same_kind.filter(population__lt=summary.population).order_by("-population", "pk")[
            : limit - len(above)
        ]
    )
    group = [summary, *above, *below]
    return sorted(
        group,
        key=lambda row: (-(row.associations_per_1000 or 0), row.territory.name),
    )


def _indicator_values(territories: list[Territory | None]) -> dict[tuple, IndicatorValue]:
    """The latest value of each indicator for each of these territories (None: France), keyed
    (territory id, indicator id) in the order of their first value by (year, pk)."""
    ids = [t.pk for t in territories if t is not None]
    rows = IndicatorValue.objects.select_related("indicator__goal").filter(territory_id__in=ids)
    if None in territories:
        rows = rows | IndicatorValue.objects.select_related("indicator__goal").filter(
            territory__isnull=True
        )
    latest: dict[tuple, IndicatorValue] = {}
    for value in rows.order_by("year", "pk"):
        latest[(value.territory_id, value.indicator_id)] = value
    return latest


def _priorities(diagnostic: Diagnostic, source: "DiagnosticSource") -> list[Priority]:
    territory = diagnostic.territory
    if territory is None or diagnostic.summary is None or diagnostic.national is None:
        return []
    # The indicator is read for the territory itself, or else for the nearest territory above it
    # that has values (a commune often has none); coverage is always the territory's own.
    chain = (territory, territory.epci, territory.departement, territory.region)
    candidates = [t for t in chain if t is not None]
    references = {t.pk: parent_of(t) for t in candidates}
    wanted = [*candidates, *(r for r in references.values() if r is not None), None]
    values = source.indicator_values(wanted)
    measured = next((t for t in candidates if any(key[0] == t.pk for key in values)), None)
    if measured is None:
        return []
    reference = references[measured.pk]
    national_goals = source.national_goal_alliances()
    national_population = diagnostic.national.population
    population = diagnostic.summary.population
    priorities = []
    for (territory_id, indicator_id), value in values.items():
        if territory_id != measured.pk:
            continue
        compared = values.get((reference.pk if reference else None, indicator_id))
        reference_name = reference.name if reference else gettext_lazy("France")
        if compared is None and reference is not None:
            compared = values.get((None, indicator_id))
            reference_name = gettext_lazy("France")
        if compared is None or not value.indicator.is_worse(value.value, compared.value):
            continue
        goal = value.indicator.goal
        alliances = diagnostic.count(Metric.GOAL_ALLIANCES, str(goal.number))
        rate = alliances * 100_000 / population if population else None
        national_count = national_goals.get(str(goal.number), 0)
        national_rate = (
            national_count * 100_000 / national_population if national_population else None
        )
        low = alliances == 0 or (
            rate is not None
            and national_rate is not None
            and rate < national_rate * LOW_COVERAGE_RATIO
        )
        if not low:
            continue
        priorities.append(
            Priority(
                goal=goal,
                indicator=value.indicator,
                year=value.year,
                value=value.value,
                reference_value=compared.value,
                reference_name=reference_name,
                alliances=alliances,
                alliances_per_100k=rate,
                national_per_100k=national_rate,
                measured_at=measured.name,
                is_demo=value.is_demo or compared.is_demo,
            )
        )
    return sorted(priorities, key=lambda p: (-p.gap, p.goal.number))


def _national_goal_alliances() -> dict[str, int]:
    return dict(
        TerritoryBreakdown.objects.filter(
            territory__isnull=True, metric=Metric.GOAL_ALLIANCES
        ).values_list("key", "value")
    )


def _perceptions(territory: Territory | None) -> list[Perception]:
    """Published survey results for the territory's région, beside the national ones."""
    from alliances.studies.models import PublishedEstimate, Study

    region = None
    if territory is not None:
        region = territory if territory.kind == TerritoryKind.REGION else territory.region
    if region is None:
        return []
    regional = list(
        PublishedEstimate.objects.filter(
            region=region,
            question__is_published=True,
            question__study__in=Study.objects.published(),
            part_of="",
        ).select_related("question", "wave")
    )
    latest_wave: dict[int, tuple[int, int]] = {}
    for row in regional:
        if row.wave.number > latest_wave.get(row.question_id, (0, 0))[0]:
            latest_wave[row.question_id] = (row.wave.number, row.wave_id)
    regional = [row for row in regional if latest_wave[row.question_id][1] == row.wave_id]
    if not regional:
        return []
    national = {
        (row.question_id, row.wave_id, row.code): row.share
        for row in PublishedEstimate.objects.filter(
            region__isnull=True,
            question_id__in={row.question_id for row in regional},
            wave_id__in={row.wave_id for row in regional},
        )
    }
    from alliances.core.translation import localized

    return [
        Perception(
            question=localized(row.question, "text"),
            answer=localized(row, "label"),
            share=row.share,
            national_share=national.get((row.question_id, row.wave_id, row.code)),
            source=row.source,
        )
        for row in sorted(regional, key=lambda r: (r.question.position, r.position))
    ]


class DiagnosticSource:
    """Where a diagnostic reads its rows: here, one territory's rows from the database.

    `alliances.insights.services.diagnostics` reads the same rows for every territory at once and
    builds every diagnostic through `diagnostic(…, source=…)`, so both give the same result.
    """

    def summary(self, territory: Territory | None) -> TerritorySummary | None:
        return _summary(territory)

    def breakdowns(self, territory: Territory | None) -> dict[str, dict[str, int]]:
        return _breakdowns(territory)

    def refresh(self) -> Refresh | None:
        return latest_refresh()

    def goals(self) -> list[Goal]:
        return list(Goal.objects.order_by("number"))

    def peers(self, summary: TerritorySummary) -> list[TerritorySummary]:
        return peers(summary)

    def indicator_values(self, territories: list[Territory | None]) -> dict[tuple, IndicatorValue]:
        return _indicator_values(territories)

    def national_goal_alliances(self) -> dict[str, int]:
        return _national_goal_alliances()

    def perceptions(self, territory: Territory | None) -> list[Perception]:
        return _perceptions(territory)


def diagnostic(
    territory: Territory | None, *, source: DiagnosticSource | None = None
) -> Diagnostic:
    """Everything the diagnostic page, its CSV and its PDF show, from the read models."""
    source = source or DiagnosticSource()
    parent = parent_of(territory)
    summary = source.summary(territory)
    result = Diagnostic(
        territory=territory,
        summary=summary,
        national=source.summary(None) if territory is not None else summary,
        parent=parent,
        parent_summary=source.summary(parent) if territory is not None else None,
        refresh=source.refresh(),
        breakdowns=source.breakdowns(territory),
    )
    goal_actors = result.breakdowns.get(Metric.GOAL_ACTORS, {})
    goal_alliances = result.breakdowns.get(Metric.GOAL_ALLIANCES, {})
    result.goals = [
        GoalCoverage(
            goal=goal,
            alliances=goal_alliances.get(str(goal.number), 0),
            actors=goal_actors.get(str(goal.number), 0),
        )
        for goal in source.goals()
    ]
    if summary is not None:
        result.peers = source.peers(summary)
    result.priorities = _priorities(result, source)
    result.perceptions = source.perceptions(territory)
    return result


def scope_summaries(scope: str) -> list[TerritorySummary]:
    """Every summary of one kind (régions or départements: at most ~100 rows), for maps."""
    if scope not in (Scope.REGION, Scope.DEPARTEMENT):
        raise ValueError(scope)
    return list(
        TerritorySummary.objects.filter(scope=scope)
        .select_related("territory")
        .order_by("territory__code")
    )


def latest_refresh() -> Refresh | None:
    return Refresh.objects.order_by("-finished_at").first()
