"""The alliance network: organisations linked by the published alliances they share.

The graph is built from two set-based queries (the members, and the pairs of members with the
number of alliances they share, counted by the database), then measured with igraph. Nothing here
writes: `services/network.py` stores the measures as a read model.
"""

import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import igraph
from django.db.models import Count, F, QuerySet

from alliances.insights.models import AllianceReach
from alliances.registry.enums import OrganisationStatus, Publication
from alliances.registry.models import Membership
from alliances.territories.models import Territory

# Above this many organisations, betweenness counts only paths of at most BETWEENNESS_CUTOFF
# ties: exact betweenness costs O(nodes × ties) — measured at 8 s for 5,000 organisations and
# 17,000 ties, against 1.2 s with the cutoff (docs/network.md).
EXACT_BETWEENNESS_LIMIT = 2_000
BETWEENNESS_CUTOFF = 3
LEIDEN_ITERATIONS = 5
SEED = 17
LISTED = [status for status in OrganisationStatus if status != OrganisationStatus.DELETED]


@contextmanager
def seeded() -> Iterator[None]:
    """igraph's random choices (Leiden, layouts) drawn from a fixed seed: same data, same result."""
    igraph.set_random_number_generator(random.Random(SEED))  # noqa: S311 — not for secrets
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def memberships(territory: Territory | None) -> QuerySet:
    """Memberships of published alliances touching the territory (all of them for France)."""
    rows = Membership.objects.filter(alliance__publication=Publication.PUBLISHED).exclude(
        organisation__status=OrganisationStatus.DELETED
    )
    if territory is not None:
        rows = rows.filter(
            alliance__in=AllianceReach.objects.filter(territory=territory).values("alliance_id")
        )
    return rows


def organisation_ids(territory: Territory | None) -> list[int]:
    return [pk for pk, _world in organisation_worlds(territory)]


def organisation_worlds(territory: Territory | None) -> list[tuple[int, str]]:
    """(organisation, world) of every member, by organisation id."""
    return sorted(
        memberships(territory)
        .values_list("organisation_id", "organisation__world")
        .distinct()
        .order_by()
    )


def weighted_pairs(territory: Territory | None, *, among: Iterable[int] | None = None) -> QuerySet:
    """(organisation, partner, shared alliances) with organisation < partner, grouped in SQL."""
    # Every condition on the partner's membership goes in one filter() call, so that they all
    # apply to the same join (a second call would join the memberships table again).
    partner = {
        "alliance__memberships__organisation_id__gt": F("organisation_id"),
        "alliance__memberships__organisation__status__in": LISTED,
    }
    rows = memberships(territory)
    if among is not None:
        among = list(among)
        rows = rows.filter(organisation_id__in=among)
        partner["alliance__memberships__organisation_id__in"] = among
    rows = rows.filter(**partner)
    return (
        rows.values("organisation_id", "alliance__memberships__organisation_id")
        .annotate(weight=Count("alliance_id", distinct=True))
        .values_list("organisation_id", "alliance__memberships__organisation_id", "weight")
        .order_by()
    )


def build_graph(
    nodes: list[int], pairs: Iterable[tuple[int, int, int]], worlds: list[str] | None = None
) -> igraph.Graph:
    """An undirected weighted graph; vertex attribute `organisation` holds the primary key
    (and `world` the organisation's world when given)."""
    index = {pk: position for position, pk in enumerate(nodes)}
    edges, weights = [], []
    for source, target, weight in pairs:
        if source in index and target in index:
            edges.append((index[source], index[target]))
            weights.append(weight)
    graph = igraph.Graph(n=len(nodes), edges=edges, directed=False)
    graph.vs["organisation"] = nodes
    if worlds is not None:
        graph.vs["world"] = worlds
    graph.es["weight"] = weights
    return graph


def territory_graph(territory: Territory | None) -> igraph.Graph:
    rows = organisation_worlds(territory)
    return build_graph(
        [pk for pk, _world in rows],
        weighted_pairs(territory).iterator(),
        [world for _pk, world in rows],
    )


def bipartite_graph(territory: Territory | None) -> igraph.Graph:
    """Organisations and the published alliances they are members of, one edge per membership.

    Vertex attributes: `type` (False for an organisation, True for an alliance, igraph's
    convention for bipartite graphs) and `pk`; organisations first, by id, then alliances.
    """
    rows = list(
        memberships(territory)
        .values_list("organisation_id", "alliance_id")
        .distinct()
        .order_by("organisation_id", "alliance_id")
    )
    organisations = sorted({organisation for organisation, _alliance in rows})
    alliances = sorted({alliance for _organisation, alliance in rows})
    index = {pk: position for position, pk in enumerate(organisations)}
    offset = len(organisations)
    index_alliance = {pk: offset + position for position, pk in enumerate(alliances)}
    graph = igraph.Graph.Bipartite(
        [False] * len(organisations) + [True] * len(alliances),
        [(index[organisation], index_alliance[alliance]) for organisation, alliance in rows],
    )
    graph.vs["pk"] = organisations + alliances
    return graph


@dataclass(frozen=True)
class Measures:
    degree: list[int]
    strength: list[int]
    betweenness: list[float]  # normalised to [0, 1]
    community: list[int]  # 1 is the largest community
    communities: int
    modularity: float | None
    components: int
    approximate: bool
    # Bridges between worlds (docs/network.md): partners of each world, the share of partners
    # in another world than the organisation's, betweenness × that share, and the ties whose two
    # ends are in different worlds.
    partner_worlds: list[dict[str, int]] = field(default_factory=list)
    cross_world_share: list[float] = field(default_factory=list)
    bridging: list[float] = field(default_factory=list)
    cross_world_ties: int = 0


def _ranked_communities(membership: list[int], nodes: list[int]) -> list[int]:
    """Communities renumbered by size (1 = the largest), ties by their smallest organisation id."""
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(membership):
        groups.setdefault(label, []).append(nodes[position])
    order = sorted(groups, key=lambda label: (-len(groups[label]), min(groups[label])))
    rank = {label: number for number, label in enumerate(order, start=1)}
    return [rank[label] for label in membership]


def measure(graph: igraph.Graph) -> Measures:
    n = graph.vcount()
    if n == 0:
        return Measures([], [], [], [], 0, None, 0, False)
    approximate = n > EXACT_BETWEENNESS_LIMIT
    # Shortest paths counted in ties (hops): who connects whom, whatever the tie's weight.
    raw = graph.betweenness(directed=False, cutoff=BETWEENNESS_CUTOFF if approximate else None)
    pairs = (n - 1) * (n - 2) / 2
    betweenness = [value / pairs if pairs else 0.0 for value in raw]
    with seeded():
        clustering = graph.community_leiden(
            objective_function="modularity",
            weights="weight" if graph.ecount() else None,
            n_iterations=LEIDEN_ITERATIONS,
        )
    membership = clustering.membership
    modularity = graph.modularity(membership, weights="weight") if graph.ecount() else None
    partner_worlds, cross_share, cross_ties = world_ties(graph)
    return Measures(
        degree=graph.degree(),
        strength=[round(value) for value in graph.strength(weights="weight")],
        betweenness=betweenness,
        community=_ranked_communities(membership, graph.vs["organisation"]),
        communities=len(set(membership)),
        modularity=modularity,
        components=len(graph.connected_components()),
        approximate=approximate,
        partner_worlds=partner_worlds,
        cross_world_share=cross_share,
        bridging=[value * share for value, share in zip(betweenness, cross_share, strict=True)],
        cross_world_ties=cross_ties,
    )


def world_ties(graph: igraph.Graph) -> tuple[list[dict[str, int]], list[float], int]:
    """For each organisation, its partners by world and the share of them in another world;
    and the number of ties between two different worlds. Zeros when worlds are unknown."""
    n = graph.vcount()
    if "world" not in graph.vs.attributes():
        return [{} for _ in range(n)], [0.0] * n, 0
    worlds = graph.vs["world"]
    counts: list[dict[str, int]] = [{} for _ in range(n)]
    cross = [0] * n
    cross_ties = 0
    for source, target in graph.get_edgelist():
        first, second = worlds[source], worlds[target]
        counts[source][second] = counts[source].get(second, 0) + 1
        counts[target][first] = counts[target].get(first, 0) + 1
        if first != second:
            cross[source] += 1
            cross[target] += 1
            cross_ties += 1
    degree = graph.degree()
    shares = [cross[v] / degree[v] if degree[v] else 0.0 for v in range(n)]
    return counts, shares, cross_ties


def layout(graph: igraph.Graph) -> list[tuple[float, float]]:
    """Positions for drawing (Fruchterman–Reingold, seeded), scaled to [0, 1]."""
    if graph.vcount() == 0:
        return []
    with seeded():
        coords = graph.layout_fruchterman_reingold(
            weights="weight" if graph.ecount() else None, niter=500
        ).coords
    xs = [x for x, _y in coords]
    ys = [y for _x, y in coords]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return [((x - min(xs)) / span_x, (y - min(ys)) / span_y) for x, y in coords]
