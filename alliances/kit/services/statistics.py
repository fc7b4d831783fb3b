"""Anonymised compass statistics for the observatory (a read model rebuilt by `refresh_insights`).

Who counts: the latest assessment of each signed-in person per questionnaire, and every anonymous
one; alliance evaluations are not compass answers and stay out. Groups: France, each région and
each département (from the territory recorded with the assessment) and each world. A group's mean
per axis is stored only when it has at least `KIT_PEER_MINIMUM` assessments; below that only the
count is kept, so a page can say "too few" without any small group's scores existing anywhere.
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings

from alliances.kit import scoring
from alliances.kit.enums import QuestionnaireAudience
from alliances.kit.models import Assessment, AssessmentScore, CompassStatistic
from alliances.territories.enums import TerritoryKind

OVERALL = ""


def _counted():
    return Assessment.objects.filter(alliance__isnull=True).exclude(
        questionnaire__audience=QuestionnaireAudience.ALLIANCE
    )


def _latest() -> dict[int, dict]:
    latest: dict = {}
    rows = (
        _counted()
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "user_id",
            "overall",
            "world",
            "questionnaire__slug",
            "territory_id",
            "territory__kind",
            "territory__region_id",
            "territory__departement_id",
        )
    )
    for row in rows.iterator():
        latest.setdefault((row["questionnaire__slug"], row["user_id"] or -row["pk"]), row)
    return {row["pk"]: row for row in latest.values()}


def _groups(row: dict) -> list[tuple]:
    """The (territory id, world) groups one assessment counts in."""
    groups = [(None, "")]
    if row["world"]:
        groups.append((None, row["world"]))
    kind = row["territory__kind"]
    region = row["territory_id"] if kind == TerritoryKind.REGION else row["territory__region_id"]
    departement = (
        row["territory_id"]
        if kind == TerritoryKind.DEPARTEMENT
        else row["territory__departement_id"]
    )
    groups += [(territory, "") for territory in (region, departement) if territory is not None]
    return groups


def compass_statistics_refresh() -> int:
    """Rebuild the read model; returns the number of rows written."""
    minimum = settings.KIT_PEER_MINIMUM
    latest = _latest()
    values: dict[tuple, list[Decimal]] = defaultdict(list)
    for row in latest.values():
        for territory, world in _groups(row):
            values[(row["questionnaire__slug"], territory, world, OVERALL)].append(row["overall"])
    scores = AssessmentScore.objects.filter(assessment__in=_counted()).values_list(
        "assessment_id", "axis", "score"
    )
    for assessment_id, axis, score in scores.iterator():
        row = latest.get(assessment_id)
        if row is None:
            continue
        for territory, world in _groups(row):
            values[(row["questionnaire__slug"], territory, world, axis)].append(score)
    CompassStatistic.objects.all().delete()
    CompassStatistic.objects.bulk_create(
        (
            CompassStatistic(
                questionnaire=slug,
                territory_id=territory,
                world=world,
                axis=axis,
                assessments=len(group),
                mean=scoring.mean(group) if len(group) >= minimum else None,
            )
            for (slug, territory, world, axis), group in values.items()
        ),
        batch_size=500,
    )
    return len(values)
