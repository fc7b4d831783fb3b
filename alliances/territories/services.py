"""Writes to the territories: loading the INSEE Code officiel géographique."""

from pathlib import Path

from django.db import transaction
from django.db.models import Sum

from alliances.core import reference
from alliances.core.bulk import upsert_rows
from alliances.core.text import fold
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = [
    DATA_DIR / "regions.csv",
    DATA_DIR / "departements.csv",
    DATA_DIR / "epci.csv",
    DATA_DIR / "communes.csv.gz",
]
DATASET = "territories"
UPDATED_FIELDS = [
    "name",
    "search_name",
    "zone",
    "population",
    "epci_type",
    "postal_codes",
    "siren",
    "chef_lieu",
    "region",
    "departement",
    "epci",
    "commune",
]


def territories_load(*, force: bool = False) -> reference.LoadReport:
    """Upsert every territory from the committed COG files; a no-op when already loaded."""
    files_checksum = reference.checksum(FILES)
    if not force and reference.is_current(DATASET, files_checksum, Territory.objects.count()):
        return reference.LoadReport(DATASET, Territory.objects.count(), skipped=True)

    with transaction.atomic():
        _upsert(TerritoryKind.REGION, reference.read_csv(DATA_DIR / "regions.csv"))
        regions = _ids(TerritoryKind.REGION)
        _upsert(
            TerritoryKind.DEPARTEMENT,
            reference.read_csv(DATA_DIR / "departements.csv"),
            region=regions,
        )
        departements = _ids(TerritoryKind.DEPARTEMENT)
        _upsert(
            TerritoryKind.EPCI,
            reference.read_csv(DATA_DIR / "epci.csv"),
            region=regions,
            departement=departements,
        )
        epcis = _ids(TerritoryKind.EPCI)
        communes = list(reference.read_csv(DATA_DIR / "communes.csv.gz"))
        _upsert(
            TerritoryKind.COMMUNE,
            (row for row in communes if row["kind"] == TerritoryKind.COMMUNE),
            region=regions,
            departement=departements,
            epci=epcis,
        )
        _upsert(
            TerritoryKind.ARRONDISSEMENT,
            (row for row in communes if row["kind"] == TerritoryKind.ARRONDISSEMENT),
            region=regions,
            departement=departements,
            commune=_ids(TerritoryKind.COMMUNE),
        )
        _sum_populations()
        rows = Territory.objects.count()
        reference.mark_loaded(DATASET, files_checksum, rows)
        # Stored diagnostics show territory names (ADR 0021): computed again until the next
        # refresh stores them.
        from alliances.insights.services.diagnostics import diagnostics_drop

        diagnostics_drop()
    return reference.LoadReport(DATASET, rows, skipped=False)


def _sum_populations() -> None:
    """Regions and départements get the municipal population of their current communes."""
    communes = Territory.objects.filter(kind=TerritoryKind.COMMUNE)
    for level in ("region", "departement"):
        totals = communes.values(level).annotate(total=Sum("population"))
        territories = Territory.objects.in_bulk([row[level] for row in totals])
        for row in totals:
            territories[row[level]].population = row["total"]
        Territory.objects.bulk_update(territories.values(), ["population"])


def _ids(kind: str) -> dict[str, int]:
    return dict(Territory.objects.filter(kind=kind).values_list("code", "id"))


def _upsert(kind: str, rows, **parents: dict[str, int]) -> None:
    fields = ["kind", "code", *UPDATED_FIELDS]
    parent_fields = [f"{field}" for field in ("region", "departement", "epci", "commune")]

    def values(row: dict[str, str]) -> tuple:
        links = {
            field: parents[field][row[field]] if field in parents and row.get(field) else None
            for field in parent_fields
        }
        return (
            kind,
            row["code"],
            row["name"],
            fold(row["name"]),
            row.get("zone") or _zone_of(row),
            int(row["population"]) if row.get("population") else None,
            row.get("epci_type", ""),
            row.get("postal_codes", ""),
            row.get("siren", "") or (row["code"] if kind == TerritoryKind.EPCI else ""),
            row.get("chef_lieu", ""),
            *(links[field] for field in parent_fields),
        )

    upsert_rows(
        Territory, fields=fields, unique_fields=["kind", "code"], rows=(values(r) for r in rows)
    )


def _zone_of(row: dict[str, str]) -> str:
    # EPCI files carry no zone: every EPCI lies in metropolitan France or a DROM.
    return "drom" if row.get("region", "").startswith("0") else "metro"
