"""Shared machinery for reference datasets committed in the project (CSV files, possibly gzipped).

A dataset is reloaded only when its files changed (checksum) or when forced, so
`alliances load_reference` is idempotent and fast on every run after the first.
"""

import csv
import gzip
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alliances.core.models import ReferenceDataset


@dataclass(frozen=True)
class LoadReport:
    dataset: str
    rows: int
    skipped: bool

    def __str__(self) -> str:
        state = "already up to date" if self.skipped else "loaded"
        return f"{self.dataset}: {self.rows} rows {state}"


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    yield from csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))


def checksum(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(name: str, files_checksum: str, rows_in_database: int) -> bool:
    return ReferenceDataset.objects.filter(
        name=name, checksum=files_checksum, rows=rows_in_database
    ).exists()


def mark_loaded(name: str, files_checksum: str, rows: int) -> None:
    ReferenceDataset.objects.update_or_create(
        name=name, defaults={"checksum": files_checksum, "rows": rows}
    )
