"""B4 — network analytics on the national alliance graph: our igraph path against networkx.

Builds a registry at `--scale` (1 = ≈2.3 million organisations in the worlds' national
proportions, 100,000 alliances and ≈400,000 memberships from `generate.load_alliances`), builds
the organisation–organisation graph of France the way the platform does (`territory_graph`: the
database counts the shared alliances of each pair), then measures the same graph in the same run
with igraph and with networkx:

- degree (partners) and strength (shared alliances);
- betweenness from the same `--pivots` sources drawn with a fixed seed, on both sides (igraph's
  `betweenness(sources=…)`, networkx's `betweenness_centrality_subset(sources=…, targets=all)`:
  Brandes's algorithm from those sources, what `betweenness_centrality(k=…)` does before its
  rescaling), exact when the graph has no more nodes than pivots; the results are checked equal;
- communities: igraph Leiden (what the platform runs) and igraph Louvain against networkx Louvain
  (networkx has no Leiden of its own), with their modularity.

Goal: igraph at least 10× faster than networkx on the whole set.

    python -m benchmarks.bench_network --scale 0.1
    python -m benchmarks.bench_network --scale 1 --pivots 32
    python -m benchmarks.bench_network --scale 0.001          # the smoke run of CI
"""

import argparse
import math
import random
import time

from benchmarks import generate
from benchmarks.environment import django_setup, migrate_and_load_reference

# Organisations of each world in the national registry (RNA associations, then the SIRENE units
# of the generator: foundations 9300, local authorities and public bodies, ESS companies).
NATIONAL_ORGANISATIONS = {
    "association": generate.NATIONAL_ASSOCIATIONS,
    "company": 360_000,
    "public": 60_000,
    "foundation": 10_000,
}
SEED = 17


class Clock:
    def __init__(self):
        self.figures: dict[str, float] = {}

    def __call__(self, label: str, function, *args, **kwargs):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        self.figures[label] = time.perf_counter() - started
        print(f"{label:<40}: {self.figures[label]:9.2f} s", flush=True)
        return result


def load_organisations(*, scale: float) -> int:
    """Insert the organisations the alliances are drawn from: name and world only, the other
    columns take their database defaults (B1 measures the real imports; this is a fixture).
    Raw `executemany` in one transaction per world: the ORM's `bulk_create` took minutes here."""
    from django.db import connection, transaction

    from alliances.registry.models import Organisation

    table = connection.ops.quote_name(Organisation._meta.db_table)
    sql = f"INSERT INTO {table} (name, search_name, world) VALUES (%s, %s, %s)"
    total = 0
    for world, national in NATIONAL_ORGANISATIONS.items():
        count = max(1, round(national * scale))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, ((f"{world} {n}", f"{world} {n}", world) for n in range(count)))
        total += count
    return total


def igraph_side(graph, pivots: list[int], clock: Clock) -> dict:
    from alliances.insights.network import seeded

    result = {}
    result["degree"] = clock("igraph degree + strength", _igraph_degree, graph)
    result["betweenness"] = clock(
        "igraph betweenness (pivots)", graph.betweenness, directed=False, sources=pivots
    )
    with seeded():
        leiden = clock(
            "igraph Leiden (the platform)",
            graph.community_leiden,
            objective_function="modularity",
            weights="weight",
            n_iterations=5,
        )
        louvain = clock("igraph Louvain", graph.community_multilevel, weights="weight")
    result["leiden"] = graph.modularity(leiden.membership, weights="weight")
    result["louvain"] = graph.modularity(louvain.membership, weights="weight")
    return result


def _igraph_degree(graph):
    return graph.degree(), graph.strength(weights="weight")


def networkx_side(n: int, edges, weights, sources: list[int] | None, clock: Clock) -> dict:
    import networkx as nx

    def build():
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        rows = zip(edges, weights, strict=True)
        graph.add_weighted_edges_from((source, target, weight) for (source, target), weight in rows)
        return graph

    graph = clock("networkx graph from the edge list", build)
    result = {}
    result["degree"] = clock(
        "networkx degree + strength",
        lambda: (dict(graph.degree()), dict(graph.degree(weight="weight"))),
    )
    # Brandes from the same sources, dependencies accumulated over every target: networkx's
    # sampled betweenness (`k=…`) without its version-dependent rescaling.
    result["betweenness"] = clock(
        "networkx betweenness (pivots)",
        nx.betweenness_centrality_subset,
        graph,
        sources=list(range(n)) if sources is None else sources,
        targets=list(range(n)),
        normalized=False,
    )
    communities = clock(
        "networkx Louvain",
        nx.community.louvain_communities,
        graph,
        weight="weight",
        seed=random.Random(SEED),
    )
    result["louvain"] = nx.community.modularity(graph, communities, weight="weight")
    return result


def check_same_betweenness(ours: list[float], theirs: dict) -> float:
    """The largest relative difference between the two results; exits if it is not negligible."""
    worst = 0.0
    for node, value in enumerate(ours):
        worst = max(worst, abs(value - theirs[node]) / max(1.0, abs(theirs[node])))
    if worst > 1e-6:
        raise SystemExit(f"igraph and networkx betweenness differ (relative error {worst:.2e})")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument(
        "--pivots", type=int, default=64, help="betweenness sources sampled (same on both sides)"
    )
    parser.add_argument(
        "--skip-platform",
        action="store_true",
        help="skip timing the platform's own measure() (betweenness over paths of ≤ 3 ties)",
    )
    args = parser.parse_args()

    django_setup("benchmarks.settings")
    from django.db import connection

    from alliances.insights.network import territory_graph

    clock = Clock()
    migrate_and_load_reference()
    print(f"engine: {connection.vendor}; scale {args.scale}", flush=True)
    organisations = clock("load organisations (bulk)", load_organisations, scale=args.scale)
    alliances, memberships = clock(
        "load alliances (bulk)", generate.load_alliances, scale=args.scale, seed=args.seed
    )
    graph = clock("graph of France from the database", territory_graph, None)
    n, m = graph.vcount(), graph.ecount()
    components = graph.connected_components()
    print(
        f"registry: {organisations:,} organisations, {alliances:,} alliances, "
        f"{memberships:,} memberships → graph of {n:,} organisations and {m:,} ties "
        f"({len(components):,} connected groups, "
        f"the largest {max(components.sizes(), default=0):,})",
        flush=True,
    )
    if n < 3:
        raise SystemExit("the graph is too small to measure")
    pivots = min(args.pivots, n)
    # One draw of sources for both: they compute exactly the same (sampled) betweenness.
    sources = random.Random(SEED).sample(range(n), pivots) if pivots < n else None
    print(
        f"betweenness: {'exact' if sources is None else f'{pivots} pivots sampled (seed {SEED})'}"
        "\n",
        flush=True,
    )

    ours = igraph_side(graph, sources, clock)
    edges, weights = graph.get_edgelist(), graph.es["weight"]
    theirs = networkx_side(n, edges, weights, sources, clock)
    worst = check_same_betweenness(ours["betweenness"], theirs["betweenness"])
    assert ours["degree"][0] == [theirs["degree"][0][node] for node in range(n)]

    if not args.skip_platform:
        from alliances.insights.network import measure

        # For information, not in the ratio: what a refresh runs on this graph (betweenness
        # over paths of at most three ties on every source above 2,000 organisations, Leiden,
        # bridges between worlds).
        clock("the platform's measure() (information)", measure, graph)
    f = clock.figures
    igraph_total = (
        f["igraph degree + strength"]
        + f["igraph betweenness (pivots)"]
        + f["igraph Leiden (the platform)"]
    )
    networkx_total = (
        f["networkx degree + strength"] + f["networkx betweenness (pivots)"] + f["networkx Louvain"]
    )
    like_for_like = (
        f["igraph degree + strength"] + f["igraph betweenness (pivots)"] + f["igraph Louvain"]
    )
    print(
        f"\nbetweenness identical on both sides (largest relative difference {worst:.1e})"
        f"\nmodularity: igraph Leiden {ours['leiden']:.3f}, igraph Louvain {ours['louvain']:.3f},"
        f" networkx Louvain {theirs['louvain']:.3f}"
    )
    print(f"{'':<40}  {'igraph s':>9} {'networkx s':>10} {'ratio':>8}")
    rows = [
        ("degree + strength", "igraph degree + strength", "networkx degree + strength"),
        ("betweenness", "igraph betweenness (pivots)", "networkx betweenness (pivots)"),
        ("communities (Leiden vs Louvain)", "igraph Leiden (the platform)", "networkx Louvain"),
        ("communities (Louvain vs Louvain)", "igraph Louvain", "networkx Louvain"),
    ]
    for label, left, right in rows:
        print(f"{label:<40}  {f[left]:>9.3f} {f[right]:>10.3f} {_ratio(f[right], f[left]):>8}")
    print(
        f"{'all three (the platform: Leiden)':<40}  {igraph_total:>9.3f} {networkx_total:>10.3f}"
        f" {_ratio(networkx_total, igraph_total):>8}"
    )
    print(
        f"{'all three (Louvain both sides)':<40}  {like_for_like:>9.3f} {networkx_total:>10.3f}"
        f" {_ratio(networkx_total, like_for_like):>8}"
    )
    print("goal: igraph ≥ 10× faster than networkx")


def _ratio(slow: float, fast: float) -> str:
    if fast <= 0:
        return "∞"
    value = slow / fast
    return f"{value:.1f}x" if math.isfinite(value) else "∞"


if __name__ == "__main__":
    main()
