"""B2 — the territorial diagnostic at national scale, against a hello-world view of the same app.

Builds a registry at `--scale` (1 = ≈1.9 million associations from the RNA files, ≈1 million
legal units from SIRENE, 100,000 alliances and ≈400,000 memberships), times
`refresh_insights`, then serves the app with gunicorn on 127.0.0.1 (DEBUG off) and loads it from
a second process (`benchmarks.load`) at the same concurrency: first the hello-world JSON view
(the baseline), then the diagnostic API (`/api/v1/territories/<kind>/<code>/diagnostic/`) and
page of France and of territories of every kind. Twice: with the page cache of anonymous
responses (`PAGE_CACHE_SECONDS`, the production default) and without it (every request reads
the read models and renders). Goal: at least 0.5× the baseline's throughput, p95 under 50 ms.

    python -m benchmarks.bench_diagnostic --scale 0.1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_diagnostic
    python -m benchmarks.bench_diagnostic --scale 0.001 --duration 1 --warmup 0.2 --territories 1
                                                                 # the smoke run of CI
"""

import random

from benchmarks import serve
from benchmarks.environment import django_setup, migrate_and_load_reference

KINDS = ("region", "departement", "epci", "commune")
VARIANTS = {"cached": {}, "uncached": {"PAGE_CACHE_SECONDS": "0"}}


def main() -> None:
    parser = serve.server_arguments(__doc__, scale=0.1, port=8111, workers=2, concurrency=8)
    parser.add_argument("--territories", type=int, default=10, help="pages per territory kind")
    args = parser.parse_args()

    workdir = django_setup("benchmarks.settings")
    from django.db import connection

    from alliances.territories.models import Territory

    migrate_and_load_reference()
    print(f"engine: {connection.vendor}; scale {args.scale}", flush=True)
    serve.build_registry(workdir, scale=args.scale, seed=args.seed)

    rng = random.Random(args.seed)
    territories = {"France": [("france", None)]}
    for kind in KINDS:
        codes = sorted(Territory.objects.filter(kind=kind).values_list("code", flat=True))
        territories[kind] = [
            (kind, code) for code in rng.sample(codes, min(args.territories, len(codes)))
        ]
    connection.close()

    def api(kind, code):
        return (
            f"/api/v1/territories/{kind}/{code}/diagnostic/"
            if code
            else ("/api/v1/territories/france/diagnostic/")
        )

    def page(kind, code):
        return (
            f"/territoires/{kind}/{code}/diagnostic/"
            if code
            else ("/territoires/france/diagnostic/")
        )

    targets = {"hello-world JSON (baseline)": ["/bench/hello.json"]}
    for label, items in territories.items():
        targets[f"API {label}"] = [api(*item) for item in items]
    for label, items in territories.items():
        targets[f"page {label}"] = [page(*item) for item in items]

    for variant in [v for _round in range(args.rounds) for v in args.variants.split(",")]:
        with serve.gunicorn(
            workdir, port=args.port, workers=args.workers, env=VARIANTS[variant]
        ) as base:
            serve.warm(base, targets)
            print(
                f"\n{variant}: {args.concurrency} connections, {args.duration:g} s per target, "
                f"gunicorn {args.workers} workers, DEBUG off"
            )
            print(serve.HEADER)
            serve.run_targets(
                base,
                targets,
                concurrency=args.concurrency,
                duration=args.duration,
                warmup=args.warmup,
            )
    print("goal: ratio ≥ 0.5x and p95 < 50 ms")


if __name__ == "__main__":
    main()
