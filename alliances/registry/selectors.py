"""Reads of the registry: search with facets, record pages, the catalysts directory."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    OrganisationStatus,
    Publication,
    WaldecTheme,
    World,
)
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

FACET_LIMIT = 20


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
    values: list[FacetValue] = field(default_factory=list)


def _facet(queryset, column, param, label, labels, selected, *, distinct=False) -> Facet:
    rows = (
        queryset.order_by()
        .values(column)
        .annotate(count=Count("id", distinct=distinct))
        .filter(**{f"{column}__isnull": False})
        .order_by("-count")[:FACET_LIMIT]
    )
    values = [
        FacetValue(
            str(row[column]),
            str(labels.get(row[column], row[column])),
            row["count"],
            str(row[column]) == selected,
        )
        for row in rows
        if row[column] != ""
    ]
    return Facet(param, label, values)


def _departement_labels(ids) -> dict:
    return dict(Territory.objects.filter(pk__in=list(ids)).values_list("pk", "name"))


def _goal_labels() -> dict:
    return {goal.number: str(goal) for goal in Goal.objects.all()}


@dataclass(frozen=True)
class OrganisationFilters:
    query: str = ""
    world: str = ""
    departement: str = ""
    theme: str = ""
    status: str = ""
    goal: str = ""


def organisation_search(filters: OrganisationFilters) -> QuerySet:
    organisations = Organisation.objects.displayable().search(filters.query)
    if filters.world in World.values:
        organisations = organisations.filter(world=filters.world)
    if filters.departement.isdigit():
        organisations = organisations.filter(departement_id=int(filters.departement))
    if filters.theme in WaldecTheme.values:
        organisations = organisations.filter(waldec_theme=filters.theme)
    if filters.status in OrganisationStatus.values:
        organisations = organisations.filter(status=filters.status)
    if filters.goal.isdigit():
        organisations = organisations.filter(goals__number=int(filters.goal))
    return organisations


def organisation_facets(organisations: QuerySet, filters: OrganisationFilters) -> list[Facet]:
    from django.utils.translation import gettext_lazy as _

    departements = _facet(organisations, "departement", "departement", _("Département"), {}, "")
    names = _departement_labels(int(v.value) for v in departements.values)
    departements = Facet(
        departements.param,
        departements.label,
        [
            FacetValue(
                v.value, names.get(int(v.value), v.value), v.count, v.value == filters.departement
            )
            for v in departements.values
        ],
    )
    return [
        _facet(organisations, "world", "world", _("World"), dict(World.choices), filters.world),
        departements,
        _facet(
            organisations,
            "waldec_theme",
            "theme",
            _("Theme"),
            dict(WaldecTheme.choices),
            filters.theme,
        ),
        _facet(
            organisations,
            "goals__number",
            "goal",
            _("Sustainable Development Goal"),
            _goal_labels(),
            filters.goal,
            distinct=True,
        ),
        _facet(
            organisations,
            "status",
            "status",
            _("Status"),
            dict(OrganisationStatus.choices),
            filters.status,
        ),
    ]


@dataclass(frozen=True)
class AllianceFilters:
    query: str = ""
    alliance_type: str = ""
    status: str = ""
    goal: str = ""
    region: str = ""
    world: str = ""


def alliance_search(filters: AllianceFilters) -> QuerySet:
    alliances = Alliance.objects.published().search(filters.query)
    if filters.alliance_type in AllianceType.values:
        alliances = alliances.filter(alliance_type=filters.alliance_type)
    if filters.status in AllianceStatus.values:
        alliances = alliances.filter(status=filters.status)
    if filters.goal.isdigit():
        alliances = alliances.filter(goals__number=int(filters.goal))
    if filters.region:
        region = Territory.objects.filter(kind=TerritoryKind.REGION, code=filters.region).first()
        alliances = alliances.in_territory(region) if region else alliances.none()
    if filters.world in World.values:
        alliances = alliances.filter(memberships__organisation__world=filters.world).distinct()
    return alliances


def alliance_facets(alliances: QuerySet, filters: AllianceFilters) -> list[Facet]:
    from django.utils.translation import gettext_lazy as _

    ids = alliances.values("id")
    base = Alliance.objects.filter(id__in=ids)
    regions = Territory.objects.filter(kind=TerritoryKind.REGION).values_list("code", "name")
    region_counts = defaultdict(set)
    for alliance_id, region_code, territory_kind, territory_code in base.values_list(
        "id", "territories__region__code", "territories__kind", "territories__code"
    ):
        code = territory_code if territory_kind == TerritoryKind.REGION else region_code
        if code:
            region_counts[code].add(alliance_id)
    region_names = dict(regions)
    region_facet = Facet(
        "region",
        _("Region"),
        sorted(
            (
                FacetValue(code, region_names.get(code, code), len(members), code == filters.region)
                for code, members in region_counts.items()
            ),
            key=lambda v: (-v.count, v.label),
        ),
    )
    member_worlds = Facet(
        "world",
        _("World of a member"),
        [
            FacetValue(
                row["organisation__world"],
                str(World(row["organisation__world"]).label),
                row["count"],
                row["organisation__world"] == filters.world,
            )
            for row in Membership.objects.filter(alliance__in=ids)
            .values("organisation__world")
            .annotate(count=Count("alliance", distinct=True))
            .order_by("-count")
        ],
    )
    return [
        _facet(
            base,
            "alliance_type",
            "type",
            _("Type of alliance"),
            dict(AllianceType.choices),
            filters.alliance_type,
        ),
        _facet(
            base,
            "goals__number",
            "goal",
            _("Sustainable Development Goal"),
            _goal_labels(),
            filters.goal,
            distinct=True,
        ),
        region_facet,
        member_worlds,
        _facet(base, "status", "status", _("Status"), dict(AllianceStatus.choices), filters.status),
    ]


def organisation_get(pk: int) -> Organisation:
    return get_object_or_404(
        Organisation.objects.displayable()
        .select_related("commune", "departement", "commune__region")
        .prefetch_related("goals"),
        pk=pk,
    )


def organisation_alliances(organisation: Organisation) -> QuerySet:
    return (
        Membership.objects.filter(
            organisation=organisation, alliance__publication=Publication.PUBLISHED
        )
        .select_related("alliance")
        .order_by("alliance__search_title")
    )


@dataclass(frozen=True)
class MemberGroup:
    world: str
    label: str
    memberships: list


def alliance_get(pk: int, *, include_unpublished: bool = False) -> Alliance:
    alliances = Alliance.objects.all() if include_unpublished else Alliance.objects.published()
    return get_object_or_404(
        alliances.prefetch_related(
            Prefetch("territories", queryset=Territory.objects.order_by("kind", "name")),
            "goals",
            "targets",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organisation").order_by(
                    "organisation__search_name"
                ),
            ),
        ),
        pk=pk,
    )


def alliance_members_by_world(alliance: Alliance) -> list[MemberGroup]:
    groups: dict[str, list] = defaultdict(list)
    role_order = list(MembershipRole.values)
    for membership in alliance.memberships.all():
        groups[membership.organisation.world].append(membership)
    return [
        MemberGroup(
            world,
            World(world).label,
            sorted(groups[world], key=lambda m: role_order.index(m.role)),
        )
        for world in World.values
        if world in groups
    ]


def catalysts(territory_query: str = "") -> QuerySet:
    queryset = (
        Catalyst.objects.filter(is_active=True)
        .select_related("organisation")
        .prefetch_related(Prefetch("territories", queryset=Territory.objects.order_by("name")))
    )
    if territory_query:
        from alliances.core.text import fold

        queryset = queryset.filter(territories__search_name__contains=fold(territory_query))
    return queryset.distinct().order_by("person_name", "organisation__search_name")


def _territory_scope(prefix: str, territory_ids) -> Q:
    """Records whose territory (at `prefix`) is one of these or lies inside one of them."""
    ids = list(territory_ids)
    condition = Q(**{f"{prefix}__in": ids})
    for level in ("region", "departement", "epci"):
        condition |= Q(**{f"{prefix}__{level}__in": ids})
    return condition


def alliances_in_territories(alliances: QuerySet, territory_ids) -> QuerySet:
    """The alliances covering one of these territories or a place inside one (a catalyst's)."""
    return alliances.filter(_territory_scope("territories", territory_ids)).distinct()


def corrections_in_territories(corrections: QuerySet, territory_ids) -> QuerySet:
    return corrections.filter(
        _territory_scope("alliance__territories", territory_ids)
        | _territory_scope("organisation__commune", territory_ids)
    ).distinct()
