"""Parser of INSEE's SIRENE stock of legal units (`StockUniteLegale_utf8.csv`).

Comma-separated, UTF-8, with a header: columns are taken by name. Only the legal units that the
selection keeps come out; the others are counted as filtered out.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from alliances.registry.enums import SIZE_BAND_MINIMUM, OrganisationStatus, SizeBand, World
from alliances.registry.identifiers import RNA_PATTERN, is_siren
from alliances.registry.importers.report import Reject

REQUIRED = {
    "siren",
    "statutdiffusionunitelegale",
    "categoriejuridiqueunitelegale",
    "etatadministratifunitelegale",
    "denominationunitelegale",
}
SOLE_TRADER = "1000"
SIZE_BANDS = frozenset(SizeBand.values)
ACTIVE = OrganisationStatus.ACTIVE.value
CLOSED = OrganisationStatus.CLOSED.value
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


class SireneRecord(NamedTuple):
    """A legal unit as the registry stores it (a tuple: imports make millions of them)."""

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
    created_on: str | None  # ISO date
    diffusible: bool
    rna_id: str

    def digest_values(self) -> tuple:
        return (*self[1:10], self.created_on or "", *self[11:])


def read_header(values: list[str]) -> dict[str, int]:
    columns = {name.strip().lower().lstrip("\ufeff"): i for i, name in enumerate(values)}
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
    lines: Iterator[tuple[int, list[str], str]],
    *,
    columns: dict[str, int],
    file_name: str,
    selection: Selection,
) -> Iterator[SireneRecord | Reject | object]:
    """Records, rejects or `FILTERED` from (line number, values, text) of `streams.csv_rows`.

    Columns are looked up once; a line the selection drops costs a split and three lookups.
    """
    width = len(columns)
    missing = width  # index of the empty value appended to each line
    take = itemgetter(
        *(
            columns.get(name, missing)
            for name in (
                "categoriejuridiqueunitelegale", "economiesocialesolidaireunitelegale",
                "trancheeffectifsunitelegale", "siren", "statutdiffusionunitelegale",
                "prenomusuelunitelegale", "prenom1unitelegale", "nomusageunitelegale",
                "nomunitelegale", "denominationunitelegale", "denominationusuelle1unitelegale",
                "sigleunitelegale", "nicsiegeunitelegale", "identifiantassociationunitelegale",
                "datecreationunitelegale", "activiteprincipaleunitelegale",
                "etatadministratifunitelegale",
            )
        )
    )  # fmt: skip
    keeps = selection.keeps
    worlds: dict[str, str] = {}
    for number, values, text in lines:
        if len(values) != width:
            yield Reject(file_name, number, f"expected {width} fields, found {len(values)}", text)
            continue
        values.append("")
        cells = [value.strip() for value in take(values)]
        category, ess, size_band, siren = cells[:4]
        ess = ess == "O"
        if not keeps(category, ess, size_band):
            yield FILTERED
            continue
        if not _valid_siren(siren):
            yield Reject(file_name, number, f"invalid SIREN {siren!r}", text)
            continue
        world = worlds.get(category)
        if world is None:
            world = worlds[category] = world_of(category)
        yield _record(cells, world)


def _valid_siren(value: str) -> bool:
    """Nine digits and the Luhn key, without `stdnum`'s normalisation for the usual case."""
    if len(value) != 9 or not value.isdigit():
        return is_siren(value)
    total = 0
    for index, char in enumerate(reversed(value)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def _record(cells: list[str], world: str) -> SireneRecord:
    (
        category, ess, size_band, siren, diffusion, usual_first_name, first_name, usage_name,
        last_name, denomination, usual_denomination, acronym, nic, rna_id, created, naf, state,
    ) = cells  # fmt: skip
    diffusible = diffusion != "P"
    person = category == SOLE_TRADER
    if person and not diffusible:
        # INSEE forbids showing the name of a sole trader who opted out: we do not store it.
        name, short_name = "", ""
    elif person:
        name = " ".join(
            part for part in (usual_first_name or first_name, usage_name or last_name) if part
        )
        short_name = ""
    else:
        name = denomination or usual_denomination
        short_name = acronym
    rna_id = rna_id.upper()
    try:
        created_on = dt.date.fromisoformat(created).isoformat() if created else None
    except ValueError:
        created_on = None
    return SireneRecord(
        siren,
        siren + nic if len(nic) == 5 and nic.isdigit() else "",
        " ".join(name.split())[:300] or ("" if not diffusible else siren),
        short_name[:120],
        world,
        category[:4],
        naf[:6],
        ess == "O",
        size_band if size_band in SIZE_BANDS else "",
        CLOSED if state == "C" else ACTIVE,
        created_on,
        diffusible,
        rna_id if RNA_PATTERN.match(rna_id) else "",
    )
