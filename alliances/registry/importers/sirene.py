"""Parser of INSEE's SIRENE stock of legal units (`StockUniteLegale_utf8.csv`).

Comma-separated, UTF-8, with a header: columns are taken by name. Only the legal units that the
selection keeps come out; the others are counted as filtered out.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from alliances.registry.enums import SIZE_BAND_MINIMUM, OrganisationStatus, SizeBand, World
from alliances.registry.identifiers import RNA_PATTERN, is_siren
from alliances.registry.importers.report import Reject
from alliances.registry.importers.streams import CsvLine

REQUIRED = {
    "siren",
    "statutdiffusionunitelegale",
    "categoriejuridiqueunitelegale",
    "etatadministratifunitelegale",
    "denominationunitelegale",
}
SOLE_TRADER = "1000"
FILTERED = object()


class SireneFileError(Exception):
    pass


@dataclass(frozen=True)
class Selection:
    """Which legal units to keep. Categories: INSEE's `catégories juridiques`."""

    associations: bool = True  # 9210–9260
    foundations: bool = True  # 9300
    local_authorities: bool = True  # 72xx
    epci: bool = True  # 73xx
    ess: bool = True  # social and solidarity economy, any category
    min_employees: int | None = None  # other legal units with at least this many employees

    def keeps(self, category: str, ess: bool, size_band: str) -> bool:
        if self.associations and category.startswith("92"):
            return True
        if self.foundations and category == "9300":
            return True
        if self.local_authorities and category.startswith("72"):
            return True
        if self.epci and category.startswith("73"):
            return True
        if self.ess and ess:
            return True
        if self.min_employees is not None and size_band in SIZE_BAND_MINIMUM:
            return SIZE_BAND_MINIMUM[size_band] >= self.min_employees and size_band != "NN"
        return False


@dataclass(frozen=True)
class SireneRecord:
    siren: str
    siret: str
    name: str
    short_name: str
    world: str
    legal_category: str
    naf: str
    ess: bool
    size_band: str
    status: str
    created_on: dt.date | None
    diffusible: bool
    rna_id: str

    def digest_values(self) -> tuple:
        return (
            self.siret,
            self.name,
            self.short_name,
            self.world,
            self.legal_category,
            self.naf,
            self.ess,
            self.size_band,
            self.status,
            self.created_on.isoformat() if self.created_on else "",
            self.diffusible,
            self.rna_id,
        )


def read_header(line: CsvLine) -> dict[str, int]:
    columns = {name.strip().lower().lstrip("\ufeff"): i for i, name in enumerate(line.values)}
    missing = REQUIRED - columns.keys()
    if missing:
        raise SireneFileError(
            f"not a SIRENE legal-unit stock: missing {', '.join(sorted(missing))}"
        )
    return columns


def world_of(category: str) -> str:
    if category.startswith("92"):
        return World.ASSOCIATION
    if category == "9300":
        return World.FOUNDATION
    if category[:2] in ("71", "72", "73", "74"):
        return World.PUBLIC
    return World.COMPANY


def parse_rows(
    lines: Iterator[CsvLine], *, columns: dict[str, int], file_name: str, selection: Selection
) -> Iterator[SireneRecord | Reject | object]:
    width = len(columns)
    for line in lines:
        if len(line.values) != width:
            yield Reject(
                file_name,
                line.number,
                f"expected {width} fields, found {len(line.values)}",
                line.raw,
            )
            continue
        row = {name: line.values[index] for name, index in columns.items()}
        category = row["categoriejuridiqueunitelegale"]
        ess = row.get("economiesocialesolidaireunitelegale", "") == "O"
        size_band = row.get("trancheeffectifsunitelegale", "")
        if not selection.keeps(category, ess, size_band):
            yield FILTERED
            continue
        siren = row["siren"]
        if not is_siren(siren):
            yield Reject(file_name, line.number, f"invalid SIREN {siren!r}", line.raw)
            continue
        yield _record(row, siren, category, ess, size_band)


def _record(row: dict[str, str], siren: str, category: str, ess: bool, size_band: str):
    diffusible = row["statutdiffusionunitelegale"] != "P"
    person = category == SOLE_TRADER
    if person and not diffusible:
        # INSEE forbids showing the name of a sole trader who opted out: we do not store it.
        name, short_name = "", ""
    elif person:
        name = " ".join(
            part
            for part in (
                row.get("prenomusuelunitelegale") or row.get("prenom1unitelegale", ""),
                row.get("nomusageunitelegale") or row.get("nomunitelegale", ""),
            )
            if part
        )
        short_name = ""
    else:
        name = row["denominationunitelegale"] or row.get("denominationusuelle1unitelegale", "")
        short_name = row.get("sigleunitelegale", "")
    nic = row.get("nicsiegeunitelegale", "")
    rna_id = row.get("identifiantassociationunitelegale", "").upper()
    created = row.get("datecreationunitelegale", "")
    try:
        created_on = dt.date.fromisoformat(created) if created else None
    except ValueError:
        created_on = None
    return SireneRecord(
        siren=siren,
        siret=siren + nic if len(nic) == 5 and nic.isdigit() else "",
        name=" ".join(name.split())[:300] or ("" if not diffusible else siren),
        short_name=short_name[:120],
        world=world_of(category),
        legal_category=category[:4],
        naf=row.get("activiteprincipaleunitelegale", "")[:6],
        ess=ess,
        size_band=size_band if size_band in SizeBand.values else "",
        status=OrganisationStatus.CLOSED
        if row["etatadministratifunitelegale"] == "C"
        else OrganisationStatus.ACTIVE,
        created_on=created_on,
        diffusible=diffusible,
        rna_id=rna_id if RNA_PATTERN.match(rna_id) else "",
    )
