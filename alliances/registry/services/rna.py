"""`rna_import`: upsert associations from RNA extractions, batch by batch.

Each batch is compared with the database through a digest of its meaningful columns, so only
new or changed associations are written, and unchanged ones are counted. Each batch commits on
its own: a killed import, run again, finds what was written unchanged and completes the rest.
"""

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from alliances.core.bulk import upsert_rows
from alliances.core.text import fold
from alliances.registry.enums import World
from alliances.registry.importers import rna
from alliances.registry.importers.locate import CommuneLocator
from alliances.registry.importers.report import ImportReport, Reject, RejectWriter
from alliances.registry.importers.streams import LineDecoder, csv_lines, source_files
from alliances.registry.models import Organisation

BATCH_SIZE = 5000
RNA_FIELDS = [
    "rna_id",
    "name",
    "search_name",
    "short_name",
    "world",
    "waldec_theme",
    "address",
    "postcode",
    "commune",
    "departement",
    "website",
    "status",
    "created_on",
    "closed_on",
    "source",
    "source_file",
    "imported_at",
    "rna_digest",
    "updated_at",
]


def digest(values: tuple) -> str:
    return hashlib.blake2b("\x1f".join(map(str, values)).encode(), digest_size=16).hexdigest()


def rna_import(
    *,
    paths: list[Path],
    commit: bool = False,
    rejects_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read RNA files (or zips of them); with `commit`, upsert the associations by RNA number."""
    files = source_files(paths)
    report = ImportReport(committed=commit)
    locator = CommuneLocator()
    now = timezone.now()
    with RejectWriter(report, rejects_path) as rejects:
        for source in files:
            decoder = LineDecoder()
            with source.open() as handle:
                lines = csv_lines(handle, decoder, delimiter=";")
                header = next(lines, None)
                if header is None:
                    rejects.add(Reject(source.name, 0, "empty file"))
                    continue
                try:
                    kind, columns = rna.read_header(header)
                except rna.RnaFileError as error:
                    rejects.add(Reject(source.name, header.number, str(error), header.raw))
                    continue
                parsed = rna.parse_rows(
                    lines, source=kind, columns=columns, file_name=source.name, locator=locator
                )
                for batch in _batches(parsed, report, rejects):
                    _write(batch, report, commit=commit, file_name=source.name, now=now)
                    if progress:
                        progress(report.read)
            report.encodings[source.name] = decoder.encoding
    return report


def _batches(
    parsed: Iterator[rna.RnaRecord | Reject], report: ImportReport, rejects: RejectWriter
) -> Iterator[dict[str, rna.RnaRecord]]:
    """Batches keyed by RNA number; a number seen twice closes the batch, so the later line wins
    exactly as if lines were applied one by one."""
    batch: dict[str, rna.RnaRecord] = {}
    for item in parsed:
        report.read += 1
        if isinstance(item, Reject):
            rejects.add(item)
            continue
        if item.rna_id in batch or len(batch) >= BATCH_SIZE:
            yield batch
            batch = {}
        batch[item.rna_id] = item
    if batch:
        yield batch


def _write(
    batch: dict[str, rna.RnaRecord],
    report: ImportReport,
    *,
    commit: bool,
    file_name: str,
    now,
) -> None:
    with transaction.atomic():
        known = dict(
            Organisation.objects.filter(rna_id__in=batch.keys()).values_list("rna_id", "rna_digest")
        )
        rows = []
        for rna_id, record in batch.items():
            record_digest = digest(record.digest_values())
            if rna_id not in known:
                report.created += 1
            elif known[rna_id] == record_digest:
                report.unchanged += 1
                continue
            else:
                report.updated += 1
            rows.append(_row(record, record_digest, file_name, now))
        if commit and rows:
            upsert_rows(Organisation, fields=RNA_FIELDS, unique_fields=["rna_id"], rows=rows)


def _row(record: rna.RnaRecord, record_digest: str, file_name: str, now) -> tuple:
    return (
        record.rna_id,
        record.name,
        fold(record.name),
        record.short_name,
        World.ASSOCIATION,
        record.theme,
        record.address,
        record.postcode,
        record.place.commune_id if record.place else None,
        record.place.departement_id if record.place else None,
        record.website,
        record.status,
        record.created_on,
        record.closed_on,
        record.source,
        file_name[:200],
        now,
        record_digest,
        now,
    )
