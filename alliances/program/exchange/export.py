import csv
import io
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from alliances.core.cells import formula_safe
from alliances.program.exchange.columns import SHEETS
from alliances.program.models import Indicator, IndicatorValue, Measure, Milestone, Programme


def programme_rows(programme: Programme) -> dict[str, list[list]]:
    """Each table as rows of plain values, in the order of `SHEETS`."""
    measures = Measure.objects.filter(programme=programme).select_related("dimension")
    return {
        "measures": [
            [
                m.code,
                m.dimension.code,
                m.title_fr,
                m.title_en,
                m.status,
                m.start_date,
                m.due_date,
                m.weight,
                " | ".join(m.owner_organisation_list),
                m.attainment,
                m.attainment_justification,
            ]
            for m in measures
        ],
        "milestones": [
            [
                s.external_id,
                s.measure.code,
                s.kind,
                s.title,
                s.description,
                s.due_date,
                s.done_date,
                s.weight,
                s.evidence_url,
            ]
            for s in Milestone.objects.filter(measure__programme=programme)
            .select_related("measure")
            .order_by("measure__position", "external_id")
        ],
        "indicators": [
            [
                i.external_id,
                i.measure.code,
                i.name,
                i.unit,
                i.direction,
                i.baseline_value,
                i.baseline_date,
                i.target_value,
                i.target_date,
                i.weight,
                i.status_override,
                i.status_override_reason,
            ]
            for i in Indicator.objects.filter(measure__programme=programme)
            .select_related("measure")
            .order_by("measure__position", "external_id")
        ],
        "values": [
            [v.indicator.external_id, v.date, v.value, v.source, v.comment]
            for v in IndicatorValue.objects.filter(indicator__measure__programme=programme)
            .select_related("indicator")
            .order_by("indicator__external_id", "date")
        ],
    }


def _plain(value):
    if isinstance(value, Decimal):
        return value.normalize() if value == value.to_integral() else value
    return "" if value is None else value


def to_xlsx(programme: Programme) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_name, rows in programme_rows(programme).items():
        sheet = workbook.create_sheet(sheet_name)
        columns = SHEETS[sheet_name]
        sheet.append([column.name for column in columns])
        for row in rows:
            sheet.append([None if value in (None, "") else _cell(value) for value in row])
            for cell in sheet[sheet.max_row]:
                # A text starting with "=" must stay text, never become a formula.
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = 14 if column.kind else 30
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_csv_zip(programme: Programme) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet_name, rows in programme_rows(programme).items():
            text = io.StringIO(newline="")
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow([column.name for column in SHEETS[sheet_name]])
            for row in rows:
                writer.writerow([_csv_safe(_plain(value)) for value in row])
            archive.writestr(f"{sheet_name}.csv", text.getvalue().encode("utf-8"))
    return buffer.getvalue()


_csv_safe = formula_safe  # a leading apostrophe, removed again on import
