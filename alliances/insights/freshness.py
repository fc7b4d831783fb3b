"""The freshness indicator: the share of organisations and alliances confirmed within a year,
per territory. Rebuilt with the other read models by `refresh_insights`; the rule of what counts
as confirmed is the registry's (`registry.freshness`).
"""

from django.db.models import Count, F, IntegerField, Value
from django.utils import timezone

from alliances.insights.models import AllianceReach, FreshnessCount
from alliances.insights.sql import insert_from_select
from alliances.registry import freshness
from alliances.registry.enums import OrganisationStatus, Publication
from alliances.registry.models import Alliance, Organisation

COLUMNS = ("territory", "kind", "total", "confirmed")


def _insert(queryset, territory, kind: str, confirmed_filter, counted: str = "pk") -> None:
    if territory is None:
        territory = Value(None, output_field=IntegerField())
    else:
        queryset = queryset.annotate(level_id=territory).filter(level_id__isnull=False)
        territory = F("level_id")
    insert_from_select(
        FreshnessCount,
        COLUMNS,
        queryset.annotate(t=territory, k=Value(kind))
        .values("t", "k")
        .annotate(
            total=Count(counted, distinct=True),
            confirmed=Count(counted, filter=confirmed_filter, distinct=True),
        )
        .values_list("t", "k", "total", "confirmed")
        .order_by(),
    )


def freshness_refresh(now=None) -> None:
    """Rebuild the counts; run inside the observatory's refresh, after the alliances' reach."""
    from alliances.insights.services.refresh import ORGANISATION_LEVELS

    since = freshness.cutoff(now or timezone.now())
    FreshnessCount.objects.all().delete()
    organisations = Organisation.objects.filter(status=OrganisationStatus.ACTIVE)
    kind = FreshnessCount.Kind
    for level in ORGANISATION_LEVELS.values():
        _insert(
            organisations,
            level,
            kind.ORGANISATION,
            freshness.confirmed_q(Organisation, since=since),
        )
    _insert(
        Alliance.objects.filter(publication=Publication.PUBLISHED),
        None,
        kind.ALLIANCE,
        freshness.confirmed_q(Alliance, since=since),
    )
    _insert(
        AllianceReach.objects.all(),
        F("territory_id"),
        kind.ALLIANCE,
        freshness.confirmed_q(Alliance, since=since, prefix="alliance__"),
        counted="alliance_id",
    )


def freshness_of_territory(territory) -> dict[str, FreshnessCount]:
    """The counts of a territory (None: France), by kind of record."""
    rows = FreshnessCount.objects.filter(territory=territory)
    if territory is None:
        rows = FreshnessCount.objects.filter(territory__isnull=True)
    return {row.kind: row for row in rows}
