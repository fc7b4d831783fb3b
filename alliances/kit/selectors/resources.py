"""Reads of the kit's resources: search with facets, resource pages, moderation and guided paths."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from alliances.kit import perms
from alliances.kit.enums import AudienceProfile, Maturity, ResourceKind, ResourceState, SortOrder
from alliances.kit.models import GuidedPath, Resource, Theme
from alliances.registry.models import Alliance
from alliances.registry.selectors import Facet, FacetValue
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
    shows how many results it gives (the usual faceted-search behaviour). Same facets as the
    registry's: the page shows them with its template."""

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
