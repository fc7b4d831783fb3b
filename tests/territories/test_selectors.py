import pytest

from alliances.territories import selectors
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

pytestmark = pytest.mark.django_db


def test_search_is_accent_and_case_insensitive_and_ranks_exact_names_first():
    results = selectors.territory_search("saint etienne").territories
    assert results[0].name == "Saint-Étienne"
    assert results[0].kind == TerritoryKind.COMMUNE


def test_search_by_code_prefix():
    results = selectors.territory_search("0100")
    assert [t.code for t in results.territories][:3] == ["01001", "01002", "01004"]
    assert results.total == 8  # 01001 … 01009, of which 01003 no longer exists


def test_search_of_nothing_finds_nothing():
    assert selectors.territory_search("   ").total == 0
    assert selectors.territory_search("'-").territories == []


def test_search_reports_the_total_beyond_the_shown_results():
    results = selectors.territory_search("saint", limit=10)
    assert len(results.territories) == 10
    assert results.total > 4000


def test_children_of_each_level():
    region = Territory.objects.get(kind=TerritoryKind.REGION, code="94")  # Corse
    [departements] = selectors.territory_children(region)
    assert list(departements.territories.values_list("code", flat=True)) == ["2A", "2B"]

    lyon = Territory.objects.get(kind=TerritoryKind.COMMUNE, code="69123")
    [arrondissements] = selectors.territory_children(lyon)
    assert arrondissements.territories.count() == 9

    ain = Territory.objects.get(kind=TerritoryKind.DEPARTEMENT, code="01")
    epcis, communes = selectors.territory_children(ain)
    assert (
        communes.territories.count()
        == Territory.objects.filter(kind=TerritoryKind.COMMUNE, departement=ain).count()
    )
    assert epcis.territories.filter(code="200069193").exists()

    arrondissement = Territory.objects.get(kind=TerritoryKind.ARRONDISSEMENT, code="75101")
    assert selectors.territory_children(arrondissement) == []


def test_ancestors_run_from_region_to_commune():
    arrondissement = selectors.territory_get(kind=TerritoryKind.ARRONDISSEMENT, code="13201")
    assert [t.code for t in selectors.territory_ancestors(arrondissement)] == [
        "93",
        "13",
        "13055",
    ]
