"""Round-trip export/import: unchanged files change nothing; every bad file is refused whole."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from alliances.core.errors import DomainError
from alliances.program.exchange import export
from alliances.program.exchange.importer import programme_import
from alliances.program.models import Indicator, IndicatorValue, Measure, Milestone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def run(programme, content, filename, by, commit=False):
    return programme_import(
        programme=programme, content=content, filename=filename, by=by, commit=commit
    )


def edit_xlsx(content: bytes, edits) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    edits(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_tables(content: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name[:-4]: list(csv.reader(io.StringIO(archive.read(name).decode())))
            for name in archive.namelist()
        }


def make_zip(tables: dict[str, list[list[str]]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, rows in tables.items():
            text = io.StringIO()
            csv.writer(text).writerows(rows)
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("builder", "filename"), [(export.to_xlsx, "p.xlsx"), (export.to_csv_zip, "p.zip")]
)
def test_unchanged_export_imports_as_no_change(programme, steering, co_pilot, builder, filename):
    report = run(programme, builder(programme), filename, co_pilot, commit=True)
    assert report.problems == []
    assert report.changes == []
    assert report.unchanged == {"measures": 21, "milestones": 2, "indicators": 1, "values": 1}


def test_modified_file_updates_exactly_what_changed(programme, steering, co_pilot):
    def edits(workbook):
        workbook["measures"]["E2"] = "in_progress"  # O1 status
        workbook["milestones"].append(
            ["O1-J3", "O1", "action", "Nouvelle action", None, None, None, 1, None]
        )
        workbook["values"].append(["O1-I1", "2026-01-15", 175, "Comptage", None])

    content = edit_xlsx(export.to_xlsx(programme), edits)
    dry = run(programme, content, "p.xlsx", co_pilot)
    assert dry.problems == []
    assert {(c.sheet, c.key, c.action) for c in dry.changes} == {
        ("measures", "O1", "update"),
        ("milestones", "O1-J3", "create"),
        ("values", "O1-I1@2026-01-15", "create"),
    }
    assert [c.fields for c in dry.changes if c.sheet == "measures"] == [["status"]]
    assert not Milestone.objects.filter(external_id="O1-J3").exists()  # dry run writes nothing

    done = run(programme, content, "p.xlsx", co_pilot, commit=True)
    assert done.committed
    assert Measure.objects.get(pk=steering.pk).status == "in_progress"
    assert Milestone.objects.get(external_id="O1-J3").kind == "action"
    assert IndicatorValue.objects.get(
        indicator__external_id="O1-I1", date="2026-01-15"
    ).value == Decimal(175)
    assert Measure.objects.get(pk=steering.pk).history.first().history_user == co_pilot
    again = run(programme, content, "p.xlsx", co_pilot)
    assert again.changes == []


def bad(programme, steering, mutate):
    tables = zip_tables(export.to_csv_zip(programme))
    mutate(tables)
    return make_zip(tables)


@pytest.mark.parametrize(
    ("mutate", "sheet", "line", "message"),
    [
        (lambda t: t["measures"][0].append("colour"), "measures", 1, "unknown columns: colour"),
        (lambda t: t["indicators"][0].remove("unit"), "indicators", 1, "missing columns: unit"),
        (lambda t: t.pop("values"), "values", 0, "is missing"),
        (lambda t: t["milestones"][1].__setitem__(1, "Z9"), "milestones", 2, "Unknown measure Z9"),
        (
            lambda t: t["measures"][1].__setitem__(0, "Z9"),
            "measures",
            2,
            "measures are not created",
        ),
        (
            lambda t: t["milestones"][1].__setitem__(5, "31/12/2026"),
            "milestones",
            2,
            "is not a date",
        ),
        (
            lambda t: t["indicators"][1].__setitem__(5, "beaucoup"),
            "indicators",
            2,
            "is not a number",
        ),
        (lambda t: t["measures"][1].__setitem__(4, "finished"), "measures", 2, "is not one of"),
        (lambda t: t["values"].append(t["values"][1]), "values", 3, "appears twice"),
        (lambda t: t["values"][1].__setitem__(0, "X-I9"), "values", 2, "Unknown indicator X-I9"),
        (lambda t: t["indicators"][1].__setitem__(10, "deterioration"), "indicators", 2, "reason"),
        (
            lambda t: t["milestones"][1].__setitem__(3, ""),
            "milestones",
            2,
            "title: a value is required",
        ),
    ],
)
def test_bad_files_are_rejected_with_line_and_reason_and_nothing_written(
    programme, steering, co_pilot, mutate, sheet, line, message
):
    content = bad(programme, steering, mutate)
    before = (
        Milestone.objects.count(),
        IndicatorValue.objects.count(),
        list(Measure.objects.values_list("version", flat=True)),
    )
    report = run(programme, content, "p.zip", co_pilot, commit=True)
    assert not report.committed
    assert any(
        p.sheet == sheet and p.line == line and message in p.message for p in report.problems
    ), report.problems
    after = (
        Milestone.objects.count(),
        IndicatorValue.objects.count(),
        list(Measure.objects.values_list("version", flat=True)),
    )
    assert after == before


def test_formula_cells_are_refused(programme, steering, co_pilot):
    def edits(workbook):
        workbook["values"]["C2"] = "=1+1"

    report = run(
        programme, edit_xlsx(export.to_xlsx(programme), edits), "p.xlsx", co_pilot, commit=True
    )
    assert [(p.sheet, p.line) for p in report.problems] == [("values", 2)]
    assert "formulas are not accepted" in report.problems[0].message


def test_text_that_looks_like_a_formula_round_trips_as_text(programme, steering, co_pilot):
    Milestone.objects.filter(external_id="O1-J1").update(title='=HYPERLINK("x")')
    xlsx = export.to_xlsx(programme)
    cell = load_workbook(io.BytesIO(xlsx))["milestones"]["D2"]
    assert cell.data_type == "s"
    tables = zip_tables(export.to_csv_zip(programme))
    assert tables["milestones"][1][3] == '\'=HYPERLINK("x")'
    for content, name in ((xlsx, "p.xlsx"), (export.to_csv_zip(programme), "p.zip")):
        assert run(programme, content, name, co_pilot).changes == []


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"not a workbook", "p.xlsx", "not a readable XLSX"),
        (b"not a zip", "p.zip", "not a readable ZIP"),
        (b"a,b", "p.csv", "XLSX workbook or a ZIP"),
    ],
)
def test_unreadable_files(programme, co_pilot, content, filename, message):
    with pytest.raises(DomainError, match=message):
        run(programme, content, filename, co_pilot)


def test_only_co_pilots_import(programme, pilot):
    with pytest.raises(DomainError, match="co-pilots"):
        run(programme, export.to_xlsx(programme), "p.xlsx", pilot)


def test_commands_export_then_import(programme, steering, tmp_path, capsys):
    path = tmp_path / "programme.xlsx"
    call_command("export_programme", programme.slug, "--output", str(path))
    call_command("import_programme", programme.slug, str(path))
    assert "0 to create, 0 to update, 25 unchanged, 0 problems (dry run" in capsys.readouterr().out
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bad(programme, steering, lambda t: t["milestones"][1].__setitem__(1, "Z9")))
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_programme", programme.slug, str(broken), "--commit")
    assert "milestones, line 2: Unknown measure Z9." in capsys.readouterr().out
    assert Indicator.objects.count() == 1
