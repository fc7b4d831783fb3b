"""Parse a file of territorial indicator values (CSV or XLSX) into validated rows.

Pure: reads bytes, returns rows and rejections (line + reason); nothing touches the database
except the lookups that say whether a territory or an indicator exists (done by the service).
The format is documented in docs/indicators.md.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

COLUMNS = ("territory_kind", "territory_code", "indicator", "year", "value", "source")
# Accepted spellings of the territory kind, folded to the stored values.
KINDS = {
    "france": "country",
    "pays": "country",
    "country": "country",
    "region": "region",
    "région": "region",
    "departement": "departement",
    "département": "departement",
    "epci": "epci",
    "commune": "commune",
}
MAX_ROWS = 2_000_000


@dataclass(frozen=True)
class ValueRow:
    line: int
    kind: str
    code: str
    indicator: str
    year: int
    value: float
    source: str


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str

    def __str__(self) -> str:
        return _("line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


class FormatError(ValueError):
    """The file as a whole cannot be read (wrong type, missing columns)."""


def _records_csv(raw: bytes):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(_("The file is not UTF-8 text.")) from error
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    yield from reader


def _records_xlsx(raw: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise FormatError(_("The file is not a readable XLSX workbook.")) from error
    try:
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield ["" if value is None else str(value) for value in values]
    finally:
        workbook.close()


def _number(text: str) -> float:
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    return float(cleaned.replace(",", "."))


def _row(line: int, record: dict[str, str]) -> ValueRow | Rejection:
    kind = KINDS.get(record["territory_kind"].strip().lower())
    if kind is None:
        return Rejection(
            line,
            _("unknown territory kind “%(kind)s” (france, region, departement, epci, commune)")
            % {"kind": record["territory_kind"]},
        )
    code = record["territory_code"].strip().upper()
    if kind == "country":
        code = ""
    elif not code:
        return Rejection(line, _("the territory code is empty"))
    indicator = record["indicator"].strip()
    if not indicator:
        return Rejection(line, _("the indicator is empty"))
    try:
        year = int(float(record["year"].strip()))
    except ValueError:
        return Rejection(line, _("the year “%(year)s” is not a number") % {"year": record["year"]})
    if not 1900 <= year <= 2100:
        return Rejection(line, _("the year %(year)s is out of range") % {"year": year})
    try:
        value = _number(record["value"])
    except ValueError:
        return Rejection(
            line, _("the value “%(value)s” is not a number") % {"value": record["value"]}
        )
    if value != value or value in (float("inf"), float("-inf")):
        return Rejection(line, _("the value is not a finite number"))
    source = record["source"].strip()
    if not source:
        return Rejection(line, _("the source is empty: every value must say where it comes from"))
    if len(source) > 300:
        return Rejection(line, _("the source is longer than 300 characters"))
    return ValueRow(line, kind, code, indicator, year, value, source)


def parse_indicator_file(raw: bytes, filename: str) -> tuple[list[ValueRow], list[Rejection]]:
    """Rows and rejections of a CSV (comma or semicolon) or XLSX file with a header row."""
    records = _records_xlsx(raw) if filename.lower().endswith(".xlsx") else _records_csv(raw)
    header = next(records, None)
    if header is None:
        raise FormatError(_("The file is empty."))
    names = [name.strip().lower() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise FormatError(
            _("Missing columns: %(columns)s. Expected: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )
    positions = {column: names.index(column) for column in COLUMNS}
    rows: list[ValueRow] = []
    rejections: list[Rejection] = []
    seen: dict[tuple, int] = {}
    for line, values in enumerate(records, start=2):
        if not any(str(value).strip() for value in values):
            continue
        if line > MAX_ROWS:
            raise FormatError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        record = {
            column: (values[index] if index < len(values) else "")
            for column, index in positions.items()
        }
        result = _row(line, record)
        if isinstance(result, Rejection):
            rejections.append(result)
            continue
        key = (result.kind, result.code, result.indicator, result.year)
        if key in seen:
            rejections.append(
                Rejection(
                    line,
                    _("same territory, indicator and year as line %(line)s") % {"line": seen[key]},
                )
            )
            continue
        seen[key] = line
        rows.append(result)
    return rows, rejections
