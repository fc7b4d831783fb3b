"""Parser of the RNA extractions (`rna_waldec_*` and `rna_import_*`): lines in, records out.

Pure: it reads nothing from the database except through the commune locator it is given.
"""

import datetime as dt
import hashlib
from collections.abc import Iterator
from operator import itemgetter
from typing import NamedTuple

from alliances.core.text import fold
from alliances.registry.enums import OrganisationStatus, Source, WaldecTheme
from alliances.registry.identifiers import RNA_PATTERN
from alliances.registry.importers.locate import CommuneLocator
from alliances.registry.importers.report import Reject

REQUIRED = {"id", "titre", "position"}
WALDEC_MARKER = "adrs_codeinsee"
IMPORT_MARKER = "libcom"
NO_DATE = "0001-01-01"
ACTIVE = OrganisationStatus.ACTIVE.value
POSITIONS = {
    "A": ACTIVE,
    "D": OrganisationStatus.DISSOLVED.value,
    "S": OrganisationStatus.DELETED.value,
}
THEMES = set(WaldecTheme.values)


class RnaFileError(Exception):
    """The file as a whole cannot be read as an RNA extraction (its header is wrong)."""


class RowError(Exception):
    pass


class RnaRecord(NamedTuple):
    """One association as the registry stores it, with the digest of its meaningful values.

    A tuple rather than a dataclass: imports make millions of them.
    """

    rna_id: str
    name: str
    search_name: str
    short_name: str
    theme: str
    address: str
    postcode: str
    commune_id: int | None
    departement_id: int | None
    website: str
    status: str
    created_on: str | None  # ISO date, validated
    closed_on: str | None
    source: str
    digest: str


def digest(values: tuple) -> str:
    """BLAKE2b of the values joined: equal digests, equal rows (ADR 0006)."""
    return hashlib.blake2b("\x1f".join(map(str, values)).encode(), digest_size=16).hexdigest()


def read_header(values: list[str]) -> tuple[str, dict[str, int]]:
    """Which extraction this is, and where each column is."""
    columns = {name.strip().lower().lstrip("\ufeff"): index for index, name in enumerate(values)}
    missing = REQUIRED - columns.keys()
    if missing:
        raise RnaFileError(f"not an RNA extraction: missing columns {', '.join(sorted(missing))}")
    if WALDEC_MARKER in columns:
        return Source.RNA_WALDEC, columns
    if IMPORT_MARKER in columns:
        return Source.RNA_IMPORT, columns
    raise RnaFileError(f"not an RNA extraction: neither {WALDEC_MARKER} nor {IMPORT_MARKER}")


def parse_rows(
    lines: Iterator[tuple[int, list[str], str]],
    *,
    source: str,
    columns: dict[str, int],
    file_name: str,
    locator: CommuneLocator,
) -> Iterator[RnaRecord | Reject]:
    """Records or rejects from (line number, values, text) as `streams.csv_rows` gives them.

    The hot loop of a national import (1.9 million lines): the columns are looked up once per
    file, each line's values are taken in one `itemgetter` call, and nothing but the record is
    built per line. A column the extraction lacks reads as empty.
    """
    width = len(columns)
    missing = width  # index of the empty value appended to each line

    def at(name: str) -> int:
        return columns.get(name, missing)

    waldec = source == Source.RNA_WALDEC
    if waldec:
        address_columns = [
            "adrs_complement", "adrs_numvoie", "adrs_repetition", "adrs_typevoie",
            "adrs_libvoie", "adrs_distrib", "adrs_codeinsee", "adrs_libcommune",
        ]  # fmt: skip
    else:
        address_columns = ["adr1", "adr2", "adr3", "libcom"]
    take = itemgetter(
        *(
            at(name)
            for name in (
                "id", "titre", "position", "objet_social1", "adrs_codepostal", "titre_court",
                "siteweb", "date_creat", "date_disso", *address_columns,
            )
        )
    )  # fmt: skip
    by_code, by_postcode_and_name = locator.by_insee_code, locator.by_postcode_and_name
    for number, values, text in lines:
        if len(values) != width:
            yield Reject(file_name, number, f"expected {width} fields, found {len(values)}", text)
            continue
        values.append("")
        raw_id, title, raw_position, theme, postcode, short, website, created, closed, *where = (
            take(values)
        )
        try:
            rna_id = raw_id.strip().upper()
            if not RNA_PATTERN.match(rna_id):
                raise RowError(f"invalid RNA number {raw_id.strip()!r}")
            name = " ".join(title.split())
            if not name:
                raise RowError("empty title (titre)")
            position = raw_position.strip().upper()
            status = POSITIONS.get(position)
            if status is None:
                if position:
                    raise RowError(f"unknown position {raw_position.strip()!r}")
                status = ACTIVE
            theme = theme.strip()[:3]
            postcode = postcode.strip()
            if waldec:
                complement, street_number, repetition, street_type, street, distrib = where[:6]
                address = _join(
                    complement,
                    _join(street_number, repetition, street_type, street),
                    distrib,
                    separator=", ",
                )
                place = by_code(where[6].strip())
                if place is None and postcode:
                    place = by_postcode_and_name(postcode, where[7].strip())
            else:
                address = _join(*where[:3], separator=", ")
                place = by_postcode_and_name(postcode, where[3].strip()) if postcode else None
            # Dissolution first: the order the reasons were always given in.
            closed_on = _date(closed, "date_disso")
            created_on = _date(created, "date_creat")
        except RowError as error:
            yield Reject(file_name, number, str(error), text)
            continue
        name = name[:300]
        short_name = " ".join(short.split())[:120]
        theme = theme if theme in THEMES else ""
        address = address[:300]
        head = postcode[:5]
        postcode = head if head.isdigit() or head[:2] in ("2A", "2B") else ""
        commune_id, departement_id = place if place is not None else (None, None)
        website = _website(website)
        if status == ACTIVE:
            closed_on = None
        values = (
            name, short_name, theme, address, postcode, commune_id, website, status,
            created_on or "", closed_on or "",
        )  # fmt: skip
        yield RnaRecord(
            rna_id, name, fold(name), short_name, theme, address, postcode, commune_id,
            departement_id, website, status, created_on, closed_on, source, digest(values),
        )  # fmt: skip


def _join(*parts: str, separator: str = " ") -> str:
    return separator.join(" ".join(part.split()) for part in parts if part and part.strip())


def _date(value: str, column: str) -> str | None:
    value = value.strip()
    if not value or value == NO_DATE:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise RowError(f"invalid date in {column}: {value!r}") from None


def _website(value: str) -> str:
    value = value.strip()
    if not value or " " in value or "." not in value:
        return ""
    if not value.lower().startswith(("http://", "https://")):
        value = "https://" + value
    return value[:200]
