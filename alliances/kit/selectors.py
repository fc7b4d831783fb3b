"""Reads of the kit: resource search with facets, pages, compass results and recommendations."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from alliances.kit import perms, scoring
from alliances.kit.enums import (
    MATURITY_ORDER,
    AudienceProfile,
    Maturity,
    QuestionnaireAudience,
    ResourceKind,
    ResourceState,
    SortOrder,
    axis_label,
)
from alliances.kit.models import (
    Assessment,
    AssessmentScore,
    CompassStatistic,
    GuidedPath,
    Questionnaire,
    Resource,
    Theme,
)
from alliances.registry.models import Alliance
from alliances.sdg.models import Goal
from alliances.territories.models import Territory


@dataclass(frozen=True)
class ResourceFilters:
    query: str = ""
    kind: str = ""
    profile: str = ""
    maturity: str = ""
    goal: str = ""
    theme: str = ""
    territory: str = ""
    sort: str = ""

    @classmethod
    def from_query(cls, params: QueryDict) -> "ResourceFilters":
        def value(name: str, length: int = 30) -> str:
            return params.get(name, "")[:length].strip()

        return cls(
            query=value("q", 100),
            kind=value("kind"),
            profile=value("profile"),
            maturity=value("maturity"),
            goal=value("goal"),
            theme=value("theme"),
            territory=value("territory"),
            sort=value("sort"),
        )


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    values: list[FacetValue]


def _filtered(filters: ResourceFilters, *, skip: str = "") -> QuerySet:
    resources = Resource.objects.published().search(filters.query)
    if skip != "kind" and filters.kind in ResourceKind.values:
        resources = resources.filter(kind=filters.kind)
    if skip != "profile" and filters.profile in AudienceProfile.values:
        resources = resources.filter(audiences__profile=filters.profile)
    if skip != "maturity" and filters.maturity in Maturity.values:
        resources = resources.filter(maturity=filters.maturity)
    if skip != "goal" and filters.goal.isdigit():
        resources = resources.filter(goals__number=int(filters.goal))
    if skip != "theme" and filters.theme:
        resources = resources.filter(themes__slug=filters.theme)
    if skip != "territory" and filters.territory.isdigit():
        resources = resources.filter(territory_id=int(filters.territory))
    return resources


def resource_search(filters: ResourceFilters) -> QuerySet:
    resources = _filtered(filters)
    if filters.sort == SortOrder.TITLE:
        resources = resources.order_by("title", "pk")
    elif filters.sort == SortOrder.OLDEST:
        resources = resources.order_by("published_at", "pk")
    else:
        resources = resources.order_by("-published_at", "-pk")
    return resources.select_related("author_organisation").prefetch_related("goals", "audiences")


def _counts(resources: QuerySet, column: str) -> dict:
    rows = (
        Resource.objects.filter(pk__in=resources.values("pk"))
        .values(column)
        .annotate(count=Count("pk", distinct=True))
        .filter(**{f"{column}__isnull": False})
    )
    return {row[column]: row["count"] for row in rows}


def resource_facets(filters: ResourceFilters) -> list[Facet]:
    """Each facet counts the resources that match every *other* filter, so choosing a value
    shows how many results it gives (the usual faceted-search behaviour)."""

    def facet(param, label, column, labels: dict, selected: str) -> Facet:
        counts = _counts(_filtered(filters, skip=param), column)
        return Facet(
            param,
            label,
            [
                FacetValue(str(value), str(name), counts[value], str(value) == selected)
                for value, name in labels.items()
                if counts.get(value)
            ],
        )

    goal_labels = {goal.number: str(goal) for goal in Goal.objects.all()}
    theme_labels = {theme.slug: theme.name for theme in Theme.objects.all()}
    territory_ids = _counts(_filtered(filters, skip="territory"), "territory")
    territory_labels = dict(
        Territory.objects.filter(pk__in=list(territory_ids)).values_list("pk", "name")
    )
    return [
        facet("kind", _("Kind"), "kind", dict(ResourceKind.choices), filters.kind),
        facet(
            "profile",
            _("Profile"),
            "audiences__profile",
            dict(AudienceProfile.choices),
            filters.profile,
        ),
        facet("maturity", _("Maturity"), "maturity", dict(Maturity.choices), filters.maturity),
        facet("goal", _("SDG"), "goals__number", goal_labels, filters.goal),
        facet("theme", _("Theme"), "themes__slug", theme_labels, filters.theme),
        facet("territory", _("Territory"), "territory", territory_labels, filters.territory),
    ]


def inspiring_alliances(filters: ResourceFilters) -> QuerySet:
    """The registry's inspiring alliances: the kit shows them as examples, no copy made."""
    alliances = Alliance.objects.published().filter(inspiring=True).search(filters.query)
    if filters.goal.isdigit():
        alliances = alliances.filter(goals__number=int(filters.goal))
    if filters.territory.isdigit():
        territory = Territory.objects.filter(pk=int(filters.territory)).first()
        if territory is not None:
            alliances = alliances.in_territory(territory)
    return alliances.order_by("search_title").prefetch_related("goals")


def resource_get(pk: int, user) -> Resource:
    resource = get_object_or_404(
        Resource.objects.select_related(
            "author_organisation", "territory", "alliance", "created_by"
        ).prefetch_related("goals", "themes", "audiences", "axes", "links"),
        pk=pk,
    )
    if not perms.can_view_resource(user, resource):
        raise Http404
    return resource


def moderation_queue() -> QuerySet:
    return Resource.objects.filter(state=ResourceState.SUBMITTED).order_by("updated_at")


def user_drafts(user) -> QuerySet:
    return Resource.objects.filter(created_by=user).exclude(state=ResourceState.PUBLISHED)


def published_paths() -> QuerySet:
    return GuidedPath.objects.filter(is_published=True).annotate(
        step_count=Count("steps", filter=Q(steps__resource__state=ResourceState.PUBLISHED))
    )


def path_get(slug: str, user) -> tuple[GuidedPath, list]:
    paths = GuidedPath.objects.all() if perms.is_editor(user) else published_paths()
    path = get_object_or_404(paths, slug=slug)
    steps = [
        step
        for step in path.steps.select_related("resource").order_by("order")
        if step.resource.state == ResourceState.PUBLISHED
    ]
    return path, steps


# --- The compass -------------------------------------------------------------------------------

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
    peer_ids = [peer["pk"] for peer in latest]
    by_axis: dict[str, list[Decimal]] = {}
    for axis, score in AssessmentScore.objects.filter(assessment_id__in=peer_ids).values_list(
        "axis", "score"
    ):
        by_axis.setdefault(axis, []).append(score)
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


# --- Partnership evaluation of an alliance -------------------------------------------------------


@dataclass(frozen=True)
class AngleMean:
    axis: str
    label: str
    mean: Decimal


@dataclass(frozen=True)
class AllianceEvaluation:
    """The members' evaluation of an alliance: how many answered and, from the minimum on, the
    mean per angle (`angles` is empty below it)."""

    questionnaire: Questionnaire | None
    respondents: int
    minimum: int
    angles: list[AngleMean]
    overall: Decimal | None

    @property
    def is_shown(self) -> bool:
        return bool(self.angles)


def evaluation_questionnaire() -> Questionnaire | None:
    return (
        Questionnaire.objects.filter(audience=QuestionnaireAudience.ALLIANCE, is_current=True)
        .order_by("slug")
        .first()
    )


def alliance_evaluation(alliance, minimum: int | None = None) -> AllianceEvaluation:
    """Mean per angle of the members' latest evaluations (every version of the questionnaire:
    the angles are stable codes), shown only from `KIT_EVALUATION_MINIMUM` respondents."""
    minimum = settings.KIT_EVALUATION_MINIMUM if minimum is None else minimum
    questionnaire = evaluation_questionnaire()
    evaluations = Assessment.objects.filter(
        alliance=alliance, questionnaire__audience=QuestionnaireAudience.ALLIANCE
    ).order_by("-created_at", "-pk")
    latest = _latest_per_respondent(evaluations)
    if len(latest) < minimum:
        return AllianceEvaluation(questionnaire, len(latest), minimum, [], None)
    by_axis: dict[str, list[Decimal]] = {}
    for axis, score in AssessmentScore.objects.filter(
        assessment_id__in=[row["pk"] for row in latest]
    ).values_list("axis", "score"):
        by_axis.setdefault(axis, []).append(score)
    names = {axis.code: axis.name for axis in questionnaire.axes.all()} if questionnaire else {}
    order = list(names) + [code for code in by_axis if code not in names]
    angles = [
        AngleMean(code, names.get(code) or axis_label(code), scoring.mean(by_axis[code]))
        for code in order
        if by_axis.get(code)
    ]
    overall = scoring.mean([row["overall"] for row in latest])
    return AllianceEvaluation(questionnaire, len(latest), minimum, angles, overall)


def user_evaluation(alliance, user) -> Assessment | None:
    if not user.is_authenticated:
        return None
    return (
        Assessment.objects.filter(alliance=alliance, user=user)
        .order_by("-created_at", "-pk")
        .first()
    )


# --- Compass statistics for the observatory -----------------------------------------------------


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
