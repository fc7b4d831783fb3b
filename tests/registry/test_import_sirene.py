"""`alliances import_sirene` on a StockUniteLegale sample in INSEE's real format."""

from pathlib import Path

import pytest
from django.core.management import call_command

from alliances.registry.enums import OrganisationStatus, Source, World
from alliances.registry.importers.sirene import Selection
from alliances.registry.models import Organisation
from alliances.registry.services.rna import rna_import
from alliances.registry.services.sirene import sirene_import

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
STOCK = FIXTURES / "StockUniteLegale_utf8.csv"


def run(tmp_path, selection=None, commit=True):
    return sirene_import(
        path=STOCK,
        selection=selection or Selection(),
        commit=commit,
        rejects_path=tmp_path / "rejects.csv",
    )


def counts(report):
    return (
        report.read,
        report.created,
        report.updated,
        report.unchanged,
        report.rejected,
        report.skipped,
    )


def test_default_selection_keeps_the_actors_of_alliances(tmp_path):
    report = run(tmp_path)
    assert counts(report) == (13, 8, 0, 0, 2, 3)
    worlds = dict(Organisation.objects.values_list("siren", "world"))
    assert worlds == {
        "300123452": World.ASSOCIATION,
        "300123460": World.ASSOCIATION,
        "300123478": World.FOUNDATION,
        "210100533": World.PUBLIC,
        "200071751": World.PUBLIC,
        "300123486": World.COMPANY,  # ESS
        "300123510": World.COMPANY,  # ESS sole trader, non-diffusible
        "300123536": World.ASSOCIATION,
    }
    assert [(r.line, r.reason) for r in report.rejects] == [
        (12, "invalid SIREN '123456789'"),
        (13, "expected 34 fields, found 16"),
    ]


def test_second_import_changes_nothing(tmp_path):
    run(tmp_path)
    report = run(tmp_path)
    assert counts(report) == (13, 0, 0, 8, 2, 3)
    assert Organisation.objects.count() == 8


def test_companies_with_enough_employees_on_request(tmp_path):
    report = run(tmp_path, Selection(min_employees=250))
    assert report.created == 9
    plastics = Organisation.objects.get(siren="300123494")
    assert (plastics.name, plastics.size_band) == ("PLASTIQUES DE L'AIN INDUSTRIES", "42")
    report = run(
        tmp_path,
        Selection(
            associations=True, foundations=False, local_authorities=False, epci=False, ess=False
        ),
    )
    assert report.created == 0 and report.unchanged == 3


def test_non_diffusible_sole_traders_have_no_name_stored(tmp_path):
    run(tmp_path)
    person = Organisation.objects.get(siren="300123510")
    assert person.diffusible is False
    assert person.name == "" and person.search_name == ""
    assert "MARTIN" not in str(Organisation.objects.filter(siren="300123510").values().get())
    assert person.display_name == "Unité légale non diffusible (SIREN 300123510)"


def test_associations_are_bridged_to_their_rna_record(tmp_path):
    rna_import(
        paths=[FIXTURES / "rna_waldec_20240301_dpt_01.csv"],
        commit=True,
        rejects_path=tmp_path / "rna.csv",
    )
    report = run(tmp_path)
    assert (report.created, report.updated) == (7, 1)
    fol = Organisation.objects.get(rna_id="W012000001")
    assert (fol.siren, fol.siret, fol.legal_category, fol.naf) == (
        "300123452",
        "30012345200015",
        "9220",
        "94.99Z",
    )
    assert fol.name == "FÉDÉRATION DES ŒUVRES LAÏQUES DE L'AIN"  # the RNA's name stays
    assert fol.source == Source.RNA_WALDEC
    assert Organisation.objects.filter(siren="300123460").get().rna_id == "W012000099"
    assert run(tmp_path).unchanged == 8


def test_closed_units_and_seats(tmp_path):
    run(tmp_path)
    closed = Organisation.objects.get(siren="300123536")
    assert closed.status == OrganisationStatus.CLOSED
    commune = Organisation.objects.get(siren="210100533")
    assert commune.siret == "21010053300018"
    assert commune.source == Source.SIRENE


def test_command_options_and_summary(tmp_path, capsys):
    call_command(
        "import_sirene",
        str(STOCK),
        "--only",
        "epci",
        "--only",
        "local-authorities",
        "--commit",
        "--rejects",
        str(tmp_path / "r.csv"),
    )
    assert capsys.readouterr().out.strip() == (
        "SIRENE: 13 read, 2 created, 0 updated, 0 unchanged, 1 rejected, 10 filtered out "
        "— committed"
    )
    assert set(Organisation.objects.values_list("siren", flat=True)) == {"210100533", "200071751"}
