"""The XLSX writer beyond a worksheet's row limit (1,048,576 rows, header included)."""

from openpyxl import load_workbook

from alliances.opendata import writers


def test_a_table_longer_than_a_sheet_goes_on_in_further_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "SHEET_ROWS", 3)  # instead of 1,048,575
    header = ["siren", "name"]
    rows = [(f"00000000{n}", f"Organisation {n}") for n in range(7)]
    count = writers.write_table(
        tmp_path / "o.csv", tmp_path / "o.xlsx", "organisations-of-the-whole-country", header, rows
    )
    assert count == 7
    workbook = load_workbook(tmp_path / "o.xlsx", read_only=True)
    assert workbook.sheetnames == [
        "organisations-of-the-whole-coun",  # 31 characters at most
        "organisations-of-the-whol (2)",
        "organisations-of-the-whol (3)",
    ]
    sheets = [list(sheet.values) for sheet in workbook.worksheets]
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert [len(sheet) for sheet in sheets] == [4, 4, 2]  # each with the header
    assert all(sheet[0] == ("siren", "name") for sheet in sheets)
    assert [row for sheet in sheets for row in sheet[1:]] == rows
    # The CSV has no such limit: one file, every row.
    assert len((tmp_path / "o.csv").read_text().splitlines()) == 8


def test_a_table_within_a_sheet_keeps_one_sheet(tmp_path):
    writers.write_table(tmp_path / "o.csv", tmp_path / "o.xlsx", "events", ["id"], [(1,), (2,)])
    workbook = load_workbook(tmp_path / "o.xlsx", read_only=True)
    assert workbook.sheetnames == ["events"]
    assert list(workbook["events"].values) == [("id",), (1,), (2,)]
    workbook.close()
