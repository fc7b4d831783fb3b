"""The territories loaded are the real COG 2026: counts and examples checked against the source."""

import pytest
from django.core.management import call_command
from django.db.models import Sum

from alliances.core.models import ReferenceDataset
from alliances.territories.enums import TerritoryKind, Zone
from alliances.territories.models import Territory
from alliances.territories.services import territories_load

pytestmark = pytest.mark.django_db


def count(kind, **filters):
    return Territory.objects.filter(kind=kind, **filters).count()


def test_counts_match_cog_2026():
    assert count(TerritoryKind.REGION) == 26
    assert Territory.objects.filter(kind=TerritoryKind.REGION).official().count() == 18
    assert count(TerritoryKind.REGION, zone=Zone.DROM) == 5
    assert Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).official().count() == 101
    assert count(TerritoryKind.DEPARTEMENT, zone=Zone.METRO) == 96
    assert count(TerritoryKind.DEPARTEMENT, zone=Zone.COM) == 8
    assert count(TerritoryKind.EPCI) == 1255
    assert count(TerritoryKind.COMMUNE) == 34969
    assert count(TerritoryKind.ARRONDISSEMENT) == 45  # Paris 20, Marseille 16, Lyon 9


def test_population_of_current_communes_matches_source():
    communes = Territory.objects.filter(kind=TerritoryKind.COMMUNE)
    assert communes.aggregate(total=Sum("population"))["total"] == 68_952_941


def test_commune_01001_is_in_ain_its_epci_and_auvergne_rhone_alpes():
    commune = Territory.objects.select_related("departement", "region", "epci").get(
        kind=TerritoryKind.COMMUNE, code="01001"
    )
    assert commune.name == "L'Abergement-Clémenciat"
    assert commune.population == 860
    assert commune.postal_codes == "01400"
    assert (commune.departement.code, commune.departement.name) == ("01", "Ain")
    assert (commune.region.code, commune.region.name) == ("84", "Auvergne-Rhône-Alpes")
    assert commune.epci.code == "200069193"
    assert commune.epci.epci_type == "CC"


def test_arrondissements_are_attached_to_their_commune():
    lyon_arrondissements = Territory.objects.filter(
        kind=TerritoryKind.ARRONDISSEMENT, commune__code="69123"
    )
    assert lyon_arrondissements.count() == 9
    assert set(lyon_arrondissements.values_list("departement__code", flat=True)) == {"69"}
    paris = Territory.objects.filter(kind=TerritoryKind.ARRONDISSEMENT, commune__code="75056")
    assert paris.count() == 20


def test_regions_and_departements_carry_the_population_of_their_communes():
    corse_du_sud = Territory.objects.get(kind=TerritoryKind.DEPARTEMENT, code="2A")
    expected = Territory.objects.filter(
        kind=TerritoryKind.COMMUNE, departement=corse_du_sud
    ).aggregate(total=Sum("population"))["total"]
    assert corse_du_sud.population == expected > 150_000
    assert corse_du_sud.region.name == "Corse"


def test_every_epci_belongs_to_a_departement_of_one_of_its_members():
    epci = Territory.objects.get(kind=TerritoryKind.EPCI, code="200000172")
    member_departements = set(
        Territory.objects.filter(kind=TerritoryKind.COMMUNE, epci=epci).values_list(
            "departement__code", flat=True
        )
    )
    assert epci.departement.code in member_departements
    assert Territory.objects.filter(kind=TerritoryKind.EPCI, departement=None).count() == 0


def test_overseas_collectivity_communes_have_their_collectivity_as_departement():
    saint_pierre = Territory.objects.get(kind=TerritoryKind.COMMUNE, code="97502")
    assert saint_pierre.zone == Zone.COM
    assert saint_pierre.departement.code == "975"


def test_loading_twice_leaves_the_same_rows():
    before = Territory.objects.count()
    report = territories_load()
    assert report.skipped is True
    assert Territory.objects.count() == before


def test_forced_reload_updates_in_place_without_duplicates():
    commune = Territory.objects.get(kind=TerritoryKind.COMMUNE, code="01001")
    Territory.objects.filter(pk=commune.pk).update(name="Renamed", population=1)
    before = Territory.objects.count()
    report = territories_load(force=True)
    assert report.skipped is False
    assert Territory.objects.count() == before
    commune.refresh_from_db()
    assert (commune.name, commune.population) == ("L'Abergement-Clémenciat", 860)


def test_load_reference_command_is_idempotent(capsys):
    call_command("load_reference")
    first = (Territory.objects.count(), ReferenceDataset.objects.count())
    call_command("load_reference")
    assert (Territory.objects.count(), ReferenceDataset.objects.count()) == first
    assert "already up to date" in capsys.readouterr().out


def test_changed_files_are_reloaded(monkeypatch):
    ReferenceDataset.objects.filter(name="territories").update(checksum="outdated")
    assert territories_load().skipped is False
