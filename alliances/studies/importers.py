"""Reading survey microdata and codebooks (CSV, XLSX, SPSS .sav) and validating them.

Pure functions: files in, validated respondents or a list of problems (line and reason) out.
Writing is `services.survey_import`.
"""

import csv
import io
import math
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pyreadstat
from django.utils.translation import gettext as _

from alliances.studies.enums import QuestionKind

FORMATS = ("csv", "xlsx", "sav")
CODEBOOK_COLUMNS = (
    "variable",
    "type",
    "text_fr",
    "text_en",
    "published",
    "code",
    "label_fr",
    "label_en",
)
TRUE_WORDS = {"1", "true", "yes", "oui", "vrai", "x"}


@dataclass
class Table:
    """A data file read in memory: text cells keyed by column, and what the file says of itself."""

    columns: list[str]
    rows: list[dict[str, str | None]]
    first_line: int = 2  # line number of rows[0] in the file (1 = the header)
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    variable_labels: dict[str, str] = field(default_factory=dict)


@dataclass
class CodebookEntry:
    variable: str
    kind: str = QuestionKind.CATEGORICAL
    text_fr: str = ""
    text_en: str = ""
    published: bool = True
    options: list[tuple[str, str, str]] = field(default_factory=list)  # (code, label_fr, label_en)


@dataclass(frozen=True)
class Issue:
    line: int | None
    reason: str

    def __str__(self) -> str:
        if self.line is None:
            return self.reason
        return _("line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


def cell_text(value) -> str | None:
    """A cell as text; numbers that are whole become integers ("1.0" → "1"), blanks None."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value).strip()
    return text or None


def format_of(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(
            _("Unsupported file type “%(suffix)s”: use CSV, XLSX or SPSS .sav.")
            % {"suffix": suffix}
        )
    return suffix


def _from_records(header, records) -> Table:
    columns = [cell_text(name) or "" for name in header]
    rows = [
        {column: cell_text(value) for column, value in zip(columns, record, strict=False)}
        for record in records
    ]
    return Table(columns=columns, rows=rows)


def read_csv(content: bytes) -> Table:
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, [])
    return _from_records(header, [record for record in reader if any(record)])


def read_xlsx(content: bytes) -> Table:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        records = sheet.iter_rows(values_only=True)
        header = next(records, ())
        return _from_records(header, [r for r in records if any(v is not None for v in r)])
    finally:
        workbook.close()


def read_sav(content: bytes) -> Table:
    with tempfile.NamedTemporaryFile(suffix=".sav") as handle:
        handle.write(content)
        handle.flush()
        frame, meta = pyreadstat.read_sav(handle.name)
    table = _from_records(list(frame.columns), frame.itertuples(index=False, name=None))
    table.first_line = 1  # a .sav file has no header line: lines are case numbers
    table.value_labels = {
        variable: {cell_text(code): str(label) for code, label in labels.items()}
        for variable, labels in meta.variable_value_labels.items()
    }
    table.variable_labels = {
        name: label for name, label in meta.column_names_to_labels.items() if label
    }
    return table


def read_table(content: bytes, name: str) -> Table:
    return {"csv": read_csv, "xlsx": read_xlsx, "sav": read_sav}[format_of(name)](content)


def codebook_from_table(table: Table) -> tuple[list[CodebookEntry], list[Issue]]:
    """A codebook file: one line per answer label; a question's columns on its first line."""
    issues = [
        Issue(1, _("the codebook has no column “%(column)s”.") % {"column": column})
        for column in ("variable", "text_fr")
        if column not in table.columns
    ]
    if issues:
        return [], issues
    entries: dict[str, CodebookEntry] = {}
    for line, row in enumerate(table.rows, start=table.first_line):
        variable = row.get("variable")
        if not variable:
            issues.append(Issue(line, _("the variable name is empty.")))
            continue
        entry = entries.get(variable)
        if entry is None:
            kind = (row.get("type") or QuestionKind.CATEGORICAL).lower()
            if kind not in QuestionKind.values:
                issues.append(
                    Issue(
                        line,
                        _("unknown type “%(kind)s” (expected %(kinds)s).")
                        % {"kind": kind, "kinds": ", ".join(QuestionKind.values)},
                    )
                )
                continue
            published = row.get("published")
            entry = entries[variable] = CodebookEntry(
                variable=variable,
                kind=kind,
                text_fr=row.get("text_fr") or "",
                text_en=row.get("text_en") or "",
                published=True if published is None else published.lower() in TRUE_WORDS,
            )
            if not entry.text_fr:
                issues.append(
                    Issue(
                        line,
                        _("the question “%(variable)s” has no French text.")
                        % {"variable": variable},
                    )
                )
        code = row.get("code")
        if code is not None:
            if any(option[0] == code for option in entry.options):
                issues.append(
                    Issue(
                        line,
                        _("the code “%(code)s” of “%(variable)s” is listed twice.")
                        % {"code": code, "variable": variable},
                    )
                )
                continue
            entry.options.append((code, row.get("label_fr") or code, row.get("label_en") or ""))
    return list(entries.values()), issues


def codebook_from_sav(table: Table) -> list[CodebookEntry]:
    """The codebook an SPSS file carries: variable labels as texts, value labels as answers."""
    return [
        CodebookEntry(
            variable=column,
            kind=QuestionKind.CATEGORICAL if column in table.value_labels else QuestionKind.NUMERIC,
            text_fr=table.variable_labels.get(column, column),
            options=[
                (code, label, "") for code, label in table.value_labels.get(column, {}).items()
            ],
        )
        for column in table.columns
    ]


def validate_respondents(
    table: Table,
    codebook: list[CodebookEntry],
    *,
    id_variable: str,
    weight_variable: str | None = None,
    required_variables: list[str] | tuple[str, ...] = (),
) -> tuple[list[dict], list[Issue]]:
    """Respondents ready to store ({respondent_id, answers, weight}) and every problem found."""
    issues: list[Issue] = []
    for column in [id_variable, weight_variable, *required_variables]:
        if column and column not in table.columns:
            issues.append(
                Issue(None, _("the data has no column “%(column)s”.") % {"column": column})
            )
    if issues:
        return [], issues
    entries = {entry.variable: entry for entry in codebook}
    unknown = [
        c for c in table.columns if c not in entries and c not in (id_variable, weight_variable)
    ]
    issues += [
        Issue(None, _("the column “%(column)s” is not in the codebook.") % {"column": c})
        for c in unknown
    ]
    allowed = {
        entry.variable: {option[0] for option in entry.options}
        for entry in codebook
        if entry.kind == QuestionKind.CATEGORICAL and entry.variable in table.columns
    }
    seen: dict[str, int] = {}
    respondents = []
    for line, row in enumerate(table.rows, start=table.first_line):
        identifier = row.get(id_variable)
        if not identifier:
            issues.append(Issue(line, _("the respondent identifier is empty.")))
            continue
        if identifier in seen:
            issues.append(
                Issue(
                    line,
                    _("the respondent “%(id)s” already appears on line %(first)s.")
                    % {"id": identifier, "first": seen[identifier]},
                )
            )
            continue
        seen[identifier] = line
        weight = None
        if weight_variable:
            try:
                weight = float(row.get(weight_variable) or "")
            except ValueError:
                weight = -1.0
            if not weight > 0 or math.isinf(weight):
                issues.append(
                    Issue(
                        line,
                        _("the weight “%(value)s” is not a positive number.")
                        % {"value": row.get(weight_variable) or ""},
                    )
                )
                continue
        for variable in required_variables:
            if row.get(variable) is None:
                issues.append(
                    Issue(
                        line,
                        _("the weighting variable “%(variable)s” is empty.")
                        % {"variable": variable},
                    )
                )
        for variable, codes in allowed.items():
            value = row.get(variable)
            if value is not None and value not in codes:
                issues.append(
                    Issue(
                        line,
                        _("unknown code “%(code)s” for “%(variable)s”.")
                        % {"code": value, "variable": variable},
                    )
                )
        answers = {
            column: row[column]
            for column in table.columns
            if column not in (id_variable, weight_variable) and row.get(column) is not None
        }
        respondents.append({"respondent_id": identifier, "answers": answers, "weight": weight})
    return respondents, issues
