"""CSV (UTF-8, RFC 4180) and XLSX files written row by row: memory does not grow with the table."""

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from alliances.core.cells import formula_safe


def csv_cell(value) -> str:
    """A cell as Table Schema reads it; text that a spreadsheet would evaluate is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, str):
        return formula_safe(value)
    return str(value)


def xlsx_cell(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value  # stored in UTC
    if isinstance(value, str):
        return formula_safe(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def write_table(csv_path: Path, xlsx_path: Path, sheet_name: str, header: list[str], rows) -> int:
    """Both files in one pass over the rows; returns the number of rows written."""
    workbook = Workbook(write_only=True)  # rows go to disk as they come
    sheet = workbook.create_sheet(sheet_name[:31])
    sheet.append(header)
    count = 0
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180: CRLF, double quotes
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(value) for value in row])
            sheet.append([xlsx_cell(value) for value in row])
            count += 1
    workbook.save(xlsx_path)
    return count
