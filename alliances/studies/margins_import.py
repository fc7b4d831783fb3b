"""Margin targets from a file: one row per (margin, category, target share in percent).

Checked before anything is written: known columns, margins that are categorical questions of the
study, categories that are answer codes of that question, shares between 0 and 100 that add up
to 100 per margin, no category twice, no formula cells. Every problem has its line; the commit
replaces the wave's targets for the margins of the file, in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from alliances.studies import weighting
from alliances.studies.enums import QuestionKind
from alliances.studies.errors import StudyError
from alliances.studies.models import Wave

COLUMNS = ["margin", "category", "target_share"]
MAX_ROWS = 2000


@dataclass(frozen=True)
class MarginProblem:
    line: int
    message: str


@dataclass
class MarginImportReport:
    margins: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    problems: list[MarginProblem] = field(default_factory=list)
    committed: bool = False

    def summary(self) -> str:
        state = _("committed") if self.committed else _("nothing written")
        return _("%(margins)d margins, %(targets)d targets, %(problems)d problems — %(state)s") % {
            "margins": len(self.margins),
            "targets": sum(len(targets) for targets in self.margins.values()),
            "problems": len(self.problems),
            "state": state,
        }


class _Formula(str):
    pass


def _lines(content: bytes, filename: str) -> tuple[list[str], list]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise StudyError(
                _("The file is not a readable XLSX workbook (%(error)s).") % {"error": error}
            ) from error
        try:
            rows = workbook.worksheets[0].iter_rows()
            header = [str(c.value).strip() if c.value is not None else "" for c in next(rows, ())]
            lines = [
                (
                    number,
                    [
                        _Formula(c.value) if getattr(c, "data_type", None) == "f" else c.value
                        for c in cells
                    ],
                )
                for number, cells in zip(range(2, MAX_ROWS + 3), rows, strict=False)
            ]
        finally:
            workbook.close()
        return header, lines
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        first = text.split("\n", 1)[0]
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=max(",;\t", key=first.count))
        header = [cell.strip() for cell in next(reader, [])]
        lines = [
            (number, [_Formula(c) if c.lstrip().startswith("=") else c for c in cells])
            for number, cells in zip(range(2, MAX_ROWS + 3), reader, strict=False)
        ]
        return header, lines
    raise StudyError(_("Send a CSV or XLSX file with the columns margin, category, target_share."))


def _share(raw) -> Decimal:
    if isinstance(raw, bool):
        raise InvalidOperation
    if isinstance(raw, int | float):
        return Decimal(str(raw))
    text = str(raw).strip().replace("%", "").replace("\u202f", "").replace(" ", "")
    return Decimal(text.replace(",", "."))


def margins_import(
    *, wave: Wave, content: bytes, filename: str, commit: bool = False, source: str = ""
) -> MarginImportReport:
    from alliances.studies.services import margin_set

    report = MarginImportReport()
    problems = report.problems
    header, lines = _lines(content, filename)
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
        problems.append(MarginProblem(1, "; ".join(parts)))
        return report
    questions = {
        q.variable: {option.code for option in q.options.all()}
        for q in wave.study.questions.filter(kind=QuestionKind.CATEGORICAL).prefetch_related(
            "options"
        )
    }
    first_line: dict[str, int] = {}
    broken: set[str] = set()  # margins with a faulty row: their sum would only add noise
    for number, cells in lines:
        if number > MAX_ROWS + 1:
            problems.append(
                MarginProblem(number, _("More than %(count)d rows.") % {"count": MAX_ROWS})
            )
            break
        record = dict(zip(header, cells, strict=False))
        if all(record.get(c) in (None, "") for c in COLUMNS):
            continue
        count_before = len(problems)
        _import_row(number, record, questions, report, first_line)
        if len(problems) > count_before:
            broken.add(str(record.get("margin") or "").strip())
    for variable, targets in report.margins.items():
        total = sum(targets.values())
        if variable not in broken and abs(total - 100) > Decimal(str(weighting.SUM_TOLERANCE)):
            problems.append(
                MarginProblem(
                    first_line[variable],
                    _("margin “%(variable)s”: the targets add up to %(total)s %%, not 100 %%.")
                    % {"variable": variable, "total": f"{total:g}"},
                )
            )
    if not report.margins and not problems:
        problems.append(MarginProblem(2, _("The file has no targets.")))
    problems.sort(key=lambda problem: problem.line)
    if commit and not problems:
        with transaction.atomic():
            for variable, targets in report.margins.items():
                margin_set(wave=wave, variable=variable, targets=targets, source=source)
        report.committed = True
    return report


def _import_row(number: int, record: dict, questions: dict, report, first_line: dict) -> None:
    problems = report.problems
    formulas = [c for c in COLUMNS if isinstance(record.get(c), _Formula)]
    if formulas:
        for column in formulas:
            problems.append(
                MarginProblem(
                    number,
                    f"{column}: " + _("formulas are not accepted, type the value."),
                )
            )
        return
    variable = str(record.get("margin") or "").strip()
    code = record.get("category")
    code = (
        ""
        if code is None
        else str(int(code) if isinstance(code, float) and code.is_integer() else code).strip()
    )
    if variable not in questions:
        problems.append(
            MarginProblem(
                number,
                _("margin: “%(variable)s” is not a single-choice question of the study.")
                % {"variable": variable},
            )
        )
        return
    if code not in questions[variable]:
        problems.append(
            MarginProblem(
                number,
                _("category: “%(code)s” is not an answer code of “%(variable)s” (%(codes)s).")
                % {
                    "code": code,
                    "variable": variable,
                    "codes": ", ".join(sorted(questions[variable])),
                },
            )
        )
        return
    try:
        share = _share(record.get("target_share"))
        if not share.is_finite() or not 0 <= share <= 100:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        problems.append(
            MarginProblem(
                number,
                _("target_share: “%(value)s” is not a percentage between 0 and 100.")
                % {"value": record.get("target_share")},
            )
        )
        return
    targets = report.margins.setdefault(variable, {})
    first_line.setdefault(variable, number)
    if code in targets:
        problems.append(
            MarginProblem(
                number,
                _("category: “%(code)s” of “%(variable)s” is given twice.")
                % {"code": code, "variable": variable},
            )
        )
        return
    targets[code] = share
