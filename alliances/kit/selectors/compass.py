"""Reads of the compass: an assessment's results, recommended resources, peer comparison and
history, and the questionnaires currently answered."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet

from alliances.kit import scoring
from alliances.kit.enums import MATURITY_ORDER, Maturity, QuestionnaireAudience, axis_label
from alliances.kit.models import Assessment, AssessmentScore, Questionnaire, Resource

STRENGTH_LEVELS = {Maturity.STRUCTURE, Maturity.SCALE}
RECOMMENDATIONS_PER_GAP = 3


@dataclass(frozen=True)
class AxisResult:
    axis: str
    label: str
    score: Decimal
    maturity: str
    maturity_label: str

    @property
    def is_strength(self) -> bool:
        return self.maturity in STRENGTH_LEVELS


def assessment_results(assessment: Assessment) -> list[AxisResult]:
    order = {axis.code: axis.order for axis in assessment.questionnaire.axes.all()}
    names = {axis.code: axis.name for axis in assessment.questionnaire.axes.all()}
    return sorted(
        (
            AxisResult(
                score.axis,
                names.get(score.axis, axis_label(score.axis)),
                score.score,
                score.maturity,
                Maturity(score.maturity).label,
            )
            for score in assessment.scores.all()
        ),
        key=lambda result: order.get(result.axis, 99),
    )


def recommendations(assessment: Assessment, results: list[AxisResult]) -> list[tuple]:
    """Published resources for each gap (axis below "structuring"): same axis, written for the
    assessment's profile, at the axis's maturity level or the next one up. With no gap, the
    weakest axis gets resources to go further. An alliance evaluation has none: resources are
    tagged with the compass axes, not the evaluation angles."""
    if assessment.questionnaire.audience == QuestionnaireAudience.ALLIANCE:
        return []
    gaps = [result for result in results if not result.is_strength]
    if not gaps and results:
        gaps = [min(results, key=lambda result: result.score)]
    matched = []
    for gap in gaps:
        level = MATURITY_ORDER.index(gap.maturity)
        levels = MATURITY_ORDER[level : level + 2]
        resources = (
            Resource.objects.published()
            .filter(
                axes__axis=gap.axis,
                audiences__profile=assessment.profile,
                maturity__in=levels,
            )
            .distinct()
            .order_by("-published_at", "pk")[:RECOMMENDATIONS_PER_GAP]
        )
        matched.append((gap, list(resources)))
    return matched


@dataclass(frozen=True)
class PeerComparison:
    peers: int
    overall_percentile: int
    axes: list[tuple[str, Decimal, int]]  # label, peer median, percentile


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def peer_group(assessment: Assessment) -> tuple[str, str] | None:
    """What peers share with this assessment, as (kind, value): the world for the organisation
    compass, the kind of territory for the territory compass; None when there is no group
    (an alliance evaluation, or a territory compass without territory)."""
    audience = assessment.questionnaire.audience
    if audience == QuestionnaireAudience.TERRITORY:
        if assessment.territory is None:
            return None
        return "territory", assessment.territory.kind
    if audience == QuestionnaireAudience.ORGANISATION and assessment.world:
        return "world", assessment.world
    return None


def _scores_by_axis(assessment_ids: list[int]) -> dict[str, list[Decimal]]:
    """The axis scores of these assessments, gathered per axis."""
    by_axis: dict[str, list[Decimal]] = {}
    for axis, score in AssessmentScore.objects.filter(assessment_id__in=assessment_ids).values_list(
        "axis", "score"
    ):
        by_axis.setdefault(axis, []).append(score)
    return by_axis


def _latest_per_respondent(assessments) -> list[dict]:
    """The latest assessment of each signed-in person and every anonymous one, as value dicts
    (pk, overall). `assessments` must be ordered newest first."""
    latest: dict = {}
    for row in assessments.values("pk", "user_id", "overall"):
        latest.setdefault(row["user_id"] or f"anonymous-{row['pk']}", row)
    return list(latest.values())


def peer_comparison(
    assessment: Assessment, results: list[AxisResult], minimum: int | None = None
) -> PeerComparison | None:
    """Comparison with the other assessments of the same questionnaire by respondents of the same
    world (organisation compass) or the same kind of territory (territory compass) — the latest
    one per signed-in user, every anonymous one — or None below the privacy minimum."""
    minimum = settings.KIT_PEER_MINIMUM if minimum is None else minimum
    group = peer_group(assessment)
    if group is None:
        return None
    kind, value = group
    peers = Assessment.objects.filter(questionnaire__slug=assessment.questionnaire.slug)
    peers = (
        peers.filter(territory__kind=value) if kind == "territory" else peers.filter(world=value)
    )
    peers = peers.exclude(pk=assessment.pk).order_by("-created_at", "-pk")
    if assessment.user_id:
        peers = peers.exclude(user_id=assessment.user_id)
    latest = _latest_per_respondent(peers)
    if len(latest) < minimum:
        return None
    by_axis = _scores_by_axis([peer["pk"] for peer in latest])
    return PeerComparison(
        peers=len(latest),
        overall_percentile=scoring.percentile_rank(
            assessment.overall, [peer["overall"] for peer in latest]
        ),
        axes=[
            (
                result.label,
                _median(by_axis[result.axis]),
                scoring.percentile_rank(result.score, by_axis[result.axis]),
            )
            for result in results
            if by_axis.get(result.axis)
        ],
    )


def assessment_history(assessment: Assessment) -> list[Assessment]:
    """Earlier and later assessments of the same questionnaire by the same user or organisation,
    oldest first; empty for an anonymous assessment."""
    if assessment.user_id is None and assessment.organisation_id is None:
        return []
    same_owner = Q()
    if assessment.user_id:
        same_owner |= Q(user_id=assessment.user_id)
    if assessment.organisation_id:
        same_owner |= Q(organisation_id=assessment.organisation_id)
    return list(
        Assessment.objects.filter(same_owner, questionnaire__slug=assessment.questionnaire.slug)
        .prefetch_related("scores")
        .order_by("created_at", "pk")
    )


def user_assessments(user) -> QuerySet:
    return Assessment.objects.filter(user=user).select_related("questionnaire")


def current_compasses() -> QuerySet:
    """The questionnaires answered on the compass pages (not the alliance evaluation)."""
    return current_questionnaires().exclude(audience=QuestionnaireAudience.ALLIANCE)


def current_questionnaires() -> QuerySet:
    return Questionnaire.objects.filter(is_current=True).order_by("audience", "slug")
