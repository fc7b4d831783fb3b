"""Parser of the RNA extractions (`rna_waldec_*` and `rna_import_*`): lines in, records out.

Pure: it reads nothing from the database except through the commune locator it is given.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from alliances.registry.enums import OrganisationStatus, Source, WaldecTheme
from alliances.registry.identifiers import RNA_PATTERN
from alliances.registry.importers.locate import CommuneLocator, Place
from alliances.registry.importers.report import Reject
from alliances.registry.importers.streams import CsvLine

REQUIRED = {"id", "titre", "position"}
WALDEC_MARKER = "adrs_codeinsee"
IMPORT_MARKER = "libcom"
NO_DATE = "0001-01-01"
POSITIONS = {
    "A": OrganisationStatus.ACTIVE,
    "D": OrganisationStatus.DISSOLVED,
    "S": OrganisationStatus.DELETED,
}
THEMES = set(WaldecTheme.values)


class RnaFileError(Exception):
    """The file as a whole cannot be read as an RNA extraction (its header is wrong)."""


class RowError(Exception):
    pass


@dataclass(frozen=True)
class RnaRecord:
    rna_id: str
    name: str
    short_name: str
    theme: str
    address: str
    postcode: str
    place: Place | None
    website: str
    status: str
    created_on: dt.date | None
    closed_on: dt.date | None
    source: str

    def digest_values(self) -> tuple:
        return (
            self.name,
            self.short_name,
            self.theme,
            self.address,
            self.postcode,
            self.place.commune_id if self.place else None,
            self.website,
            self.status,
            self.created_on.isoformat() if self.created_on else "",
            self.closed_on.isoformat() if self.closed_on else "",
        )


def read_header(line: CsvLine) -> tuple[str, dict[str, int]]:
    """Which extraction this is, and where each column is."""
    columns = {
        name.strip().lower().lstrip("\ufeff"): index for index, name in enumerate(line.values)
    }
    missing = REQUIRED - columns.keys()
    if missing:
        raise RnaFileError(f"not an RNA extraction: missing columns {', '.join(sorted(missing))}")
    if WALDEC_MARKER in columns:
        return Source.RNA_WALDEC, columns
    if IMPORT_MARKER in columns:
        return Source.RNA_IMPORT, columns
    raise RnaFileError(f"not an RNA extraction: neither {WALDEC_MARKER} nor {IMPORT_MARKER}")


def parse_rows(
    lines: Iterator[CsvLine],
    *,
    source: str,
    columns: dict[str, int],
    file_name: str,
    locator: CommuneLocator,
) -> Iterator[RnaRecord | Reject]:
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
        try:
            yield _record(row, source, locator)
        except RowError as error:
            yield Reject(file_name, line.number, str(error), line.raw)


def _record(row: dict[str, str], source: str, locator: CommuneLocator) -> RnaRecord:
    rna_id = row["id"].upper()
    if not RNA_PATTERN.match(rna_id):
        raise RowError(f"invalid RNA number {row['id']!r}")
    name = " ".join(row["titre"].split())
    if not name:
        raise RowError("empty title (titre)")
    position = row["position"].upper()
    if position and position not in POSITIONS:
        raise RowError(f"unknown position {row['position']!r}")
    status = POSITIONS.get(position, OrganisationStatus.ACTIVE)
    theme = row.get("objet_social1", "")[:3]
    if source == Source.RNA_WALDEC:
        address = _join(
            row.get("adrs_complement", ""),
            _join(
                row.get("adrs_numvoie", ""),
                row.get("adrs_repetition", ""),
                row.get("adrs_typevoie", ""),
                row.get("adrs_libvoie", ""),
            ),
            row.get("adrs_distrib", ""),
            separator=", ",
        )
        postcode = row.get("adrs_codepostal", "")
        place = locator.by_insee_code(row.get("adrs_codeinsee", ""))
        if place is None and postcode:
            place = locator.by_postcode_and_name(postcode, row.get("adrs_libcommune", ""))
    else:
        address = _join(
            row.get("adr1", ""), row.get("adr2", ""), row.get("adr3", ""), separator=", "
        )
        postcode = row.get("adrs_codepostal", "")
        place = locator.by_postcode_and_name(postcode, row.get("libcom", "")) if postcode else None
    closed_on = _date(row, "date_disso")
    return RnaRecord(
        rna_id=rna_id,
        name=name[:300],
        short_name=" ".join(row.get("titre_court", "").split())[:120],
        theme=theme if theme in THEMES else "",
        address=address[:300],
        postcode=postcode[:5] if postcode[:5].isdigit() or postcode[:2] in ("2A", "2B") else "",
        place=place,
        website=_website(row.get("siteweb", "")),
        status=status,
        created_on=_date(row, "date_creat"),
        closed_on=closed_on if status != OrganisationStatus.ACTIVE else None,
        source=source,
    )


def _join(*parts: str, separator: str = " ") -> str:
    return separator.join(" ".join(part.split()) for part in parts if part and part.strip())


def _date(row: dict[str, str], column: str) -> dt.date | None:
    value = row.get(column, "")
    if not value or value == NO_DATE:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise RowError(f"invalid date in {column}: {value!r}") from None


def _website(value: str) -> str:
    value = value.strip()
    if not value or " " in value or "." not in value:
        return ""
    if not value.lower().startswith(("http://", "https://")):
        value = "https://" + value
    return value[:200]
