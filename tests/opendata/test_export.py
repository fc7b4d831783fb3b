import csv
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from frictionless import Package, system
from openpyxl import load_workbook
from rdflib import Graph
from rdflib.namespace import DCAT, RDF

from alliances.opendata.datasets import DATASETS, ORGANISATIONS
from alliances.opendata.writers import _write_csv_rows, write_csv
from alliances.registry.enums import MembershipRole, OrganisationStatus, World
from alliances.sdg.models import Goal
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    lead = OrganisationFactory(name='=HYPERLINK("http://evil")', siren="552100554")
    partner = OrganisationFactory(name="Ferme urbaine", world=World.COMPANY)
    hidden = OrganisationFactory(
        name="Jean Dupont", diffusible=False, siren="732829320", address="3 rue des Lilas"
    )
    published = AllianceFactory(title="@Alliance nourricière", summary="-moins de gaspillage")
    published.goals.set(Goal.objects.filter(number__in=[2, 17]))
    MembershipFactory(alliance=published, organisation=lead, role=MembershipRole.LEAD)
    MembershipFactory(alliance=published, organisation=partner)
    MembershipFactory(alliance=published, organisation=hidden)
    draft = AllianceFactory(title="Alliance en brouillon", submitted=True)
    MembershipFactory(alliance=draft, organisation=partner)
    CatalystFactory(person_name="Marie Curie", description="Ma vie privée")
    CatalystFactory(person_name="", organisation=partner, description="Accompagne les projets")
    return {"published": published, "draft": draft, "hidden": hidden, "lead": lead}


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_every_dataset_without_personal_data(registry, tmp_path, capsys):
    call_command("export_opendata", "--output", str(tmp_path))
    assert "written to" in capsys.readouterr().out
    for dataset in DATASETS:
        assert (tmp_path / f"{dataset.name}.csv").is_file()
        assert (tmp_path / f"{dataset.name}.xlsx").is_file()

    alliances = read_csv(tmp_path / "alliances.csv")
    assert [row["title"] for row in alliances] == ["'@Alliance nourricière"]
    assert alliances[0]["summary"] == "'-moins de gaspillage"
    assert alliances[0]["goals"] == "2; 17"
    assert alliances[0]["territories"] == "commune:01053"

    organisations = {row["id"]: row for row in read_csv(tmp_path / "organisations.csv")}
    hidden = organisations[str(registry["hidden"].pk)]
    assert hidden["name"] == "Unité légale non diffusible"
    assert hidden["commune_code"] == "" and hidden["siren"] == "732829320"
    assert organisations[str(registry["lead"].pk)]["name"].startswith("'=HYPERLINK")
    everything = "".join(path.read_text(encoding="utf-8") for path in tmp_path.glob("*.csv"))
    assert "Jean Dupont" not in everything and "Lilas" not in everything
    assert "Marie Curie" not in everything and "Ma vie privée" not in everything
    assert "Alliance en brouillon" not in everything

    members = read_csv(tmp_path / "alliance-members.csv")
    assert len(members) == 3
    assert {row["alliance_id"] for row in members} == {str(registry["published"].pk)}
    catalysts = read_csv(tmp_path / "catalysts.csv")
    assert sorted(row["kind"] for row in catalysts) == ["organisation", "person"]

    workbook = load_workbook(tmp_path / "organisations.xlsx", read_only=True)
    cells = list(workbook.active.iter_rows(values_only=True))
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert cells[0][:2] == ("id", "name")
    assert any(row[1] == '\'=HYPERLINK("http://evil")' for row in cells[1:])

    with (tmp_path / "alliances.csv").open("rb") as handle:
        assert handle.readline().endswith(b"\r\n")  # RFC 4180 line ends


def test_data_package_is_valid_for_frictionless(registry, tmp_path):
    call_command("export_opendata", "--output", str(tmp_path))
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "etalab-2.0"
    members = next(r for r in descriptor["resources"] if r["name"] == "alliance-members")
    assert {key["reference"]["resource"] for key in members["schema"]["foreignKeys"]} == {
        "alliances",
        "organisations",
    }
    with system.use_context(trusted=True):
        report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    assert report.stats["tasks"] == len(DATASETS) + 1


def test_data_package_validation_catches_a_broken_foreign_key(registry, tmp_path):
    call_command("export_opendata", "--output", str(tmp_path))
    path = tmp_path / "alliance-members.csv"
    path.write_text(path.read_text(encoding="utf-8") + "999999,1,lead\r\n", encoding="utf-8")
    with system.use_context(trusted=True):
        report = Package(str(tmp_path / "datapackage.json")).validate()
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_catalogue_parses_as_dcat_in_turtle_and_json_ld(registry, tmp_path, settings):
    settings.OPENDATA_BASE_URL = "https://alliances.example.org"
    call_command("export_opendata", "--output", str(tmp_path))
    graphs = [
        Graph().parse(tmp_path / "catalogue.ttl", format="turtle"),
        Graph().parse(tmp_path / "catalogue.jsonld", format="json-ld"),
    ]
    for graph in graphs:
        datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
        assert len(datasets) == len(DATASETS)
        downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
        assert "https://alliances.example.org/donnees/fichiers/alliances.csv" in downloads
        assert len(set(graph.subjects(RDF.type, DCAT.Catalog))) == 1
    assert len(graphs[0]) == len(graphs[1])


def test_export_replaces_the_files_of_the_previous_run(registry, tmp_path):
    call_command("export_opendata", "--output", str(tmp_path))
    registry["draft"].publication = "published"
    registry["draft"].save()
    call_command("export_opendata", "--output", str(tmp_path))
    assert len(read_csv(tmp_path / "alliances.csv")) == 2
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".staging")]


def test_unwritable_output_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("export_opendata", "--output", str(blocker / "sub"))


def test_commune_code_leading_zero_survives(registry, tmp_path):
    call_command("export_opendata", "--output", str(tmp_path))
    rows = read_csv(tmp_path / "organisations.csv")
    assert commune("01053").code in {row["commune_code"] for row in rows}


def test_the_organisations_csv_is_the_same_from_postgresql_copy_and_from_python(registry, tmp_path):
    """On PostgreSQL the national table is dumped by COPY (writers.write_csv): byte for byte the
    file the Python writer gives, personal-data and formula rules included."""
    if connection.vendor != "postgresql":
        pytest.skip("the COPY path exists on PostgreSQL only")
    OrganisationFactory(
        name='Les "Amis", du quartier\nNord',
        website="-http://x.example",
        rna_id="W751000001",
        status=OrganisationStatus.DISSOLVED,
        created_on=date(1901, 7, 1),
        closed_on=date(2020, 1, 31),
        ess=True,
    )
    OrganisationFactory(name="Radiée", status=OrganisationStatus.DELETED)
    copied, written = tmp_path / "copy.csv", tmp_path / "python.csv"
    assert write_csv(copied, ORGANISATIONS) == 4  # the deleted one is not published
    assert _write_csv_rows(written, ORGANISATIONS.header, ORGANISATIONS.rows()) == 4
    assert copied.read_bytes() == written.read_bytes()
    assert b"Jean Dupont" not in copied.read_bytes()
    assert b"'=HYPERLINK" in copied.read_bytes()
