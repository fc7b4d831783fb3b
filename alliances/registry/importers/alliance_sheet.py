"""The alliances spreadsheet: its columns, its template, and reading it into checked rows.

One row per alliance–member. Rows sharing an `alliance_ref` describe one alliance: its fields
are filled on the first of them (they may be repeated, identically, on the others).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from alliances.core.cells import formula_unsafe_removed
from alliances.core.errors import DomainError
from alliances.core.text import fold
from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    Publication,
    World,
)
from alliances.registry.identifiers import compact, is_rna, is_siren, is_siret

SHEET_NAME = "alliances"
MAX_ROWS = 5000
NEW = "new"


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False


ALLIANCE_COLUMNS = [
    Column(
        "alliance_ref",
        gettext_lazy("Your reference for the alliance; rows sharing it form one alliance."),
        True,
    ),
    Column("title", gettext_lazy("Title of the alliance (first row of the alliance).")),
    Column("summary", gettext_lazy("Two or three sentences (first row of the alliance).")),
    Column("alliance_type", gettext_lazy("Type of alliance: one of the codes below.")),
    Column("status", gettext_lazy("Status: one of the codes below; “ongoing” if empty.")),
    Column("start_date", gettext_lazy("Start date, YYYY-MM-DD (optional).")),
    Column("end_date", gettext_lazy("End date, YYYY-MM-DD (optional).")),
    Column(
        "territories",
        gettext_lazy(
            "Territories covered, separated by “;”, each written kind:INSEE code, "
            "for example “departement:93; commune:93066”. Kinds: region, departement, epci, "
            "commune."
        ),
    ),
    Column("goals", gettext_lazy("SDG numbers separated by “;”, for example “4; 17” (optional).")),
    Column(
        "publication",
        gettext_lazy("draft, submitted or published; “submitted” (to moderate) if empty."),
    ),
]
MEMBER_COLUMNS = [
    Column("member_name", gettext_lazy("Name of the member organisation."), True),
    Column("member_world", gettext_lazy("World of the member: one of the codes below.")),
    Column("member_role", gettext_lazy("Role in the alliance: one of the codes below."), True),
    Column("siren", gettext_lazy("SIREN (9 digits), if known.")),
    Column("siret", gettext_lazy("SIRET of the head office (14 digits), if known.")),
    Column("rna", gettext_lazy("RNA number (W + 9 characters), if known.")),
    Column(
        "member_commune",
        gettext_lazy(
            "INSEE code of the member's commune (5 characters, e.g. 93066); required when "
            "no identifier is given."
        ),
    ),
    Column(
        "organisation_id",
        gettext_lazy(
            "Leave empty. To confirm a match proposed by the check, write the proposed "
            "organisation number; write “new” to create a new organisation instead."
        ),
    ),
]
COLUMNS = ALLIANCE_COLUMNS + MEMBER_COLUMNS
# Columns a file may leave out: files published in the alliances Table Schema have no
# organisation_id (an answer to this registry's proposed matches, meaningless elsewhere).
OPTIONAL_COLUMNS = {"organisation_id"}
COLUMN_NAMES = [column.name for column in COLUMNS]
ALLIANCE_FIELDS = [column.name for column in ALLIANCE_COLUMNS[1:]]
TERRITORY_KINDS = {"region", "departement", "epci", "commune"}
FORMULA_PREFIX = "="

CODE_LISTS = {
    "alliance_type": AllianceType,
    "status": AllianceStatus,
    "publication": Publication,
    "member_world": World,
    "member_role": MembershipRole,
}


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


@dataclass
class MemberRow:
    """A checked line of the file (values typed, identifiers compacted)."""

    line: int
    alliance_ref: str
    alliance: dict
    name: str
    world: str
    role: str
    siren: str = ""
    siret: str = ""
    rna: str = ""
    commune_code: str = ""
    organisation_id: int | None = None
    force_new: bool = False
    territories: list[tuple[str, str]] = field(default_factory=list)


class _Formula(str):
    """A spreadsheet cell holding a formula instead of a value."""


# --- the template ---------------------------------------------------------------------------


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    sheet.append(COLUMN_NAMES)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            14, len(column.name) + 4
        )
    help_sheet = workbook.create_sheet(_("help"))
    help_sheet.append([_("column"), _("required"), _("what to write")])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        help_sheet.append([column.name, _("yes") if column.required else "", str(column.help)])
    help_sheet.append([])
    help_sheet.append([_("column"), _("code"), _("meaning")])
    for cell in help_sheet[help_sheet.max_row]:
        cell.font = Font(bold=True)
    for name, choices in CODE_LISTS.items():
        for value, label in choices.choices:
            help_sheet.append([name, value, str(label)])
    help_sheet.column_dimensions["A"].width = 18
    help_sheet.column_dimensions["B"].width = 20
    help_sheet.column_dimensions["C"].width = 90
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def template_csv() -> bytes:
    output = io.StringIO()
    csv.writer(output, lineterminator="\r\n").writerow(COLUMN_NAMES)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


# --- reading --------------------------------------------------------------------------------


def read_sheet(content: bytes, filename: str) -> tuple[list[MemberRow], list[Problem]]:
    """Checked rows and every problem found, with line numbers as a spreadsheet shows them."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        header, lines = _xlsx_lines(content)
    elif name.endswith(".csv"):
        header, lines = _csv_lines(content)
    else:
        raise DomainError(_("Send an XLSX workbook or a CSV file made from the template."))
    missing = [name for name in COLUMN_NAMES if name not in header and name not in OPTIONAL_COLUMNS]
    unknown = [name for name in header if name and name not in COLUMN_NAMES]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
        return [], [Problem(1, "; ".join(parts))]
    rows: list[MemberRow] = []
    problems: list[Problem] = []
    first_of: dict[str, MemberRow] = {}
    failed_refs: set[str] = set()  # alliances whose first row has problems
    filled = 0
    for line, cells in lines:
        record = dict(zip(header, cells, strict=False))
        if all(_blank(record.get(column)) for column in COLUMN_NAMES):
            continue
        filled += 1
        if filled > MAX_ROWS:
            problems.append(
                Problem(line, _("More than %(count)d rows: split the file.") % {"count": MAX_ROWS})
            )
            break
        ref = _text(record.get("alliance_ref"))
        row, row_problems = _parse_row(line, record, first_of, ref in failed_refs)
        problems.extend(row_problems)
        if row is not None and not row_problems:
            rows.append(row)
            first_of.setdefault(row.alliance_ref, row)
        elif ref not in first_of:
            failed_refs.add(ref)
    return rows, problems


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Our exports quote text a spreadsheet would evaluate ("'-…"): read it back as written.
    return formula_unsafe_removed(str(value).strip())


def _parse_row(
    line: int, record: dict, first_of: dict, first_failed: bool
) -> tuple[MemberRow | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(line, f"{column}: {message}"))

    for column in COLUMN_NAMES:
        if isinstance(record.get(column), _Formula):
            problem(column, _("formulas are not accepted, type the value."))
    if problems:
        return None, problems
    values = {column: _text(record.get(column)) for column in COLUMN_NAMES}
    for column in COLUMNS:
        if column.required and not values[column.name]:
            problem(column.name, _("a value is required."))
    ref = values["alliance_ref"]
    alliance = _parse_alliance(values, record, problem)
    first = first_of.get(ref)
    if ref and first is None and not first_failed:
        for name in ("title", "summary", "alliance_type", "territories"):
            if not values[name]:
                problem(name, _("a value is required on the first row of an alliance."))
    elif first is not None:
        for name in ALLIANCE_FIELDS:
            if values[name] and alliance.get(name) != first.alliance.get(name):
                problem(
                    name,
                    _("differs from line %(line)d, the first row of alliance “%(ref)s”.")
                    % {"line": first.line, "ref": ref},
                )
        alliance = first.alliance
    world = _code(values["member_world"] or World.OTHER, World, "member_world", problem)
    role = _code(values["member_role"], MembershipRole, "member_role", problem)
    siren, siret, rna = (compact(values[name]) for name in ("siren", "siret", "rna"))
    if siren and not is_siren(siren):
        problem("siren", _("“%(value)s” is not a valid SIREN.") % {"value": values["siren"]})
    if siret and not is_siret(siret):
        problem("siret", _("“%(value)s” is not a valid SIRET.") % {"value": values["siret"]})
    elif siret and siren and siret[:9] != siren:
        problem("siret", _("the SIRET does not start with the SIREN."))
    if rna and not is_rna(rna):
        problem("rna", _("“%(value)s” is not a valid RNA number.") % {"value": values["rna"]})
    commune_code = values["member_commune"].upper()
    if commune_code and len(commune_code) == 4 and commune_code.isdigit():
        commune_code = "0" + commune_code  # a spreadsheet ate the leading zero
    if not (siren or siret or rna or commune_code):
        problem(
            "member_commune",
            _("give an identifier (SIREN, SIRET or RNA) or the commune of the member."),
        )
    organisation_id, force_new = None, False
    chosen = values["organisation_id"].lower()
    if chosen == NEW:
        force_new = True
    elif chosen:
        if not chosen.isdigit():
            problem(
                "organisation_id",
                _("write an organisation number or “new”, not “%(value)s”.") % {"value": chosen},
            )
        else:
            organisation_id = int(chosen)
    if problems:
        return None, problems
    return (
        MemberRow(
            line=line,
            alliance_ref=ref,
            alliance=alliance,
            name=values["member_name"],
            world=world,
            role=role,
            siren=siren or (siret[:9] if siret else ""),
            siret=siret,
            rna=rna,
            commune_code=commune_code,
            organisation_id=organisation_id,
            force_new=force_new,
        ),
        [],
    )


def _code(value: str, choices, column: str, problem) -> str:
    key = fold(value).replace(" ", "_")
    if key in choices.values:
        return key
    problem(
        column,
        _("“%(value)s” is not one of: %(codes)s.")
        % {"value": value, "codes": ", ".join(choices.values)},
    )
    return ""


def _parse_alliance(values: dict, record: dict, problem) -> dict:
    alliance = {
        "title": values["title"][:200],
        "summary": values["summary"][:500],
    }
    if values["alliance_type"]:
        alliance["alliance_type"] = _code(
            values["alliance_type"], AllianceType, "alliance_type", problem
        )
    alliance["status"] = _code(
        values["status"] or AllianceStatus.ONGOING, AllianceStatus, "status", problem
    )
    alliance["publication"] = _code(
        values["publication"] or Publication.SUBMITTED, Publication, "publication", problem
    )
    if alliance["publication"] == Publication.ARCHIVED:
        problem("publication", _("an imported alliance cannot be archived."))
    for name in ("start_date", "end_date"):
        alliance[name] = _date(record.get(name), name, problem)
    start, end = alliance["start_date"], alliance["end_date"]
    if start and end and end < start:
        problem("end_date", _("the alliance ends before it starts."))
    alliance["territories"] = _territories(values["territories"], problem)
    alliance["goals"] = _goals(values["goals"], problem)
    return alliance


def _date(raw, column: str, problem) -> date | None:
    if _blank(raw):
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(_text(raw))
    except ValueError:
        problem(column, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": _text(raw)})
        return None


def _territories(text: str, problem) -> tuple:
    found = []
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        kind, _sep, code = part.partition(":")
        kind = fold(kind)
        code = code.strip().upper()
        if kind not in TERRITORY_KINDS or not code:
            problem(
                "territories",
                _("“%(value)s” is not written kind:code (kinds: %(kinds)s).")
                % {"value": part, "kinds": ", ".join(sorted(TERRITORY_KINDS))},
            )
            continue
        found.append((kind, code))
    return tuple(found)


def _goals(text: str, problem) -> tuple:
    numbers = []
    for part in filter(None, (piece.strip() for piece in text.replace(",", ";").split(";"))):
        if part.endswith(".0"):
            part = part[:-2]
        if not part.isdigit() or not 1 <= int(part) <= 17:
            problem("goals", _("“%(value)s” is not an SDG number (1 to 17).") % {"value": part})
            continue
        numbers.append(int(part))
    return tuple(sorted(set(numbers)))


def _xlsx_lines(content: bytes) -> tuple[list[str], list]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise DomainError(
            _("The file is not a readable XLSX workbook (%(error)s).") % {"error": error}
        ) from error
    try:
        sheet = (
            workbook[SHEET_NAME] if SHEET_NAME in workbook.sheetnames else workbook.worksheets[0]
        )
        rows = sheet.iter_rows()
        header_cells = next(rows, ())
        header = [_text(cell.value) for cell in header_cells]
        lines = []
        for number, cells in enumerate(rows, start=2):
            if number > MAX_ROWS + 2:
                break
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
    finally:
        workbook.close()
    return header, lines


def _csv_lines(content: bytes) -> tuple[list[str], list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])]
    lines = []
    for number, cells in enumerate(reader, start=2):
        if number > MAX_ROWS + 2:
            break
        formulas = [
            _Formula(cell) if cell.lstrip().startswith(FORMULA_PREFIX) else cell for cell in cells
        ]
        lines.append((number, formulas))
    return header, lines
