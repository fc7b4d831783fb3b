"""B4's script at a tiny scale: igraph and networkx measure the same graph the same way.

Timings are never asserted here (docs/benchmarks.md); what is checked is that the benchmark
compares like with like: the same graph, the same sampled betweenness on both sides.
"""

import random

import pytest

from alliances.insights.network import territory_graph
from benchmarks import bench_network, generate

pytestmark = pytest.mark.django_db


def test_both_libraries_measure_the_same_graph_alike():
    organisations = bench_network.load_organisations(scale=0.0002)
    assert organisations == sum(
        max(1, round(count * 0.0002)) for count in bench_network.NATIONAL_ORGANISATIONS.values()
    )
    generate.load_alliances(scale=0.002, seed=4)  # 200 alliances
    graph = territory_graph(None)
    n = graph.vcount()
    assert n > 100 and graph.ecount() > 100
    clock = bench_network.Clock()
    pivots = 16
    sources = random.Random(bench_network.SEED).sample(range(n), pivots)
    ours = bench_network.igraph_side(graph, sources, clock)
    theirs = bench_network.networkx_side(
        n, graph.get_edgelist(), graph.es["weight"], sources, clock
    )
    # Raises if any organisation's sampled betweenness differs between the two libraries.
    assert bench_network.check_same_betweenness(ours["betweenness"], theirs["betweenness"]) < 1e-6
    assert ours["degree"][0] == [theirs["degree"][0][node] for node in range(n)]
    assert 0 < ours["leiden"] <= 1 and 0 < theirs["louvain"] <= 1
    assert set(clock.figures) >= {"igraph Leiden (the platform)", "networkx Louvain"}
