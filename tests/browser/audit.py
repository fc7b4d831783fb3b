"""The audit file the browser suite writes when `ACCESSIBILITY_AUDIT` names a path.

`make accessibility-audit` sets it to `alliances/web/data/accessibility-audit.json`, the file the
accessibility statement renders (`alliances.web.accessibility`). It holds, for every page checked,
the number of axe-core rules passed, violated and left for human review; the rules respected on
every page and those violated somewhere; the outcome of every other check of the suite (keyboard
journeys, reflow, reduced motion, text spacing, HTML validity); the date and the tools' versions.
"""

import json
import os
from datetime import date
from pathlib import Path

ENVIRONMENT = "ACCESSIBILITY_AUDIT"
STANDARD = "RGAA 4.1 (WCAG 2.1 AA)"


class AuditRecorder:
    def __init__(self):
        self.pages: list[dict] = []
        self.passed: set[str] = set()
        self.failed: set[str] = set()
        self.review: set[str] = set()
        self.tags: list[str] = []
        self.axe_version = ""
        self.browser = ""
        self.checks: dict[str, dict[str, int]] = {}

    def record_axe(self, *, key, path, title, language, role, tags, result) -> None:
        self.tags = list(tags)
        self.axe_version = result["testEngine"]["version"]
        ids = {kind: {rule["id"] for rule in result[kind]} for kind in ("passes", "violations")}
        incomplete = {rule["id"] for rule in result["incomplete"]}
        self.passed |= ids["passes"]
        self.failed |= ids["violations"]
        self.review |= incomplete
        self.pages.append(
            {
                "key": key,
                "title": title,
                "path": path,
                "language": language,
                "role": role,
                "passes": len(ids["passes"]),
                "violations": len(ids["violations"]),
                "incomplete": len(incomplete),
            }
        )

    def record_outcome(self, check: str, passed: bool) -> None:
        counts = self.checks.setdefault(check, {"passed": 0, "failed": 0})
        counts["passed" if passed else "failed"] += 1

    def document(self, today: date) -> dict:
        failed = sorted(self.failed)
        return {
            "date": today.isoformat(),
            "standard": STANDARD,
            "tags": self.tags,
            "tools": {"axe_core": self.axe_version, "browser": self.browser},
            "manual_audit": False,
            "rules": {
                "passed": sorted(self.passed - self.failed),
                "failed": failed,
                # Left for a human on some page and decided (passed or failed) on none.
                "needs_review": sorted(self.review - self.passed - self.failed),
            },
            "checks": dict(sorted(self.checks.items())),
            "pages": self.pages,
        }

    def write(self, target: Path, today: date | None = None) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.document(today or date.today()), indent=1, ensure_ascii=False)
        target.write_text(text + "\n", encoding="utf-8")


RECORDER = AuditRecorder()


def audit_target() -> Path | None:
    value = os.environ.get(ENVIRONMENT, "")
    return Path(value) if value else None
