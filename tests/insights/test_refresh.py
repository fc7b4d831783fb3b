from django.core.management import call_command
from django.db.models import Count

from alliances.insights.enums import Metric, Scope
from alliances.insights.models import Refresh, TerritoryBreakdown, TerritorySummary
from alliances.insights.services.refresh import insights_refresh
from alliances.registry.enums import OrganisationStatus, Publication
from alliances.registry.models import Alliance, Organisation
from tests.insights.fixtures import small_registry, territory  # noqa: F401

__all__ = ["small_registry"]


def breakdown(place, metric: str) -> dict[str, int]:
    return dict(
        TerritoryBreakdown.objects.filter(territory=place, metric=metric).values_list(
            "key", "value"
        )
    )


def test_departement_numbers_match_the_registry(small_registry):
    insights_refresh()
    ain = territory("departement", "01")
    summary = TerritorySummary.objects.get(territory=ain)
    # Recomputed independently, from the registry's own querysets.
    in_ain = Organisation.objects.filter(commune__departement=ain)
    expected_worlds = dict(
        in_ain.filter(status=OrganisationStatus.ACTIVE)
        .values("world")
        .annotate(n=Count("pk"))
        .values_list("world", "n")
    )
    assert (
        breakdown(ain, Metric.ACTORS_ACTIVE)
        == expected_worlds
        == {
            "association": 3,
            "company": 1,
            "public": 1,
        }
    )
    assert breakdown(ain, Metric.ACTORS_DISSOLVED) == {"association": 1}
    assert breakdown(ain, Metric.ASSOCIATION_THEME) == {"019": 2, "024": 1}
    expected_alliances = Alliance.objects.filter(publication=Publication.PUBLISHED).in_territory(
        ain
    )
    assert summary.alliances == expected_alliances.count() == 2
    assert summary.cross_world_alliances == 1
    assert summary.catalysts == 1
    assert summary.actors_active == 5
    assert summary.associations_active == 3
    assert summary.population == ain.population
    assert breakdown(ain, Metric.GOAL_ALLIANCES) == {"1": 1, "13": 1}
    assert breakdown(ain, Metric.GOAL_ACTORS) == {"1": 2, "13": 1}
    assert breakdown(ain, Metric.ALLIANCE_YEAR) == {"2023": 1, "2024": 1}
    assert breakdown(ain, Metric.MEMBER_WORLD) == {"association": 3, "company": 1}
    assert summary.goals_with_alliances == 2


def test_every_level_and_the_country(small_registry):
    insights_refresh()
    bourg = territory("commune", "01053")
    assert breakdown(bourg, Metric.ACTORS_ACTIVE) == {"association": 2, "company": 1}
    assert TerritorySummary.objects.get(territory=bourg).alliances == 1
    region = territory("region", "84")
    region_summary = TerritorySummary.objects.get(territory=region)
    assert region_summary.alliances == 3  # the Lyon alliance sits in an arrondissement
    assert region_summary.actors_active == 6
    lyon = territory("commune", "69123")
    assert breakdown(lyon, Metric.ACTORS_ACTIVE) == {"company": 1}
    assert TerritorySummary.objects.get(territory=lyon).alliances == 1
    epci = bourg.epci
    assert breakdown(epci, Metric.ACTORS_ACTIVE)["association"] == 2
    france = TerritorySummary.objects.get(territory__isnull=True)
    assert france.scope == Scope.COUNTRY
    assert france.alliances == 3
    assert france.cross_world_alliances == 2
    assert france.actors_active == 6
    assert france.actors_dissolved == 1
    assert france.catalysts == 1
    assert france.population > 60_000_000
    assert breakdown(None, Metric.ALLIANCE_TYPE) == {"skills": 1, "cooperation": 2}


def test_refresh_replaces_the_numbers_and_records_when(small_registry):
    insights_refresh()
    ain = territory("departement", "01")
    small_registry["alliances"]["single"].delete()
    call_command("refresh_insights", verbosity=0)
    assert TerritorySummary.objects.get(territory=ain).alliances == 1
    assert Refresh.objects.count() == 2
    assert TerritorySummary.objects.filter(territory=ain).count() == 1
