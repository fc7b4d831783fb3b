"""B2 — the territorial diagnostic at national scale, against a hello-world view of the same app.

Builds a registry at `--scale` (1 = ≈1.9 million associations from the RNA files, ≈1 million
legal units from SIRENE, 100,000 alliances and ≈400,000 memberships), times
`refresh_insights`, then serves the app with gunicorn on 127.0.0.1 (DEBUG off) and loads it from
a second process (`benchmarks.load`) at the same concurrency: first the hello-world JSON view
(the baseline), then the diagnostic page of France and of territories of every kind. Goal: at
least 0.5× the baseline's throughput, p95 under 50 ms.

    python -m benchmarks.bench_diagnostic --scale 0.1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_diagnostic
    python -m benchmarks.bench_diagnostic --scale 0.001 --duration 1 --warmup 0.2 --territories 1
                                                                 # the smoke run of CI
"""

import argparse
import io
import json
import os
import random
import subprocess
import sys
import time
import urllib.request

from benchmarks import generate
from benchmarks.environment import django_setup, migrate_and_load_reference


def timed(label: str, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{label:<28}: {time.perf_counter() - started:8.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--port", type=int, default=8111)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per target")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured seconds per target")
    parser.add_argument("--territories", type=int, default=10, help="pages per territory kind")
    args = parser.parse_args()

    workdir = django_setup("benchmarks.settings")
    from django.core.management import call_command
    from django.db import connection

    from alliances.registry.models import Membership, Organisation
    from alliances.territories.models import Territory

    migrate_and_load_reference()
    print(f"engine: {connection.vendor}; scale {args.scale}", flush=True)
    summary = timed(
        "generate files", generate.write_files, workdir, scale=args.scale, seed=args.seed
    )
    rna_files = sorted((workdir / "rna").glob("*.csv"))
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    timed(
        "import_rna --commit",
        call_command,
        "import_rna",
        *rna_files,
        "--commit",
        "--rejects",
        workdir / "rna-rejects.csv",
        **quiet,
    )
    timed(
        "import_sirene --commit",
        call_command,
        "import_sirene",
        workdir / "sirene" / "StockUniteLegale_utf8.csv",
        "--commit",
        "--rejects",
        workdir / "sirene-rejects.csv",
        **quiet,
    )
    alliances, memberships = timed(
        "load alliances (bulk)", generate.load_alliances, scale=args.scale, seed=args.seed
    )
    timed("refresh_insights", call_command, "refresh_insights", **quiet)
    print(
        f"registry: {Organisation.objects.count():,} organisations "
        f"({summary.rna_rows:,} RNA lines, {summary.legal_units:,} relevant SIRENE units), "
        f"{alliances:,} alliances, {Membership.objects.count():,} memberships",
        flush=True,
    )

    rng = random.Random(args.seed)
    targets = {
        "hello-world JSON (baseline)": ["/bench/hello.json"],
        "diagnostic France": ["/territoires/france/diagnostic/"],
    }
    for kind in ("region", "departement", "epci", "commune"):
        codes = sorted(Territory.objects.filter(kind=kind).values_list("code", flat=True))
        targets[f"diagnostic {kind}"] = [
            f"/territoires/{kind}/{code}/diagnostic/"
            for code in rng.sample(codes, min(args.territories, len(codes)))
        ]
    connection.close()

    (workdir / "static").mkdir(exist_ok=True)  # no static files are served: WhiteNoise's folder
    base = f"http://127.0.0.1:{args.port}"
    server_env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        # One cache shared by the workers, as in production (CACHE_URL): rendered charts and
        # tables are computed once, not once per worker. Django's default limit of 300 entries
        # would evict them while the benchmark visits territories (see docs/benchmarks.md).
        "CACHE_URL": os.environ.get(
            "CACHE_URL", f"filecache://{workdir / 'cache'}?max_entries=500000"
        ),
    }
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    server = subprocess.Popen(
        [
            gunicorn,
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            "--timeout",
            "120",
            "alliances.wsgi",
        ],
        env=server_env,
    )
    try:
        for _ in range(300):  # up to a minute: each worker imports the whole app first
            try:
                urllib.request.urlopen(base + "/bench/hello.json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("the server did not start")
        for paths in targets.values():  # every page once, so workers have warmed up
            for path in paths:
                urllib.request.urlopen(base + path, timeout=30).read()
        print(
            f"\nload: {args.concurrency} connections, {args.duration:g} s per target, "
            f"gunicorn {args.workers} workers, DEBUG off"
        )
        print(f"{'target':<30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'ratio':>6}")
        baseline = None
        for label, paths in targets.items():
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.load",
                    "--concurrency",
                    str(args.concurrency),
                    "--duration",
                    str(args.duration),
                    *(base + path for path in paths),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(output)
            baseline = baseline or result["rps"]
            print(
                f"{label:<30} {result['rps']:>8.1f} {result['p50'] or 0:>8.1f} "
                f"{result['p95'] or 0:>8.1f} {result['errors']:>6} "
                f"{result['rps'] / baseline:>5.2f}x",
                flush=True,
            )
            if result["errors"]:
                sys.exit(f"{label}: {result['errors']} failed requests")
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"goal: ratio ≥ 0.5x and p95 < 50 ms; memberships loaded: {memberships:,}")


if __name__ == "__main__":
    main()
