"""Benchmark: loading the 36,404 territories, against a raw insert of the same rows.

Baseline, measured in the same run on the same database engine: the same rows inserted with one
batched `executemany` (SQLite) or `COPY` (PostgreSQL) into an unindexed table, in one transaction.
The platform's load is an upsert (it must be idempotent) that also resolves parent links and sums
populations, so it is expected to be slower; the ratio says by how much.

    python -m benchmarks.bench_reference_load            # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_reference_load
    python -m benchmarks.bench_reference_load --repeat 1 # the smoke run of CI
"""

import argparse
import os
import statistics
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="alliances-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATA_DIR"] = workdir
    os.environ["DJANGO_SETTINGS_MODULE"] = "alliances.settings.base"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from alliances.core import reference
    from alliances.territories import services
    from alliances.territories.models import Territory

    call_command("migrate", verbosity=0)
    rows = []
    for path in services.FILES:
        for row in reference.read_csv(path):
            rows.append((row["code"], row["name"], row.get("population") or None))

    def baseline() -> float:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_raw")
            cursor.execute(
                "CREATE TABLE bench_raw (code varchar(9), name varchar(200), population integer)"
            )
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy("COPY bench_raw (code, name, population) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany("INSERT INTO bench_raw VALUES (%s, %s, %s)", rows)
        return time.perf_counter() - started

    def platform_load() -> float:
        Territory.objects.update(region=None, departement=None, epci=None, commune=None)
        Territory.objects.all().delete()
        started = time.perf_counter()
        services.territories_load(force=True)
        return time.perf_counter() - started

    def reload_unchanged() -> float:
        started = time.perf_counter()
        services.territories_load()
        return time.perf_counter() - started

    base = statistics.median(baseline() for _ in range(args.repeat))
    load = statistics.median(platform_load() for _ in range(args.repeat))
    noop = statistics.median(reload_unchanged() for _ in range(args.repeat))
    count = Territory.objects.count()
    print(f"engine: {connection.vendor}; rows: {count}; repeat: {args.repeat} (medians)")
    print(f"baseline raw insert : {base:7.3f} s  {len(rows) / base:10,.0f} rows/s")
    ratio = base / load
    print(f"load_reference      : {load:7.3f} s  {count / load:10,.0f} rows/s  ratio {ratio:.2f}x")
    print(f"reload (unchanged)  : {noop:7.3f} s")
    if count != len(rows):
        sys.exit(f"expected {len(rows)} territories, found {count}")


if __name__ == "__main__":
    main()
