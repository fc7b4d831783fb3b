"""The measured accessibility of the platform, read from the browser suite's audit file.

`make accessibility-audit` runs the browser suite (axe-core in Chromium on every page type, keyboard
journeys, reflow, reduced motion, text spacing, HTML validity) and writes
`alliances/web/data/accessibility-audit.json`, which is committed. The accessibility statement and
the footer read their figures from it; nothing on those pages is typed by hand.

What the file can and cannot establish: axe-core checks the rules a program can decide. The RGAA
also asks for human judgement (is a text alternative relevant, is a link's purpose clear in its
context...), which no automated audit gives. So, while `manual_audit` is false, the platform never
declares itself fully compliant, whatever the automated rate.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

AUDIT_FILE = Path(__file__).resolve().parent / "data" / "accessibility-audit.json"

FULL, PARTIAL, NONE = "full", "partial", "none"
STATUS_LABELS = {
    FULL: _("fully compliant"),
    PARTIAL: _("partially compliant"),
    NONE: _("not compliant"),
}
# RGAA: partially compliant from half the criteria respected.
PARTIAL_THRESHOLD = 50.0


@dataclass(frozen=True)
class PageResult:
    key: str
    path: str
    language: str
    role: str
    passes: int
    violations: int
    incomplete: int
    title: str = ""


@dataclass(frozen=True)
class Check:
    key: str
    passed: int
    failed: int


@dataclass(frozen=True)
class Audit:
    date: date
    standard: str
    tags: list[str]
    axe_version: str
    browser: str
    pages: list[PageResult]
    rules_passed: list[str]
    rules_failed: list[str]
    rules_needs_review: list[str]
    checks: list[Check] = field(default_factory=list)
    manual_audit: bool = False

    @property
    def rules_applicable(self) -> int:
        return len(self.rules_passed) + len(self.rules_failed)

    @property
    def rate(self) -> float:
        """Share (%) of the applicable automated rules respected on every page checked."""
        if not self.rules_applicable:
            return 0.0
        return round(100 * len(self.rules_passed) / self.rules_applicable, 1)

    @property
    def status(self) -> str:
        if self.rate == 100 and self.manual_audit:
            return FULL
        return PARTIAL if self.rate >= PARTIAL_THRESHOLD else NONE

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def page_types(self) -> list[str]:
        return sorted({page.key for page in self.pages})

    def sample(self, language: str) -> list[PageResult]:
        """One line per page type, in audit order: its first check in `language` if any."""
        chosen: dict[str, PageResult] = {}
        for page in self.pages:
            if page.key not in chosen or (
                chosen[page.key].language != language and page.language == language
            ):
                chosen[page.key] = page
        return list(chosen.values())

    @property
    def violations(self) -> int:
        return sum(page.violations for page in self.pages)


def parse_audit(data: dict) -> Audit:
    """The audit from its JSON document; ValueError names the first missing or wrong field."""
    try:
        rules = data["rules"]
        return Audit(
            date=date.fromisoformat(data["date"]),
            standard=str(data["standard"]),
            tags=[str(tag) for tag in data["tags"]],
            axe_version=str(data["tools"]["axe_core"]),
            browser=str(data["tools"]["browser"]),
            pages=[
                PageResult(
                    key=str(page["key"]),
                    path=str(page["path"]),
                    language=str(page["language"]),
                    role=str(page["role"]),
                    passes=int(page["passes"]),
                    violations=int(page["violations"]),
                    incomplete=int(page["incomplete"]),
                    title=str(page.get("title", "")),
                )
                for page in data["pages"]
            ],
            rules_passed=sorted(rules["passed"]),
            rules_failed=sorted(rules["failed"]),
            rules_needs_review=sorted(rules["needs_review"]),
            checks=[
                Check(str(key), int(value["passed"]), int(value["failed"]))
                for key, value in sorted(data.get("checks", {}).items())
            ],
            manual_audit=bool(data.get("manual_audit", False)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"accessibility audit file: bad or missing field {error}") from error


@lru_cache(maxsize=4)
def _load(path: Path, modified: float) -> Audit:
    return parse_audit(json.loads(path.read_text(encoding="utf-8")))


def current_audit(path: Path | None = None) -> Audit | None:
    """The committed audit, or None when none was measured (then the platform is not compliant)."""
    path = path or AUDIT_FILE
    try:
        modified = path.stat().st_mtime
    except FileNotFoundError:
        return None
    return _load(path, modified)


def status_label(audit: Audit | None):
    return audit.status_label if audit else STATUS_LABELS[NONE]
