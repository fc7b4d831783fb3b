"""Writing the open-data files: tables, Data Package, DCAT catalogue and the alliances schema.

Files are written in a fresh directory next to the published one, then moved in place one by one
(an atomic rename each): visitors never download a half-written file.
"""

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from alliances.opendata.alliance_schema import (
    ALLIANCE_SCHEMA_NAME,
    SCHEMA_COLUMNS,
    SCHEMA_FILE,
    alliance_schema,
    alliance_schema_rows,
)
from alliances.opendata.catalogue import catalogue_graph
from alliances.opendata.datasets import DATASETS
from alliances.opendata.package import csv_name, data_package, xlsx_name
from alliances.opendata.writers import write_csv, write_table, write_xlsx

PACKAGE_FILE = "datapackage.json"
CATALOGUE_JSONLD = "catalogue.jsonld"
CATALOGUE_TURTLE = "catalogue.ttl"


@dataclass
class ExportReport:
    directory: Path
    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        total = sum(self.rows.values())
        return (
            f"{len(self.rows)} datasets, {total} rows, {len(self.files)} files "
            f"written to {self.directory}"
        )


def opendata_export(*, directory: Path, base_url: str, files_url: str, page_url: str):
    """Write every public dataset as CSV and XLSX, with their package and catalogue."""
    directory.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    report = ExportReport(directory=directory)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=directory))
    try:
        for dataset in DATASETS:
            report.rows[dataset.name] = write_csv(staging / csv_name(dataset), dataset)
            write_xlsx(staging / xlsx_name(dataset), dataset)
        report.rows[ALLIANCE_SCHEMA_NAME] = write_table(
            staging / f"{ALLIANCE_SCHEMA_NAME}.csv",
            staging / f"{ALLIANCE_SCHEMA_NAME}.xlsx",
            "alliances",  # the sheet the registry's import reads
            [column.name for column in SCHEMA_COLUMNS],
            alliance_schema_rows(),
        )
        _write_json(staging / SCHEMA_FILE, alliance_schema())
        _write_json(
            staging / PACKAGE_FILE, data_package(DATASETS, created=created, rows=report.rows)
        )
        graph = catalogue_graph(
            DATASETS, base_url=base_url, files_url=files_url, page_url=page_url, created=created
        )
        graph.serialize(staging / CATALOGUE_TURTLE, format="turtle", encoding="utf-8")
        graph.serialize(staging / CATALOGUE_JSONLD, format="json-ld", encoding="utf-8")
        for path in sorted(staging.iterdir()):
            os.replace(path, directory / path.name)
            report.files.append(path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _write_json(path: Path, content: dict) -> None:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
