"""B3 — public pages under a production server, against a hello-world HTML view of the same app.

Builds a registry at `--scale` with the real commands (as B2 does), then serves the app with
gunicorn (several sync workers, DEBUG off) on 127.0.0.1 and loads it from a second process
(`benchmarks.load`), anonymously, at `--concurrency` keep-alive connections: first the
hello-world HTML view (the baseline), then the home page, the roadmap dashboard, registry
searches, organisation pages, alliance pages and territorial diagnostics. Twice: with the page
cache of anonymous responses (`PAGE_CACHE_SECONDS`, the production default), every page visited
once beforehand, and without it (every request queries the database and renders).
Goals: ≥ 0.4× the baseline's throughput cached, ≥ 0.2× database-backed; p95 < 300 ms at
concurrency 32.

    python -m benchmarks.bench_pages --scale 0.01
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m benchmarks.bench_pages
    python -m benchmarks.bench_pages --scale 0.001 --duration 1 --warmup 0.2   # CI's smoke run
"""

import random

from benchmarks import serve
from benchmarks.environment import django_setup, migrate_and_load_reference

VARIANTS = {"cached": {}, "uncached": {"PAGE_CACHE_SECONDS": "0"}}
SEARCHES = ("association", "sport", "culture", "lyon", "jardin", "solidarite", "ecole", "sante")


def main() -> None:
    parser = serve.server_arguments(__doc__, scale=0.01, port=8112, workers=4, concurrency=32)
    parser.add_argument("--pages", type=int, default=20, help="distinct pages per kind of page")
    args = parser.parse_args()

    workdir = django_setup("benchmarks.settings")
    from django.db import connection

    from alliances.program.models import Programme
    from alliances.registry.models import Alliance, Organisation
    from alliances.territories.models import Territory

    migrate_and_load_reference()
    print(f"engine: {connection.vendor}; scale {args.scale}", flush=True)
    serve.build_registry(workdir, scale=args.scale, seed=args.seed)

    rng = random.Random(args.seed)

    def sample(ids):
        ids = sorted(ids)
        return rng.sample(ids, min(args.pages, len(ids)))

    organisations = sample(
        Organisation.objects.displayable().values_list("pk", flat=True)[: args.pages * 50]
    )
    alliances = sample(Alliance.objects.published().values_list("pk", flat=True)[: args.pages * 50])
    territories = [("france", None)] + [
        (kind, code)
        for kind in ("region", "departement", "epci", "commune")
        for code in sample(Territory.objects.filter(kind=kind).values_list("code", flat=True))[
            : max(1, args.pages // 4)
        ]
    ]
    programme = Programme.objects.order_by("pk").first()
    connection.close()

    targets = {
        "hello-world HTML (baseline)": ["/bench/hello.html"],
        "home": ["/"],
        "dashboard": [f"/feuille-de-route/{programme.slug}/"] if programme else [],
        "search": [f"/registre/?q={word}" for word in SEARCHES],
        "organisation": [f"/organisations/{pk}/" for pk in organisations],
        "alliance": [f"/alliances/{pk}/" for pk in alliances],
        "diagnostic": [
            f"/territoires/{kind}/{code}/diagnostic/" if code else "/territoires/france/diagnostic/"
            for kind, code in territories
        ],
    }
    targets = {label: paths for label, paths in targets.items() if paths}

    summary = {}
    for variant in [v for _round in range(args.rounds) for v in args.variants.split(",")]:
        with serve.gunicorn(
            workdir, port=args.port, workers=args.workers, env=VARIANTS[variant]
        ) as base:
            serve.warm(base, targets)
            print(
                f"\n{variant}: {args.concurrency} connections, {args.duration:g} s per target, "
                f"gunicorn {args.workers} workers, DEBUG off, anonymous"
            )
            print(serve.HEADER)
            summary[variant] = serve.run_targets(
                base,
                targets,
                concurrency=args.concurrency,
                duration=args.duration,
                warmup=args.warmup,
            )
    print("goal: ratio ≥ 0.4x cached, ≥ 0.2x uncached; p95 < 300 ms at concurrency 32")


if __name__ == "__main__":
    main()
