"""`rna_import`: upsert associations from RNA extractions, batch by batch.

Each batch is compared with the database through a digest of its meaningful columns, so only
new or changed associations are written, and unchanged ones are counted. Each batch commits on
its own: a killed import, run again, finds what was written unchanged and completes the rest.
"""

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from alliances.core.bulk import (
    FreshStatistics,
    indexes_built_after_load,
    insert_new_rows,
    read_ahead,
    upsert_rows,
)
from alliances.core.pagecache import bump_after_commit
from alliances.registry.enums import World
from alliances.registry.importers import rna
from alliances.registry.importers.locate import CommuneLocator
from alliances.registry.importers.report import ImportReport, Reject, RejectWriter
from alliances.registry.importers.rna import digest  # noqa: F401  (the SIRENE import's too)
from alliances.registry.importers.streams import LineDecoder, csv_rows, source_files
from alliances.registry.models import Organisation
from alliances.registry.models.organisations import SEARCH_NAME_TRIGRAM_INDEX

BATCH_SIZE = 5000
ASSOCIATION = World.ASSOCIATION.value
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
DIGEST = RNA_FIELDS.index("rna_digest")


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
    statistics = FreshStatistics(Organisation)
    with RejectWriter(report, rejects_path) as rejects, secondary_indexes_deferred(commit):
        rows = _rows(files, report, rejects, locator, now)
        # Lines are read and parsed in a thread while the previous batch is written.
        for batch in read_ahead(_batches(rows, report)):
            _write(batch, report, commit=commit)
            if commit:
                statistics.written(len(batch))
            if progress:
                progress(report.read)
    if commit:  # public pages may show the imported records: the page cache starts afresh
        bump_after_commit()
    return report


def secondary_indexes_deferred(commit: bool):
    """A committed import into an empty table builds the organisations' secondary indexes once at
    its end instead of row by row (also the SIRENE import's; ADR 0015)."""
    if not commit:
        return contextlib.nullcontext(False)
    return indexes_built_after_load(Organisation, postgresql_indexes=SEARCH_NAME_TRIGRAM_INDEX)


def _rows(files, report: ImportReport, rejects: RejectWriter, locator, now) -> Iterator:
    """The rows to write (`RNA_FIELDS`) of every file in turn, or None for a rejected line.

    Batches run across files (each row says which file it came from): a département file of a
    few hundred lines does not cost a transaction of its own.
    """
    for source in files:
        decoder = LineDecoder()
        with source.open() as handle:
            lines = csv_rows(handle, decoder, delimiter=";")
            header = next(lines, None)
            if header is None:
                rejects.add(Reject(source.name, 0, "empty file"))
                continue
            number, values, text = header
            try:
                kind, columns = rna.read_header(values)
            except rna.RnaFileError as error:
                rejects.add(Reject(source.name, number, str(error), text))
                continue
            file_name = source.name[:200]
            for item in rna.parse_rows(
                lines, source=kind, columns=columns, file_name=source.name, locator=locator
            ):
                if type(item) is Reject:
                    rejects.add(item)
                    yield None
                else:
                    yield _row(item, file_name, now)
        report.encodings[source.name] = decoder.encoding


def _batches(rows: Iterator, report: ImportReport) -> Iterator[dict[str, tuple]]:
    """Batches keyed by RNA number; a number seen twice closes the batch, so the later line wins
    exactly as if lines were applied one by one."""
    batch: dict[str, tuple] = {}
    read = 0
    for row in rows:
        read += 1
        if row is None:
            continue
        rna_id = row[0]
        if rna_id in batch or len(batch) >= BATCH_SIZE:
            report.read += read
            read = 0
            yield batch
            batch = {}
        batch[rna_id] = row
    report.read += read
    if batch:
        yield batch


def _write(batch: dict[str, tuple], report: ImportReport, *, commit: bool) -> None:
    with transaction.atomic():
        known = dict(
            Organisation.objects.filter(rna_id__in=batch.keys()).values_list("rna_id", "rna_digest")
        )
        if known:
            unchanged = [
                rna_id for rna_id, row in batch.items() if known.get(rna_id) == row[DIGEST]
            ]
            report.unchanged += len(unchanged)
            for rna_id in unchanged:
                del batch[rna_id]
        changed = [row for rna_id, row in batch.items() if rna_id in known]
        new = [row for rna_id, row in batch.items() if rna_id not in known]
        report.updated += len(changed)
        report.created += len(new)
        if not commit:
            return
        if changed:
            upsert_rows(Organisation, fields=RNA_FIELDS, unique_fields=["rna_id"], rows=changed)
        if new:  # straight in: on PostgreSQL a `COPY` into the table
            insert_new_rows(Organisation, fields=RNA_FIELDS, unique_fields=["rna_id"], rows=new)


def _row(record: rna.RnaRecord, file_name: str, now) -> tuple:
    """The columns of `RNA_FIELDS`, in order."""
    (
        rna_id, name, search_name, short_name, theme, address, postcode, commune_id,
        departement_id, website, status, created_on, closed_on, source, record_digest,
    ) = record  # fmt: skip
    return (
        rna_id, name, search_name, short_name, ASSOCIATION, theme, address, postcode,
        commune_id, departement_id, website, status, created_on, closed_on, source, file_name,
        now, record_digest, now,
    )  # fmt: skip
