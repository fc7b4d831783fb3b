"""The attendee list an organiser downloads, as CSV or XLSX, safe to open in a spreadsheet."""

import csv
import io

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances.mobilisation.models import Event

# Cells a spreadsheet would run as a formula (OWASP "CSV injection") start with one of these.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "|", "%")


def neutralise(value):
    """Text that looks like a formula gets a leading apostrophe; other values pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def attendee_rows(event: Event) -> tuple[list[str], list[list]]:
    header = [_("Name"), _("E-mail"), _("Organisation"), _("Status"), _("Registered at")]
    rows = [
        [
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_status_display(),
            timezone.localtime(registration.created_at, event.zone).strftime("%Y-%m-%d %H:%M"),
        ]
        for registration in event.registrations.active().order_by("status", "created_at", "id")
    ]
    return header, rows


def attendees_csv(event: Event) -> bytes:
    header, rows = attendee_rows(event)
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    # A byte-order mark so spreadsheets open the accents correctly.
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def attendees_xlsx(event: Event) -> bytes:
    header, rows = attendee_rows(event)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Attendees")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            # Never let openpyxl store a string as a formula.
            cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
