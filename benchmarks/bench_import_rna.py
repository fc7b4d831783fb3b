"""B1 — importing the national RNA files, against a raw insert of the same rows.

The files are written by `benchmarks.generate` at `--scale` (1 = ≈1.9 million associations in
the real `rna_waldec` and `rna_import` formats). The platform's import is the `import_rna
--commit` command on an empty registry: decoding, parsing, validating, locating the commune,
digesting, and an idempotent upsert batch by batch. Baseline, measured in the same run on the same
engine: the rows the import writes, already parsed and in memory, inserted into an unindexed
table of the same columns in one transaction (`COPY` on PostgreSQL, batched `executemany` on
SQLite). Goal: the import reaches at least 0.5× the baseline's rows/s.

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.1, help="1 = national (1.9 M rows)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    workdir = django_setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from alliances.registry.importers import rna
    from alliances.registry.importers.locate import CommuneLocator
    from alliances.registry.importers.streams import LineDecoder, csv_lines, source_files
    from alliances.registry.models import Organisation
    from alliances.registry.services.rna import RNA_FIELDS, _row, digest

    migrate_and_load_reference()
    if Organisation.objects.exists():
        sys.exit("this benchmark imports into an empty registry: give it a new database")
    started = time.perf_counter()
    summary = generate.write_rna(workdir / "rna", scale=args.scale, seed=args.seed)
    generated = time.perf_counter() - started
    paths = sorted((workdir / "rna").glob("*.csv"))
    print(
        f"engine: {connection.vendor}; scale {args.scale}: {summary.rna_rows:,} rows in "
        f"{len(paths)} files, written in {generated:.1f} s"
    )

    # The rows the import writes, parsed off the clock, for the baseline.
    locator = CommuneLocator()
    now = timezone.now()
    rows = []
    for source in source_files(paths):
        with source.open() as handle:
            lines = csv_lines(handle, LineDecoder(), delimiter=";")
            kind, columns = rna.read_header(next(lines))
            for record in rna.parse_rows(
                lines, source=kind, columns=columns, file_name=source.name, locator=locator
            ):
                if isinstance(record, rna.RnaRecord):
                    rows.append(_row(record, digest(record.digest_values()), source.name, now))
    table = Organisation._meta.db_table
    columns = [Organisation._meta.get_field(name).column for name in RNA_FIELDS]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw")
        cursor.execute(f"CREATE TABLE bench_raw AS SELECT {quoted} FROM {table} WHERE 1 = 0")

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY bench_raw ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql = f"INSERT INTO bench_raw VALUES ({', '.join(['%s'] * len(columns))})"
            iterator = iter(rows)
            while batch := list(islice(iterator, 5000)):
                cursor.executemany(sql, batch)
    baseline = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_raw")

    out = io.StringIO()
    started = time.perf_counter()
    call_command(
        "import_rna",
        *paths,
        "--commit",
        "--rejects",
        workdir / "rejects.csv",
        stdout=out,
        stderr=io.StringIO(),
    )
    imported = time.perf_counter() - started
    written = Organisation.objects.count()
    started = time.perf_counter()
    call_command(
        "import_rna",
        *paths,
        "--commit",
        "--rejects",
        workdir / "rejects.csv",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    again = time.perf_counter() - started

    base_rate = len(rows) / baseline
    rate = written / imported
    print(f"baseline raw insert : {baseline:8.2f} s {base_rate:10,.0f} rows/s ({len(rows):,} rows)")
    print(
        f"import_rna --commit : {imported:8.2f} s {rate:10,.0f} rows/s ({written:,} written) "
        f"ratio {rate / base_rate:.2f}x (goal 0.5x)"
    )
    print(f"re-import unchanged : {again:8.2f} s {summary.rna_rows / again:10,.0f} rows/s")
    print(out.getvalue().strip())
    if written != len(rows):
        sys.exit(f"expected {len(rows)} associations, found {written}")


if __name__ == "__main__":
    main()
