"""`alliances import_rna` on sample files written in the registry's real formats."""

import csv
import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from alliances.core.bulk import FreshStatistics
from alliances.registry.enums import OrganisationStatus, Source, World
from alliances.registry.models import Organisation
from alliances.registry.services.rna import rna_import

pytestmark = pytest.mark.django_db(transaction=False)

FIXTURES = Path(__file__).parent / "fixtures"
WALDEC = FIXTURES / "rna_waldec_20240301_dpt_01.csv"
IMPORT = FIXTURES / "rna_import_20240301_dpt_976.csv"


def run(tmp_path, *paths, commit=True):
    return rna_import(paths=list(paths), commit=commit, rejects_path=tmp_path / "rejects.csv")


def test_both_extractions_import_with_exact_counts(tmp_path):
    report = run(tmp_path, WALDEC, IMPORT)
    assert (report.read, report.created, report.updated, report.unchanged, report.rejected) == (
        14,
        9,
        0,
        0,
        5,
    )
    assert Organisation.objects.count() == 9
    assert report.encodings == {
        WALDEC.name: "utf-8-sig",
        IMPORT.name: "iso-8859-1",
    }


def test_rejects_are_listed_with_file_line_and_reason(tmp_path):
    report = run(tmp_path, WALDEC, IMPORT)
    with (tmp_path / "rejects.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["file"], row["line"], row["reason"]) for row in rows] == [
        (WALDEC.name, "5", "expected 39 fields, found 12"),
        (WALDEC.name, "6", "invalid RNA number 'W01200004'"),
        (WALDEC.name, "7", "invalid date in date_creat: '2019-13-45'"),
        (IMPORT.name, "5", "expected 23 fields, found 9"),
        (IMPORT.name, "6", "unknown position 'X'"),
    ]
    assert rows[0]["raw"].startswith("W012000004;")
    assert len(report.rejects) == 5


def test_second_import_changes_nothing(tmp_path):
    run(tmp_path, WALDEC, IMPORT)
    before = {o.rna_id: (o.updated_at, o.name) for o in Organisation.objects.all()}
    report = run(tmp_path, WALDEC, IMPORT)
    assert (report.created, report.updated, report.unchanged, report.rejected) == (0, 0, 9, 5)
    assert Organisation.objects.count() == 9
    assert {o.rna_id: (o.updated_at, o.name) for o in Organisation.objects.all()} == before


def test_a_changed_line_updates_its_association_only(tmp_path):
    run(tmp_path, WALDEC)
    changed = tmp_path / "rna_waldec_20240401_dpt_01.csv"
    changed.write_bytes(WALDEC.read_bytes().replace(b"BUGEY NATURE ET CLIMAT", b"BUGEY CLIMAT"))
    report = run(tmp_path, changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    organisation = Organisation.objects.get(rna_id="W012000006")
    assert organisation.name == "BUGEY CLIMAT"
    assert organisation.source_file == changed.name


def test_dry_run_writes_nothing_but_counts(tmp_path):
    report = run(tmp_path, WALDEC, IMPORT, commit=False)
    assert (report.read, report.created, report.rejected) == (14, 9, 5)
    assert not Organisation.objects.exists()


def test_fields_are_mapped_positions_and_dates_understood(tmp_path):
    run(tmp_path, WALDEC, IMPORT)
    fol = Organisation.objects.select_related("commune", "departement").get(rna_id="W012000001")
    assert fol.name == "FÉDÉRATION DES ŒUVRES LAÏQUES DE L'AIN"
    assert fol.search_name == "federation des oeuvres laiques de l ain"
    assert fol.short_name == "FOL 01"
    assert fol.world == World.ASSOCIATION
    assert fol.waldec_theme == "015"
    assert fol.commune.code == "01053"
    assert fol.departement.code == "01"
    assert fol.address == "7 AV Jean Jaurès"
    assert fol.website == "https://www.fol01.org"
    assert fol.created_on == dt.date(1946, 3, 12)
    assert fol.closed_on is None  # 0001-01-01 means "never dissolved"
    assert fol.status == OrganisationStatus.ACTIVE
    assert fol.source == Source.RNA_WALDEC
    dissolved = Organisation.objects.get(rna_id="W012000002")
    assert (dissolved.status, dissolved.closed_on) == ("dissolved", dt.date(2019, 5, 3))
    assert Organisation.objects.get(rna_id="W012000003").status == OrganisationStatus.DELETED
    assert Organisation.objects.get(rna_id="W012000006").commune.code == "01004"
    assert Organisation.objects.get(rna_id="W012000006").waldec_theme == "024"
    assert Organisation.objects.get(rna_id="W012000007").waldec_theme == ""


def test_rna_import_rows_are_located_by_postcode_and_commune_name(tmp_path):
    run(tmp_path, IMPORT)
    located = dict(Organisation.objects.values_list("rna_id", "commune__code"))
    assert located == {
        "W9T1002867": "97611",  # Mamoudzou, postcode shared with Koungou
        "W9M1000123": "97610",  # Koungou
        "W9T1000456": "97615",  # "PAMANDZI CEDEX", postcode shared with Dzaoudzi
        "W9T1001000": None,
    }
    mayotte = Organisation.objects.get(rna_id="W9T1002867")
    assert mayotte.name == "ASSOCIATION DES FEMMES DE MAMOUDZOU POUR L'ÉDUCATION"
    assert mayotte.source == Source.RNA_IMPORT
    assert mayotte.departement.code == "976"


def test_a_zip_of_departement_files_imports_the_same(tmp_path):
    archive = tmp_path / "rna_20240301.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(WALDEC, f"rna_waldec_20240301/{WALDEC.name}")
        handle.write(IMPORT, f"rna_import_20240301/{IMPORT.name}")
    report = run(tmp_path, archive)
    assert (report.read, report.created, report.rejected) == (14, 9, 5)


def test_an_interrupted_import_completes_when_run_again(tmp_path):
    # As if the process had been killed after the first file was committed.
    run(tmp_path, WALDEC)
    report = run(tmp_path, WALDEC, IMPORT)
    assert (report.created, report.unchanged) == (4, 5)
    assert Organisation.objects.count() == 9


def test_a_file_that_is_not_an_extraction_is_reported_not_fatal(tmp_path):
    other = tmp_path / "notes.csv"
    other.write_text("nom;adresse\nA;B\n", encoding="utf-8")
    report = run(tmp_path, other, IMPORT)
    assert report.created == 4
    assert report.rejects[0].reason == "not an RNA extraction: missing columns id, position, titre"


def test_the_command_prints_one_summary_line_and_refuses_missing_files(tmp_path, capsys):
    rejects = tmp_path / "r.csv"
    call_command("import_rna", str(WALDEC), str(IMPORT), "--rejects", str(rejects))
    assert capsys.readouterr().out.strip() == (
        "RNA: 14 read, 9 created, 0 updated, 0 unchanged, 5 rejected "
        "— dry run, nothing written (add --commit)"
    )
    call_command("import_rna", str(WALDEC), "--commit", "--rejects", str(rejects))
    assert "5 created" in capsys.readouterr().out
    assert Organisation.objects.count() == 5
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_rna", str(tmp_path / "missing.csv"))


def test_legacy_encoding_is_detected_even_after_ascii_lines(tmp_path):
    lines = IMPORT.read_bytes().split(b"\n")
    # Put the accented line last so the first lines are plain ASCII.
    reordered = tmp_path / "rna_import_20240301_dpt_976.csv"
    reordered.write_bytes(b"\n".join([lines[0], *lines[2:-1], lines[1], b""]))
    shutil.copy(reordered, tmp_path / "copy.csv")
    run(tmp_path, reordered)
    assert Organisation.objects.get(rna_id="W9T1002867").name.endswith("L'ÉDUCATION")


def test_postgresql_statistics_follow_a_bulk_load(tmp_path, monkeypatch):
    """The per-batch lookups are planned from statistics: the import refreshes them as the
    table grows (ADR 0015)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans the lookups from the unique index whatever the statistics")
    monkeypatch.setattr(FreshStatistics, "MINIMUM", 1)
    statistics = FreshStatistics(Organisation)
    run(tmp_path, WALDEC, IMPORT)
    statistics.written(Organisation.objects.count())
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'registry_organisation'")
        assert cursor.fetchone()[0] == 9
