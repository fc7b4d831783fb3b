"""Compass statistics for the observatory, from the read model."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliances.kit.enums import QuestionnaireAudience
from alliances.kit.models import CompassStatistic, Questionnaire
from alliances.kit.selectors.compass import current_questionnaires


@dataclass(frozen=True)
class StatisticRow:
    label: str
    assessments: int
    overall: Decimal | None
    axes: list[Decimal | None]


@dataclass(frozen=True)
class CompassStatistics:
    questionnaire: Questionnaire
    axes: list[tuple[str, str]]  # code, label
    rows: list[StatisticRow]
    minimum: int


def compass_statistics(territory=None) -> list[CompassStatistics]:
    """The observatory's compass statistics for a territory (its row) or France (a row for the
    country and one per world), per current compass questionnaire, from the read model."""
    from alliances.registry.enums import World

    tables = []
    for questionnaire in (
        current_questionnaires()
        .exclude(audience=QuestionnaireAudience.ALLIANCE)
        .prefetch_related("axes")
    ):
        axes = [(axis.code, axis.name) for axis in questionnaire.axes.all()]
        rows_of = CompassStatistic.objects.filter(questionnaire=questionnaire.slug)
        if territory is None:
            rows_of = rows_of.filter(territory__isnull=True)
        else:
            rows_of = rows_of.filter(territory=territory, world="")
        groups: dict[str, dict] = {}
        for row in rows_of:
            groups.setdefault(row.world, {})[row.axis] = row
        rows = []
        world_labels = dict(World.choices)
        for world in sorted(groups, key=lambda key: (key != "", str(world_labels.get(key, key)))):
            cells = groups[world]
            overall = cells.get("")
            if overall is None:
                continue
            label = (
                str(world_labels.get(world, world))
                if world
                else (territory.name if territory is not None else str(_("France")))
            )
            rows.append(
                StatisticRow(
                    label,
                    overall.assessments,
                    overall.mean,
                    [cells[code].mean if code in cells else None for code, _name in axes],
                )
            )
        if rows:
            tables.append(CompassStatistics(questionnaire, axes, rows, settings.KIT_PEER_MINIMUM))
    return tables


def compass_statistics_for(territory) -> list[CompassStatistics] | None:
    """The statistics a diagnostic shows: France, a région or a département; None elsewhere."""
    if territory is not None and territory.kind not in ("region", "departement"):
        return None
    return compass_statistics(territory)
