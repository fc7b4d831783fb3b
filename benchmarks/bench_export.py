"""B5 — the full open-data export of organisations, against a raw dump of the same rows.

The registry is built at `--scale` with the real imports (the generated RNA files, then the
SIRENE stock). Then, in the same run on the same engine:

- baseline: the same rows and columns (what the public file holds, joins to the commune and
  département codes included) dumped by the database itself — `COPY (SELECT …) TO STDOUT WITH
  CSV` on PostgreSQL, a raw cursor fetched into `csv.writer` on SQLite;
- the platform: the organisations dataset written as the public CSV (`opendata.writers`, with
  the protection against formula injection and the masking of non-diffusible legal units), then
  as the XLSX sheet, then the whole `export_opendata` command (every dataset, both formats, the
  Data Package and the DCAT catalogue).

Goal: the CSV export reaches at least 0.25× the baseline's rows/s.

    python -m benchmarks.bench_export --scale 0.1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_export
    python -m benchmarks.bench_export --scale 0.001 --repeat 1 --no-xlsx   # CI's smoke run
"""

import argparse
import csv
import io
import statistics
import sys
import time

from benchmarks import generate
from benchmarks.environment import django_setup, migrate_and_load_reference

BASELINE_SQL = """
SELECT o.id, o.name, o.diffusible, o.world, o.siren, o.siret, o.rna_id, c.code, d.code,
       o.status, o.ess, o.created_on, o.closed_on, o.website
FROM registry_organisation o
LEFT JOIN territories_territory c ON c.id = o.commune_id
LEFT JOIN territories_territory d ON d.id = o.departement_id
WHERE o.status <> 'deleted'
ORDER BY o.id
"""


def baseline(path) -> int:
    """The raw dump; returns the number of rows."""
    from django.db import connection

    rows = 0
    with connection.cursor() as cursor, path.open("wb") as handle:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY ({BASELINE_SQL}) TO STDOUT WITH (FORMAT csv)") as copy:
                for block in copy:
                    handle.write(block)
                    rows += 1
            return rows
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        cursor.execute(BASELINE_SQL)
        while chunk := cursor.fetchmany(2000):
            writer.writerows(chunk)
            rows += len(chunk)
        text.flush()
        text.detach()
    return rows


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.1, help="1 = national")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the CSV measures (median)")
    parser.add_argument(
        "--no-xlsx", action="store_true", help="skip the XLSX and whole-export measures (slow)"
    )
    args = parser.parse_args()

    workdir = django_setup()
    from django.core.management import call_command
    from django.db import connection

    from alliances.opendata.datasets import ORGANISATIONS
    from alliances.opendata.writers import write_csv, write_xlsx
    from alliances.registry.importers.sirene import Selection
    from alliances.registry.models import Organisation
    from alliances.registry.services.rna import rna_import
    from alliances.registry.services.sirene import sirene_import

    migrate_and_load_reference()  # an existing registry is fine: the imports upsert into it
    started = time.perf_counter()
    generate.write_files(workdir, scale=args.scale, seed=args.seed)
    rna_import(paths=sorted((workdir / "rna").glob("*.csv")), commit=True)
    sirene_import(
        path=workdir / "sirene" / "StockUniteLegale_utf8.csv", selection=Selection(), commit=True
    )
    print(
        f"engine: {connection.vendor}; scale {args.scale}: registry of "
        f"{Organisation.objects.count():,} organisations built in "
        f"{time.perf_counter() - started:.1f} s; CSV measures: median of {args.repeat} runs"
    )

    raw, rows = timed(lambda: baseline(workdir / "baseline.csv"), args.repeat)
    csv_time, written = timed(lambda: write_csv(workdir / "o.csv", ORGANISATIONS), args.repeat)
    if written != rows:
        sys.exit(f"the export wrote {written} rows, the baseline {rows}")
    base_rate = rows / raw
    print(f"baseline raw dump   : {raw:8.2f} s {base_rate:10,.0f} rows/s ({rows:,} rows)")
    rate = rows / csv_time
    print(
        f"organisations.csv   : {csv_time:8.2f} s {rate:10,.0f} rows/s "
        f"ratio {rate / base_rate:.2f}x (goal 0.25x)"
    )
    if args.no_xlsx:
        return
    # Once each: openpyxl writes a few hundred to a few thousand rows a second.
    xlsx_time, _ = timed(lambda: write_xlsx(workdir / "o.xlsx", ORGANISATIONS), 1)
    rate = rows / xlsx_time
    print(
        f"organisations.xlsx  : {xlsx_time:8.2f} s {rate:10,.0f} rows/s "
        f"ratio {rate / base_rate:.2f}x (one run)"
    )
    out = io.StringIO()
    whole, _ = timed(
        lambda: call_command("export_opendata", "--output", workdir / "opendata", stdout=out), 1
    )
    print(f"export_opendata     : {whole:8.2f} s (every dataset, CSV and XLSX, package, catalogue)")
    print(out.getvalue().strip().splitlines()[-1])


if __name__ == "__main__":
    main()
