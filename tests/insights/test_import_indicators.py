import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from alliances.core.errors import DomainError
from alliances.insights.models import IndicatorValue
from alliances.insights.services.indicators import indicator_values_import

GOOD = (
    "territory_kind,territory_code,indicator,year,value,source\n"
    "france,,poverty_rate,2021,14.5,INSEE Filosofi\n"
    'departement,93,poverty_rate,2021,"27,6",INSEE Filosofi\n'
    "region,84,unemployment_rate,2023,6.4,INSEE\n"
    "commune,01053,unemployment_rate,2023,9.1,INSEE\n"
)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_dry_run_writes_nothing_then_commit_writes_everything(db):
    report = indicator_values_import(raw=GOOD.encode(), filename="values.csv")
    assert (report.rows, report.added, report.updated, report.committed) == (4, 4, 0, False)
    assert IndicatorValue.objects.count() == 0
    report = indicator_values_import(raw=GOOD.encode(), filename="values.csv", commit=True)
    assert report.committed
    assert IndicatorValue.objects.count() == 4
    seine_saint_denis = IndicatorValue.objects.get(
        territory__code="93", territory__kind="departement"
    )
    assert seine_saint_denis.value == pytest.approx(27.6)
    assert IndicatorValue.objects.get(territory__isnull=True).value == pytest.approx(14.5)
    again = indicator_values_import(
        raw=GOOD.replace("14.5", "14.4").encode(), filename="values.csv", commit=True
    )
    assert (again.added, again.updated) == (0, 4)
    assert IndicatorValue.objects.count() == 4
    assert IndicatorValue.objects.get(territory__isnull=True).value == pytest.approx(14.4)


def test_every_bad_line_is_reported_and_nothing_is_written(db, english):
    bad = GOOD + (
        "departement,999,poverty_rate,2021,10,INSEE\n"
        "planet,xx,poverty_rate,2021,10,INSEE\n"
        "region,84,no_such_indicator,2021,10,INSEE\n"
        "region,84,poverty_rate,twenty,10,INSEE\n"
        "region,84,poverty_rate,2021,a lot,INSEE\n"
        "region,84,poverty_rate,2021,10,\n"
        "departement,93,poverty_rate,2021,30,INSEE\n"
    )
    report = indicator_values_import(raw=bad.encode(), filename="values.csv", commit=True)
    reasons = {rejection.line: rejection.reason for rejection in report.rejections}
    assert reasons == {
        6: "no departement has the code “999”",
        7: "unknown territory kind “planet” (france, region, departement, epci, commune)",
        8: "unknown indicator “no_such_indicator” (see the catalogue in docs/indicators.md)",
        9: "the year “twenty” is not a number",
        10: "the value “a lot” is not a number",
        11: "the source is empty: every value must say where it comes from",
        12: "same territory, indicator and year as line 3",
    }
    assert not report.committed
    assert IndicatorValue.objects.count() == 0


def test_xlsx_and_semicolon_csv_are_read(db):
    workbook = Workbook()
    sheet = workbook.active
    for row in GOOD.splitlines():
        sheet.append(row.replace('"27,6"', "27.6").split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = indicator_values_import(raw=buffer.getvalue(), filename="values.xlsx", commit=True)
    assert report.rows == 4 and report.committed
    semicolons = (
        "territory_kind;territory_code;indicator;year;value;source\n"
        "region;84;poverty_rate;2022;12,8;INSEE\n"
    )
    report = indicator_values_import(raw=semicolons.encode(), filename="v.csv", commit=True)
    assert report.added == 1
    assert IndicatorValue.objects.filter(year=2022).get().value == pytest.approx(12.8)


def test_unreadable_files_raise_a_clear_error(db, english):
    with pytest.raises(DomainError, match="Missing columns: value, source"):
        indicator_values_import(
            raw=b"territory_kind,territory_code,indicator,year\n", filename="v.csv"
        )
    with pytest.raises(DomainError, match="not a readable XLSX"):
        indicator_values_import(raw=b"not a workbook", filename="v.xlsx")
    with pytest.raises(DomainError, match="not UTF-8"):
        indicator_values_import(raw="é".encode("latin-1") + b"\xff", filename="v.csv")


def test_command_is_a_dry_run_unless_commit(db, tmp_path, english):
    path = tmp_path / "values.csv"
    path.write_text(GOOD)
    out = io.StringIO()
    call_command("import_indicators", str(path), stdout=out)
    assert "dry run" in out.getvalue()
    assert IndicatorValue.objects.count() == 0
    call_command("import_indicators", str(path), "--commit", stdout=out)
    assert IndicatorValue.objects.count() == 4
    path.write_text(GOOD + "region,84,poverty_rate,2021,oops,INSEE\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 rejected"):
        call_command("import_indicators", str(path), "--commit", stdout=out, stderr=err)
    assert "line 6: the value “oops” is not a number" in err.getvalue()
