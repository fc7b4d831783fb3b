"""Reading an exchange file (XLSX workbook or ZIP of CSV files) into typed rows, with problems."""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from alliances.core.errors import DomainError
from alliances.program.exchange.columns import FORMULA_PREFIXES, SHEETS, Column


@dataclass(frozen=True)
class Problem:
    sheet: str
    line: int
    message: str


@dataclass
class Row:
    sheet: str
    line: int
    values: dict


def read_file(content: bytes, filename: str) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Typed rows per sheet, and every problem found (line numbers as a spreadsheet shows them)."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw = _xlsx_tables(content)
    elif name.endswith(".zip"):
        raw = _zip_tables(content)
    else:
        raise DomainError(_("Send an XLSX workbook or a ZIP of CSV files, as exported."))
    tables: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    for sheet, columns in SHEETS.items():
        if sheet not in raw:
            problems.append(
                Problem(sheet, 0, _("The sheet or file “%(name)s” is missing.") % {"name": sheet})
            )
            continue
        header, lines = raw[sheet]
        expected = [column.name for column in columns]
        missing = [name for name in expected if name not in header]
        unknown = [name for name in header if name and name not in expected]
        if missing or unknown:
            parts = []
            if missing:
                parts.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
            if unknown:
                parts.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
            problems.append(Problem(sheet, 1, "; ".join(parts)))
            continue
        rows = []
        for line, cells in lines:
            record = dict(zip(header, cells, strict=False))
            if all(_blank(record.get(name)) for name in expected):
                continue
            values, row_problems = _parse(sheet, line, record, columns)
            problems.extend(row_problems)
            if not row_problems:
                rows.append(Row(sheet, line, values))
        tables[sheet] = rows
    return tables, problems


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse(sheet: str, line: int, record: dict, columns: list[Column]):
    values = {}
    problems = []
    for column in columns:
        raw = record.get(column.name)
        if isinstance(raw, _Formula):
            problems.append(
                Problem(
                    sheet,
                    line,
                    _("%(column)s: formulas are not accepted, type the value.")
                    % {"column": column.name},
                )
            )
            continue
        if _blank(raw):
            if column.required:
                problems.append(
                    Problem(
                        sheet, line, _("%(column)s: a value is required.") % {"column": column.name}
                    )
                )
            values[column.name] = None if column.kind in {"date", "decimal"} else ""
            continue
        try:
            values[column.name] = _convert(raw, column.kind)
        except ValueError as error:
            problems.append(Problem(sheet, line, f"{column.name}: {error}"))
    return values, problems


def _convert(raw, kind: str):
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw).strip())
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": raw}
            ) from None
    if kind == "decimal":
        if isinstance(raw, bool):
            raise ValueError(_("“%(value)s” is not a number.") % {"value": raw})
        if isinstance(raw, int | float):
            return Decimal(str(raw))
        try:
            number = Decimal(
                str(raw).strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
            )
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": raw}) from None
        if not number.is_finite():
            raise ValueError(_("“%(value)s” is not a number.") % {"value": raw})
        return number
    text = str(raw).strip() if not isinstance(raw, str) else raw.strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        text = text[1:]
    return text


class _Formula(str):
    """A cell that holds a formula rather than a value."""


def _xlsx_tables(content: bytes) -> dict:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise DomainError(
            _("The file is not a readable XLSX workbook (%(error)s).") % {"error": error}
        ) from error
    tables = {}
    for sheet in workbook.worksheets:
        rows = sheet.iter_rows()
        try:
            header_cells = next(rows)
        except StopIteration:
            tables[sheet.title] = ([], [])
            continue
        header = [
            str(cell.value).strip() if cell.value is not None else "" for cell in header_cells
        ]
        lines = []
        for number, cells in enumerate(rows, start=2):
            lines.append(
                (
                    number,
                    [
                        _Formula(cell.value)
                        if getattr(cell, "data_type", None) == "f"
                        else cell.value
                        for cell in cells
                    ],
                )
            )
        tables[sheet.title] = (header, lines)
    workbook.close()
    return tables


def _zip_tables(content: bytes) -> dict:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise DomainError(_("The file is not a readable ZIP archive.")) from error
    tables = {}
    for info in archive.infolist():
        if not info.filename.endswith(".csv") or info.file_size > 20 * 1024 * 1024:
            continue
        name = info.filename.rsplit("/", 1)[-1][:-4]
        try:
            text = archive.read(info).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DomainError(
                _("%(name)s is not encoded in UTF-8.") % {"name": info.filename}
            ) from error
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [cell.strip() for cell in next(reader, [])]
        tables[name] = (header, [(number, cells) for number, cells in enumerate(reader, start=2)])
    return tables
