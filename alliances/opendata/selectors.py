"""What the /donnees/ page shows: the files the last export left, read from its Data Package."""

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from alliances.opendata.alliance_schema import ALLIANCE_SCHEMA_NAME, SCHEMA_FILE
from alliances.opendata.datasets import DATASETS
from alliances.opendata.services import CATALOGUE_JSONLD, CATALOGUE_TURTLE, PACKAGE_FILE

# Only names the export writes are ever served (no path can leave the directory).
SERVED_NAME = re.compile(r"^[a-z][a-z-]*\.(csv|xlsx|json|jsonld|ttl)$")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "jsonld": "application/ld+json",
    "ttl": "text/turtle; charset=utf-8",
}


@dataclass(frozen=True)
class PublishedFile:
    name: str
    size: int


@dataclass(frozen=True)
class PublishedDataset:
    name: str
    title: str
    description: str
    rows: int
    files: list[PublishedFile]


@dataclass(frozen=True)
class Publication:
    created: datetime
    datasets: list[PublishedDataset]
    metadata: list[PublishedFile]  # package, catalogue, schema


def opendata_directory() -> Path:
    return Path(settings.OPENDATA_DIR)


def served_file(name: str) -> Path | None:
    """The path of a published file, or None if that name is not one of ours or not there."""
    if not SERVED_NAME.match(name):
        return None
    path = opendata_directory() / name
    return path if path.is_file() else None


def content_type(name: str) -> str:
    return CONTENT_TYPES[name.rsplit(".", 1)[1]]


def _file(name: str) -> PublishedFile | None:
    path = served_file(name)
    return PublishedFile(name, path.stat().st_size) if path else None


def latest_publication() -> Publication | None:
    """None until `alliances export_opendata` has run."""
    path = served_file(PACKAGE_FILE)
    if path is None:
        return None
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        created = datetime.fromisoformat(package["created"])
        rows = {resource["name"]: resource.get("x-rows", 0) for resource in package["resources"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    english = (get_language() or "fr").startswith("en")
    datasets = []
    for dataset in DATASETS:
        files = [_file(f"{dataset.name}.csv"), _file(f"{dataset.name}.xlsx")]
        if dataset.name == "alliances":
            files += [_file(f"{ALLIANCE_SCHEMA_NAME}.csv"), _file(f"{ALLIANCE_SCHEMA_NAME}.xlsx")]
        datasets.append(
            PublishedDataset(
                name=dataset.name,
                title=dataset.title_en if english else dataset.title_fr,
                description=dataset.description_en if english else dataset.description_fr,
                rows=rows.get(dataset.name, 0),
                files=[f for f in files if f],
            )
        )
    metadata = [
        f for f in map(_file, (PACKAGE_FILE, CATALOGUE_JSONLD, CATALOGUE_TURTLE, SCHEMA_FILE)) if f
    ]
    return Publication(created=created, datasets=datasets, metadata=metadata)
