"""CSV (UTF-8, RFC 4180) and XLSX files written row by row: memory does not grow with the table.

A dataset that declares a `copy_sql` is written to CSV by PostgreSQL itself on that engine
(`COPY … TO STDOUT WITH CSV`, the query applying the same rules as `csv_cell`): the national
organisations table is dumped at the database's speed instead of cell by cell in Python.
"""

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.db import connection
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from alliances.core.cells import formula_safe


def _text(value: str) -> str:
    return formula_safe(value)


def _boolean(value: bool) -> str:
    return "true" if value else "false"


def _moment(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _day(value: date) -> str:
    return value.isoformat()


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _nothing(value: None) -> str:
    return ""


# Conversions by exact type: one dictionary lookup per cell instead of a chain of isinstance.
_CSV_BY_TYPE = {
    str: _text,
    int: str,
    float: str,
    bool: _boolean,
    type(None): _nothing,
    datetime: _moment,
    date: _day,
    Decimal: _decimal,
}


def csv_cell(value) -> str:
    """A cell as Table Schema reads it; text that a spreadsheet would evaluate is quoted."""
    convert = _CSV_BY_TYPE.get(type(value))
    if convert is not None:
        return convert(value)
    # Subclasses (enumeration members, lazy strings…): the same rules, by kind.
    if isinstance(value, bool):
        return _boolean(value)
    if isinstance(value, datetime):
        return _moment(value)
    if isinstance(value, date):
        return _day(value)
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, str):
        return formula_safe(str(value))
    return str(value)


def xlsx_cell(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value  # stored in UTC
    if isinstance(value, str):
        return formula_safe(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def write_csv(path: Path, dataset) -> int:
    """The dataset as CSV; returns the number of rows written."""
    if dataset.copy_sql is not None and connection.vendor == "postgresql":
        return _copy_csv(path, dataset)
    return _write_csv_rows(path, dataset.header, dataset.rows())


def write_xlsx(path: Path, dataset) -> int:
    """The dataset as a one-sheet XLSX workbook; returns the number of rows written."""
    return _write_xlsx_rows(path, dataset.name, dataset.header, dataset.rows())


# A worksheet holds at most 1,048,576 rows: the header and 1,048,575 rows of data. A longer
# table (the organisations of the whole country) goes on in further sheets, each with the header.
SHEET_ROWS = 1_048_575


class _Sheets:
    """The sheets of a write-only workbook: `name`, then `name (2)`, `name (3)`…"""

    def __init__(self, workbook: Workbook, name: str, header: list[str]):
        self.workbook, self.name, self.header = workbook, name, header
        self.count = 0
        self._next()

    def _next(self) -> None:
        self.count += 1
        title = self.name[:31] if self.count == 1 else f"{self.name[:25]} ({self.count})"
        self.sheet = self.workbook.create_sheet(title)
        self.sheet.append(self.header)
        self.rows = 0

    def append(self, values: list) -> None:
        if self.rows == SHEET_ROWS:
            self._next()
        self.sheet.append(values)
        self.rows += 1


def write_table(csv_path: Path, xlsx_path: Path, sheet_name: str, header: list[str], rows) -> int:
    """Both files in one pass over the rows; returns the number of rows written."""
    workbook = Workbook(write_only=True)  # rows go to disk as they come
    sheets = _Sheets(workbook, sheet_name, header)
    count = 0
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180: CRLF, double quotes
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(value) for value in row])
            sheets.append([xlsx_cell(value) for value in row])
            count += 1
    workbook.save(xlsx_path)
    return count


def _write_csv_rows(path: Path, header: list[str], rows) -> int:
    count = 0
    by_type = _CSV_BY_TYPE
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180: CRLF, double quotes
        writer.writerow(header)
        write = writer.writerow
        for row in rows:
            write(
                [
                    convert(value) if (convert := by_type.get(type(value))) else csv_cell(value)
                    for value in row
                ]
            )
            count += 1
    return count


def _write_xlsx_rows(path: Path, sheet_name: str, header: list[str], rows) -> int:
    workbook = Workbook(write_only=True)  # rows go to disk as they come
    sheets = _Sheets(workbook, sheet_name, header)
    count = 0
    for row in rows:
        sheets.append([xlsx_cell(value) for value in row])
        count += 1
    workbook.save(path)
    return count


def _copy_csv(path: Path, dataset) -> int:
    """PostgreSQL writes the rows; each COPY message is one row, ended by LF, made CRLF here."""
    sql, params = dataset.copy_sql()
    count = 0
    with path.open("wb") as handle, connection.cursor() as cursor:
        header = ",".join(dataset.header) + "\r\n"
        handle.write(header.encode())
        # The driver's own cursor: it binds the parameters of a COPY (Django's wrapper does not).
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
            write = handle.write
            for row in copy:
                write(row[:-1])
                write(b"\r\n")
                count += 1
    return count


def sql_csv_text(expression: str) -> str:
    """SQL giving a text column as `csv_cell` writes it: NULL for empty (an unquoted empty
    field, as Python's writer gives), an apostrophe before what a spreadsheet would evaluate."""
    return (
        f"CASE WHEN left({expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') "
        f"THEN '''' || {expression} ELSE NULLIF({expression}, '') END"
    )


def sql_csv_flag(expression: str) -> str:
    return f"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END"


def sql_csv_day(expression: str) -> str:
    return f"to_char({expression}, 'YYYY-MM-DD')"
