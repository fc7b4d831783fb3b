"""B1 — importing the national RNA files (then the SIRENE stock), against a raw insert of the same
rows.

The files are written by `benchmarks.generate` at `--scale` (1 = ≈1.9 million associations in
the real `rna_waldec` and `rna_import` formats, ≈1.5 million SIRENE legal units). The platform's
import is the `import_rna --commit` command on an empty registry: decoding, parsing, validating,
locating the commune, digesting, and an idempotent upsert batch by batch. Baseline, measured in
the same run on the same engine: the rows the import writes, already parsed and in memory,
inserted into an unindexed table of the same columns in one transaction (`COPY` on PostgreSQL,
batched `executemany` on SQLite). Goal: the import reaches at least 0.5× the baseline's rows/s.

The SIRENE part does the same for `import_sirene --commit` (default selection) run after the RNA
import: its baseline is the raw insert of the legal units it keeps, the rate counts the lines
read (it reads the whole stock and writes the relevant units, bridging associations).

    python -m benchmarks.bench_import_rna --scale 0.1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_import_rna
    python -m benchmarks.bench_import_rna --scale 0.001     # the smoke run of CI
"""

import argparse
import io
import sys
import time
from itertools import islice

from benchmarks import generate
from benchmarks.environment import django_setup, migrate_and_load_reference


def raw_insert(
    model, fields: list[str], rows: list[tuple], *, indexed: bool = False, deferred: bool = False
) -> float:
    """Seconds to insert `rows` into an unindexed copy of `fields`, in one transaction; with
    `indexed`, into the model's real table itself (emptied first), with all its indexes; with
    `deferred` as well, its secondary indexes dropped before and built after (in the time)."""
    from django.db import connection, transaction

    from alliances.registry.services.rna import secondary_indexes_deferred

    table = model._meta.db_table
    columns = [model._meta.get_field(name).column for name in fields]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    target = table if indexed else "bench_raw"
    with connection.cursor() as cursor:
        if indexed:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
            if connection.vendor == "postgresql":
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("DROP TABLE IF EXISTS bench_raw")
            cursor.execute(f"CREATE TABLE bench_raw AS SELECT {quoted} FROM {table} WHERE 1 = 0")  # noqa: S608
    around = secondary_indexes_deferred(deferred)  # the import's own: nothing when False
    started = time.perf_counter()
    with around, transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {target} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            values = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {target} ({quoted}) VALUES ({values})"  # noqa: S608
            iterator = iter(rows)
            while batch := list(islice(iterator, 5000)):
                cursor.executemany(sql, batch)
    elapsed = time.perf_counter() - started
    if not indexed:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE bench_raw")
    return elapsed


def timed_command(*args) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return time.perf_counter() - started, out.getvalue().strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.1, help="1 = national (1.9 M rows)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-sirene", action="store_true", help="Only the RNA import.")
    args = parser.parse_args()

    workdir = django_setup()
    from django.db import connection
    from django.utils import timezone

    from alliances.registry.importers import rna
    from alliances.registry.importers.locate import CommuneLocator
    from alliances.registry.importers.streams import LineDecoder, csv_rows, source_files
    from alliances.registry.models import Organisation
    from alliances.registry.services import rna as rna_service

    migrate_and_load_reference()
    if Organisation.objects.exists():
        sys.exit("this benchmark imports into an empty registry: give it a new database")
    started = time.perf_counter()
    summary = generate.write_files(workdir, scale=args.scale, seed=args.seed)
    generated = time.perf_counter() - started
    paths = sorted((workdir / "rna").glob("*.csv"))
    stock = workdir / "sirene" / "StockUniteLegale_utf8.csv"
    sirene_lines = summary.legal_units + summary.filtered_units
    print(
        f"engine: {connection.vendor}; scale {args.scale}: {summary.rna_rows:,} RNA rows in "
        f"{len(paths)} files, {sirene_lines:,} SIRENE lines, written in {generated:.1f} s"
    )

    # The rows the import writes, parsed off the clock, for the baseline.
    locator = CommuneLocator()
    now = timezone.now()
    rows = []
    for source in source_files(paths):
        with source.open() as handle:
            lines = csv_rows(handle, LineDecoder(), delimiter=";")
            kind, columns = rna.read_header(next(lines)[1])
            for record in rna.parse_rows(
                lines, source=kind, columns=columns, file_name=source.name, locator=locator
            ):
                if isinstance(record, rna.RnaRecord):
                    rows.append(rna_service._row(record, source.name, now))
    baseline = raw_insert(Organisation, rna_service.RNA_FIELDS, rows)

    rejects = workdir / "rejects.csv"
    imported, output = timed_command("import_rna", *paths, "--commit", "--rejects", rejects)
    written = Organisation.objects.count()
    again, _ = timed_command("import_rna", *paths, "--commit", "--rejects", rejects)

    base_rate = len(rows) / baseline
    rate = written / imported
    print(f"baseline raw insert : {baseline:8.2f} s {base_rate:10,.0f} rows/s ({len(rows):,} rows)")
    print(
        f"import_rna --commit : {imported:8.2f} s {rate:10,.0f} rows/s ({written:,} written) "
        f"ratio {rate / base_rate:.2f}x (goal 0.5x)"
    )
    print(f"re-import unchanged : {again:8.2f} s {summary.rna_rows / again:10,.0f} rows/s")
    print(output)
    if written != len(rows):
        sys.exit(f"expected {len(rows)} associations, found {written}")
    rna_baseline = baseline
    if not args.no_sirene:
        sirene_part(workdir, stock, sirene_lines, now)
    # Last (they empty the registry): the same RNA rows, parsed, straight into the real table.
    for label, deferred in (("its indexes kept", False), ("secondary indexes built after", True)):
        floor = raw_insert(
            Organisation, rna_service.RNA_FIELDS, rows, indexed=True, deferred=deferred
        )
        print(
            f"RNA raw insert into the real table ({label}; no Python, no upsert): {floor:.2f} s "
            f"{len(rows) / floor:,.0f} rows/s, ratio {rna_baseline / floor:.2f}x"
        )
    print("(the second is the ceiling of a first import: it builds its secondary indexes after)")


def sirene_part(workdir, stock, sirene_lines: int, now) -> None:
    from alliances.registry.importers import rna, sirene
    from alliances.registry.importers.streams import LineDecoder, csv_rows
    from alliances.registry.models import Organisation
    from alliances.registry.services import sirene as sirene_service

    rejects = workdir / "rejects.csv"

    selection = sirene.Selection()
    kept = []
    with stock.open("rb") as handle:
        lines = csv_rows(handle, LineDecoder(), delimiter=",")
        columns = sirene.read_header(next(lines)[1])
        for record in sirene.parse_rows(
            lines, columns=columns, file_name=stock.name, selection=selection
        ):
            if isinstance(record, sirene.SireneRecord):
                digest = rna.digest(record.digest_values())
                kept.append((*sirene_service._own(record, digest, stock.name, now), None))
    fields = [*sirene_service.OWN_FIELDS, "rna_id"]
    baseline = raw_insert(Organisation, fields, kept)
    before = Organisation.objects.count()
    imported, output = timed_command("import_sirene", stock, "--commit", "--rejects", rejects)
    again, _ = timed_command("import_sirene", stock, "--commit", "--rejects", rejects)
    base_rate = len(kept) / baseline
    rate = len(kept) / imported
    print(f"SIRENE baseline     : {baseline:8.2f} s {base_rate:10,.0f} rows/s ({len(kept):,} rows)")
    print(
        f"import_sirene       : {imported:8.2f} s {rate:10,.0f} rows/s "
        f"({sirene_lines / imported:,.0f} lines/s read; "
        f"{Organisation.objects.count() - before:,} new, the rest bridged to the RNA) "
        f"ratio {rate / base_rate:.2f}x (goal 0.5x)"
    )
    print(f"re-import unchanged : {again:8.2f} s {sirene_lines / again:10,.0f} lines/s")
    print(output)


if __name__ == "__main__":
    main()
