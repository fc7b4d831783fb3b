"""What an import did, and the rejected lines with their reasons, written as they come."""

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True)
class Reject:
    file: str
    line: int
    reason: str
    raw: str = ""


@dataclass
class ImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0
    committed: bool = False
    encodings: dict[str, str] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    rejects_path: Path | None = None
    # Only the first rejects are kept in memory (for tests and pages); all go to the file.
    keep_rejects: int = 1000

    def summary(self) -> str:
        mode = "committed" if self.committed else "dry run, nothing written (add --commit)"
        skipped = f", {self.skipped} filtered out" if self.skipped else ""
        return (
            f"{self.read} read, {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.rejected} rejected{skipped} — {mode}"
        )


class RejectWriter:
    """Streams rejects to a CSV file (file, line, reason, raw) and counts them in the report."""

    HEADER = ["file", "line", "reason", "raw"]

    def __init__(self, report: ImportReport, path: Path | None):
        self.report = report
        self.path = path
        self._handle: TextIO | None = None
        self._writer = None

    def __enter__(self) -> "RejectWriter":
        if self.path is not None:
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._handle)
            self._writer.writerow(self.HEADER)
            self.report.rejects_path = self.path
        return self

    def __exit__(self, *exc_info) -> None:
        if self._handle is not None:
            self._handle.close()

    def add(self, reject: Reject) -> None:
        self.report.rejected += 1
        if len(self.report.rejects) < self.report.keep_rejects:
            self.report.rejects.append(reject)
        if self._writer is not None:
            self._writer.writerow([reject.file, reject.line, reject.reason, reject.raw[:500]])
