"""`sirene_import`: upsert legal units from INSEE's SIRENE stock, bridging associations to the RNA.

A legal unit whose `identifiantAssociationUniteLegale` names an association already imported
from the RNA is attached to it (SIREN, SIRET, legal category, NAF…) instead of creating a second
record; the association keeps its RNA name and status.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from alliances.core.bulk import (
    FreshStatistics,
    insert_new_rows,
    read_ahead,
    update_rows,
    upsert_rows,
)
from alliances.core.pagecache import bump_after_commit
from alliances.core.text import fold
from alliances.registry.enums import Source
from alliances.registry.importers import sirene
from alliances.registry.importers.report import ImportReport, Reject, RejectWriter
from alliances.registry.importers.streams import LineDecoder, csv_rows, source_files
from alliances.registry.models import Organisation
from alliances.registry.services.rna import digest, secondary_indexes_deferred

BATCH_SIZE = 5000
SIRENE = Source.SIRENE.value
# Columns the registry owns for a legal unit, written when SIRENE is the record's source.
OWN_FIELDS = [
    "siren",
    "siret",
    "name",
    "search_name",
    "short_name",
    "world",
    "legal_category",
    "naf",
    "ess",
    "size_band",
    "status",
    "created_on",
    "diffusible",
    "source",
    "source_file",
    "imported_at",
    "sirene_digest",
    "sirene_rna_id",
    "updated_at",
]
# Columns written on an association that came from the RNA: its name and status stay the RNA's.
BRIDGE_FIELDS = [
    "siren",
    "siret",
    "legal_category",
    "naf",
    "ess",
    "size_band",
    "sirene_digest",
    "sirene_rna_id",
    "updated_at",
]


def sirene_import(
    *,
    path: Path,
    selection: sirene.Selection,
    commit: bool = False,
    rejects_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    report = ImportReport(committed=commit)
    now = timezone.now()
    statistics = FreshStatistics(Organisation)
    with RejectWriter(report, rejects_path) as rejects, secondary_indexes_deferred(commit):
        for source in source_files([path]):
            decoder = LineDecoder()
            with source.open() as handle:
                lines = csv_rows(handle, decoder, delimiter=",")
                header = next(lines, None)
                try:
                    if header is None:
                        raise sirene.SireneFileError("empty file")
                    columns = sirene.read_header(header[1])
                except sirene.SireneFileError as error:
                    rejects.add(Reject(source.name, 1, str(error)))
                    continue
                parsed = sirene.parse_rows(
                    lines, columns=columns, file_name=source.name, selection=selection
                )
                # Lines are parsed in a thread while the previous batch is written.
                for batch in read_ahead(_batches(parsed, report, rejects)):
                    _write(batch, report, commit=commit, file_name=source.name[:200], now=now)
                    if commit:
                        statistics.written(len(batch))
                    if progress:
                        progress(report.read)
            report.encodings[source.name] = decoder.encoding
    if commit:  # public pages may show the imported records: the page cache starts afresh
        bump_after_commit()
    return report


def _batches(parsed, report: ImportReport, rejects: RejectWriter) -> Iterator[dict]:
    batch: dict[str, sirene.SireneRecord] = {}
    filtered = sirene.FILTERED
    for item in parsed:
        report.read += 1
        if item is filtered:
            report.skipped += 1
            continue
        if type(item) is Reject:
            rejects.add(item)
            continue
        siren = item[0]
        if siren in batch or len(batch) >= BATCH_SIZE:
            yield batch
            batch = {}
        batch[siren] = item
    if batch:
        yield batch


def _write(batch: dict, report: ImportReport, *, commit: bool, file_name: str, now) -> None:
    with transaction.atomic():
        by_siren = {
            row[0]: row[1:]
            for row in Organisation.objects.filter(siren__in=batch.keys()).values_list(
                "siren", "sirene_digest", "rna_id", "id"
            )
        }
        wanted_rna = {r.rna_id for r in batch.values() if r.rna_id and r.siren not in by_siren}
        by_rna = (
            {
                rna_id: (siren, pk)
                for rna_id, siren, pk in Organisation.objects.filter(
                    rna_id__in=wanted_rna
                ).values_list("rna_id", "siren", "id")
            }
            if wanted_rna
            else {}
        )
        own, bridges, new = [], [], []
        rna_taken: set[str] = set()
        for siren, record in batch.items():
            record_digest = digest(record.digest_values())
            if siren in by_siren:
                known_digest, known_rna, pk = by_siren[siren]
                if known_digest == record_digest:
                    report.unchanged += 1
                    continue
                report.updated += 1
                if known_rna:
                    bridges.append(_bridge(pk, record, record_digest, now))
                else:
                    own.append(_own(record, record_digest, file_name, now))
            elif record.rna_id in by_rna and by_rna[record.rna_id][0] is None:
                report.updated += 1  # the association exists, from the RNA, without its SIREN
                bridges.append(_bridge(by_rna[record.rna_id][1], record, record_digest, now))
            else:
                report.created += 1
                takes_rna = (
                    bool(record.rna_id)
                    and record.rna_id not in by_rna
                    and record.rna_id not in rna_taken
                )
                if takes_rna:
                    rna_taken.add(record.rna_id)
                row = _own(record, record_digest, file_name, now)
                new.append((*row, record.rna_id if takes_rna else None))
        if not commit:
            return
        if own:
            upsert_rows(Organisation, fields=OWN_FIELDS, unique_fields=["siren"], rows=own)
        if new:  # straight in: on PostgreSQL a `COPY` into the table
            insert_new_rows(
                Organisation, fields=[*OWN_FIELDS, "rna_id"], unique_fields=["siren"], rows=new
            )
        if bridges:
            update_rows(Organisation, fields=BRIDGE_FIELDS, key="id", rows=bridges)


def _own(record: sirene.SireneRecord, record_digest: str, file_name: str, now) -> tuple:
    """The columns of `OWN_FIELDS`, in order."""
    r = record
    return (
        r.siren, r.siret, r.name, fold(r.name), r.short_name, r.world, r.legal_category, r.naf,
        r.ess, r.size_band, r.status, r.created_on, r.diffusible, SIRENE, file_name, now,
        record_digest, r.rna_id, now,
    )  # fmt: skip


def _bridge(pk: int, record: sirene.SireneRecord, record_digest: str, now) -> tuple:
    """The columns of `BRIDGE_FIELDS`, in order, then the primary key."""
    r = record
    return (
        r.siren, r.siret, r.legal_category, r.naf, r.ess, r.size_band, record_digest, r.rna_id,
        now, pk,
    )  # fmt: skip
