"""Rebuild the observatory's read models from the registry, in set-based statements.

Each count is one `INSERT … SELECT … GROUP BY` per territorial level, so the work grows with the
number of territories and the database does the counting, whatever the size of the registry.
"""

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import (
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils import timezone

from alliances.core.pagecache import bump_after_commit
from alliances.insights.enums import Metric, Scope
from alliances.insights.freshness import freshness_refresh
from alliances.insights.models import (
    AllianceProfile,
    AllianceReach,
    CatalystReach,
    Refresh,
    TerritoryBreakdown,
    TerritorySummary,
)
from alliances.insights.services.network import networks_refresh
from alliances.insights.sql import insert_from_select
from alliances.kit.services.statistics import compass_statistics_refresh
from alliances.registry.enums import OrganisationStatus, Publication, World
from alliances.registry.models import Alliance, Catalyst, Organisation
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

if TYPE_CHECKING:
    from alliances.insights.services.diagnostics import StoreReport

# Where an organisation sits at each level, from its commune (an arrondissement counts in its
# commune). `None` is France.
ORGANISATION_LEVELS = {
    Scope.COUNTRY: None,
    Scope.REGION: F("departement__region_id"),
    Scope.DEPARTEMENT: F("departement_id"),
    Scope.EPCI: Coalesce("commune__epci_id", "commune__commune__epci_id"),
    Scope.COMMUNE: Coalesce("commune__commune_id", "commune_id"),
}
# The territories a covered territory lies in (itself included): the reach of an alliance.
COVERED_LEVELS = ("territory_id", "territory__region_id", "territory__departement_id")
COVERED_LEVELS += ("territory__epci_id", "territory__commune_id")
SUMMARISED_KINDS = [Scope.REGION, Scope.DEPARTEMENT, Scope.EPCI, Scope.COMMUNE]
BREAKDOWN_COLUMNS = ("territory", "metric", "key", "value")
DISSOLVED = [OrganisationStatus.DISSOLVED, OrganisationStatus.CLOSED]


@dataclass(frozen=True)
class RefreshReport:
    organisations: int
    alliances: int
    summaries: int
    duration_ms: int
    stored: "StoreReport | None" = None

    def __str__(self) -> str:
        text = (
            f"Observatory refreshed: {self.organisations} organisations and {self.alliances} "
            f"published alliances counted, {self.summaries} territory summaries "
            f"in {self.duration_ms} ms."
        )
        return f"{text} {self.stored}" if self.stored else text


def _text(expression) -> Cast:
    return Cast(expression, output_field=CharField())


def _grouped(queryset, territory, metric: str, key, value):
    """Rows (territory, metric, key, value) of `queryset` grouped by territory and key."""
    territory = Value(None, output_field=IntegerField()) if territory is None else territory
    return (
        queryset.annotate(t=territory, m=Value(metric), k=_text(key))
        .values("t", "m", "k")
        .annotate(v=value)
        .values_list("t", "m", "k", "v")
        .order_by()
    )


def _insert_breakdown(queryset, territory, metric: str, key, value) -> None:
    if territory is not None:
        queryset = queryset.annotate(level_id=territory).filter(level_id__isnull=False)
        territory = F("level_id")
    insert_from_select(
        TerritoryBreakdown,
        BREAKDOWN_COLUMNS,
        _grouped(queryset, territory, metric, key, value),
    )


def _actors() -> None:
    organisations = Organisation.objects.exclude(status=OrganisationStatus.DELETED)
    active = organisations.filter(status=OrganisationStatus.ACTIVE)
    goals = Organisation.goals.through.objects.filter(
        organisation__status=OrganisationStatus.ACTIVE
    )
    for territory in ORGANISATION_LEVELS.values():
        _insert_breakdown(active, territory, Metric.ACTORS_ACTIVE, F("world"), Count("pk"))
        _insert_breakdown(
            organisations.filter(status__in=DISSOLVED),
            territory,
            Metric.ACTORS_DISSOLVED,
            F("world"),
            Count("pk"),
        )
        _insert_breakdown(
            active.filter(world=World.ASSOCIATION).exclude(waldec_theme=""),
            territory,
            Metric.ASSOCIATION_THEME,
            F("waldec_theme"),
            Count("pk"),
        )
        through_territory = None
        if territory is not None:
            through_territory = _through(territory, "organisation")
        _insert_breakdown(
            goals,
            through_territory,
            Metric.GOAL_ACTORS,
            F("goal__number"),
            Count("organisation_id", distinct=True),
        )


def _through(expression, prefix: str):
    """The same level expression, seen from a table that points to the organisation."""
    if isinstance(expression, F):
        return F(f"{prefix}__{expression.name}")
    return Coalesce(*(f"{prefix}__{source.name}" for source in expression.source_expressions))


def _alliances() -> int:
    published = Alliance.objects.filter(publication=Publication.PUBLISHED)
    insert_from_select(
        AllianceProfile,
        ("alliance", "members", "worlds", "year"),
        published.annotate(
            n_members=Count("memberships__organisation", distinct=True),
            n_worlds=Count("memberships__organisation__world", distinct=True),
            start_year=Coalesce(
                ExtractYear("start_date"), ExtractYear("published_at"), ExtractYear("created_at")
            ),
        )
        .values_list("pk", "n_members", "n_worlds", "start_year")
        .order_by(),
    )
    covered = Alliance.territories.through.objects.filter(
        alliance__publication=Publication.PUBLISHED
    )
    for level in COVERED_LEVELS:
        insert_from_select(
            AllianceReach,
            ("alliance", "territory"),
            covered.filter(**{f"{level}__isnull": False})
            .values_list("alliance_id", level)
            .distinct()
            .order_by(),
            ignore_conflicts=True,
        )
    reaches = AllianceReach.objects.all()
    profiles = AllianceProfile.objects.all()
    for source, territory in ((profiles, None), (reaches, F("territory_id"))):
        _insert_breakdown(
            source,
            territory,
            Metric.ALLIANCE_TYPE,
            F("alliance__alliance_type"),
            Count("alliance_id"),
        )
        year = "year" if source is profiles else "alliance__insight_profile__year"
        _insert_breakdown(
            source.filter(**{f"{year}__isnull": False}),
            territory,
            Metric.ALLIANCE_YEAR,
            F(year),
            Count("alliance_id"),
        )
        _insert_breakdown(
            source.filter(alliance__memberships__isnull=False),
            territory,
            Metric.MEMBER_WORLD,
            F("alliance__memberships__organisation__world"),
            Count("alliance__memberships__organisation", distinct=True),
        )
        _insert_breakdown(
            source.filter(alliance__goals__isnull=False),
            territory,
            Metric.GOAL_ALLIANCES,
            F("alliance__goals__number"),
            Count("alliance_id", distinct=True),
        )
    return profiles.count()


def _catalysts() -> None:
    served = Catalyst.territories.through.objects.filter(catalyst__is_active=True)
    for level in COVERED_LEVELS:
        insert_from_select(
            CatalystReach,
            ("catalyst", "territory"),
            served.filter(**{f"{level}__isnull": False})
            .values_list("catalyst_id", level)
            .distinct()
            .order_by(),
            ignore_conflicts=True,
        )


def _breakdown_sum(metric: str, **filters):
    rows = (
        TerritoryBreakdown.objects.filter(territory=OuterRef("territory"), metric=metric, **filters)
        .values("territory")
        .annotate(total=Sum("value"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def _reach_count(model, **filters):
    rows = (
        model.objects.filter(territory=OuterRef("territory"), **filters)
        .values("territory")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def _goal_count():
    rows = (
        TerritoryBreakdown.objects.filter(
            territory=OuterRef("territory"), metric=Metric.GOAL_ALLIANCES
        )
        .values("territory")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def _summaries() -> int:
    insert_from_select(
        TerritorySummary,
        ("territory", "scope", "population"),
        Territory.objects.filter(kind__in=SUMMARISED_KINDS)
        .values_list("pk", "kind", "population")
        .order_by(),
    )
    TerritorySummary.objects.filter(territory__isnull=False).update(
        actors_active=_breakdown_sum(Metric.ACTORS_ACTIVE),
        actors_dissolved=_breakdown_sum(Metric.ACTORS_DISSOLVED),
        associations_active=_breakdown_sum(Metric.ACTORS_ACTIVE, key=World.ASSOCIATION),
        alliances=_reach_count(AllianceReach),
        cross_world_alliances=_reach_count(AllianceReach, alliance__insight_profile__worlds__gte=2),
        catalysts=_reach_count(CatalystReach),
        goals_with_alliances=_goal_count(),
    )
    national = TerritoryBreakdown.objects.filter(territory__isnull=True)

    def total(metric: str, **filters) -> int:
        return national.filter(metric=metric, **filters).aggregate(s=Sum("value"))["s"] or 0

    TerritorySummary.objects.create(
        territory=None,
        scope=Scope.COUNTRY,
        population=Territory.objects.filter(kind=TerritoryKind.COMMUNE).aggregate(
            s=Sum("population")
        )["s"],
        actors_active=total(Metric.ACTORS_ACTIVE),
        actors_dissolved=total(Metric.ACTORS_DISSOLVED),
        associations_active=total(Metric.ACTORS_ACTIVE, key=World.ASSOCIATION),
        alliances=AllianceProfile.objects.count(),
        cross_world_alliances=AllianceProfile.objects.filter(worlds__gte=2).count(),
        catalysts=Catalyst.objects.filter(is_active=True).count(),
        goals_with_alliances=national.filter(metric=Metric.GOAL_ALLIANCES).count(),
    )
    return TerritorySummary.objects.count()


def insights_refresh() -> RefreshReport:
    """Rebuild every read model in one transaction: readers see the old numbers or the new."""
    started_at = timezone.now()
    clock = time.perf_counter()
    with transaction.atomic():
        for model in (TerritorySummary, TerritoryBreakdown, AllianceReach, CatalystReach):
            model.objects.all().delete()
        AllianceProfile.objects.all().delete()
        _actors()
        alliances = _alliances()
        _catalysts()
        freshness_refresh()
        summaries = _summaries()
        networks_refresh()
        compass_statistics_refresh()
        organisations = Organisation.objects.exclude(status=OrganisationStatus.DELETED).count()
        duration_ms = round((time.perf_counter() - clock) * 1000)
        Refresh.objects.create(
            started_at=started_at,
            finished_at=timezone.now(),
            duration_ms=duration_ms,
            organisations=organisations,
            alliances=alliances,
            summaries=summaries,
        )
        # The diagnostic API's responses, as of this refresh (ADR 0021).
        from alliances.insights.services import diagnostics

        stored = None
        if settings.STORE_DIAGNOSTICS:
            stored = diagnostics.diagnostics_store()
        else:
            diagnostics.diagnostics_drop()
        # Every diagnostic, map and count of a cached page may have changed.
        bump_after_commit()
    return RefreshReport(organisations, alliances, summaries, duration_ms, stored)
