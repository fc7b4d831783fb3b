"""Serving the app under gunicorn on loopback and loading it from a second process.

Shared by the web benchmarks (B2 `bench_diagnostic`, B3 `bench_pages`): the same server settings,
the same load generator (`benchmarks.load`), the same table of results.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks import generate


def server_arguments(description: str, **defaults):
    """The options every served benchmark takes (B2, B3), with its own defaults."""
    import argparse

    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=defaults["scale"])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--port", type=int, default=defaults["port"])
    parser.add_argument("--workers", type=int, default=defaults["workers"])
    parser.add_argument("--concurrency", type=int, default=defaults["concurrency"])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per target")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured seconds per target")
    parser.add_argument(
        "--variants", default="cached,uncached", help="cached, uncached or both (default)"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="measure every variant this many times"
    )
    return parser


def timed(label: str, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{label:<28}: {time.perf_counter() - started:8.2f} s", flush=True)
    return result


def build_registry(workdir: Path, *, scale: float, seed: int) -> dict:
    """The national registry at `scale`, built with the real commands, then refreshed."""
    from django.core.management import call_command

    from alliances.registry.models import Membership, Organisation

    summary = timed("generate files", generate.write_files, workdir, scale=scale, seed=seed)
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    timed(
        "import_rna --commit",
        call_command,
        "import_rna",
        *sorted((workdir / "rna").glob("*.csv")),
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
    alliances, _memberships = timed(
        "load alliances (bulk)", generate.load_alliances, scale=scale, seed=seed
    )
    timed("refresh_insights", call_command, "refresh_insights", **quiet)
    counts = {
        "organisations": Organisation.objects.count(),
        "rna_rows": summary.rna_rows,
        "legal_units": summary.legal_units,
        "alliances": alliances,
        "memberships": Membership.objects.count(),
    }
    print(
        f"registry: {counts['organisations']:,} organisations ({counts['rna_rows']:,} RNA lines, "
        f"{counts['legal_units']:,} relevant SIRENE units), {alliances:,} alliances, "
        f"{counts['memberships']:,} memberships",
        flush=True,
    )
    return counts


@contextlib.contextmanager
def gunicorn(workdir: Path, *, port: int, workers: int, env: dict | None = None):
    """The app under gunicorn (sync workers, DEBUG off) on 127.0.0.1:`port`; yields its base URL.

    `env` adds to the server's environment (e.g. `PAGE_CACHE_SECONDS=0` for the uncached
    variant, `CACHE_URL`).
    """
    from django.core.cache import cache

    (workdir / "static").mkdir(exist_ok=True)  # no static files are served: WhiteNoise's folder
    # Each served run starts from an empty cache: a shared Redis database (`CACHE_URL`) may still
    # hold the pages and charts of an earlier run, on another engine or at another scale.
    cache.clear()
    base = f"http://127.0.0.1:{port}"
    server_env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        # The load generator is one client: the API's per-client throttle would answer 429. The
        # counters are still incremented at every request, as in production.
        "API_THROTTLE_ANON": "100000000/min",
        "API_THROTTLE_USER": "100000000/min",
        # One cache shared by the workers, as in production (CACHE_URL): rendered charts, tables
        # and pages are computed once, not once per worker. Django's default limit of 300
        # entries would evict them while the benchmark visits territories.
        "CACHE_URL": os.environ.get(
            "CACHE_URL", f"filecache://{workdir / 'cache'}?max_entries=500000"
        ),
        **(env or {}),
    }
    command = [
        os.path.join(os.path.dirname(sys.executable), "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        # Each worker imports the whole app before its first heartbeat: on a busy machine that
        # takes minutes, and a shorter timeout kills workers while they boot.
        "--timeout",
        "300",
        "--graceful-timeout",
        "10",
        "alliances.wsgi",
    ]
    server = subprocess.Popen(command, env=server_env)
    try:
        for _ in range(1500):  # minutes on a busy machine: each worker imports the whole app
            try:
                urllib.request.urlopen(base + "/bench/hello.json", timeout=5).read()
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit("the server stopped")
                time.sleep(0.2)
        else:
            sys.exit("the server did not start")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # an overloaded machine: do not wait any longer
            server.kill()
            server.wait()


def warm(base: str, targets: dict[str, list[str]], *, rounds: int = 1) -> None:
    """Request every page `rounds` times, so that workers (and caches) have warmed up."""
    for _ in range(rounds):
        for paths in targets.values():
            for path in paths:
                urllib.request.urlopen(base + path, timeout=60).read()


def load(base: str, paths: list[str], *, concurrency: int, duration: float, warmup: float):
    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.load",
            "--concurrency",
            str(concurrency),
            "--duration",
            str(duration),
            "--warmup",
            str(warmup),
            *(base + path for path in paths),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


HEADER = f"{'target':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'ratio':>6}"


def run_targets(
    base: str,
    targets: dict[str, list[str]],
    *,
    concurrency: int,
    duration: float,
    warmup: float,
    baseline: float | None = None,
) -> dict[str, dict]:
    """Load each target in turn; the first one is the baseline unless `baseline` is given."""
    results = {}
    for label, paths in targets.items():
        result = load(base, paths, concurrency=concurrency, duration=duration, warmup=warmup)
        baseline = baseline or result["rps"] or None
        result["ratio"] = result["rps"] / baseline if baseline else 0.0
        results[label] = result
        print(
            f"{label:<34} {result['rps']:>8.1f} {result['p50'] or 0:>8.1f} "
            f"{result['p95'] or 0:>8.1f} {result['errors']:>6} {result['ratio']:>5.2f}x",
            flush=True,
        )
        if result["errors"]:
            sys.exit(f"{label}: {result['errors']} failed requests")
    return results
