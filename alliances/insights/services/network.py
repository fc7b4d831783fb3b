"""Compute and store the alliance network of a territory (a read model, like the diagnostic).

`refresh_insights` computes France and every région; any other territory is computed the first
time someone asks for it and kept until the next refresh (`network_get`).
"""

import time

from django.db import IntegrityError, transaction
from django.utils import timezone

from alliances.insights.models import NetworkGraph, NetworkNode, Refresh
from alliances.insights.network import measure, territory_graph
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

BATCH = 5_000
# Computed by every refresh; the others on demand.
REFRESHED_KINDS = (TerritoryKind.REGION,)


def _graphs(territory: Territory | None):
    if territory is None:
        return NetworkGraph.objects.filter(territory__isnull=True)
    return NetworkGraph.objects.filter(territory=territory)


def network_compute(*, territory: Territory | None) -> NetworkGraph:
    """Build the territory's graph from the registry, measure it and replace its stored copy."""
    started_at = timezone.now()
    clock = time.perf_counter()
    graph = territory_graph(territory)
    measures = measure(graph)
    with transaction.atomic():
        _graphs(territory).delete()
        stored = NetworkGraph.objects.create(
            territory=territory,
            computed_at=started_at,
            duration_ms=round((time.perf_counter() - clock) * 1000),
            nodes=graph.vcount(),
            edges=graph.ecount(),
            communities=measures.communities,
            modularity=measures.modularity,
            components=measures.components,
            approximate=measures.approximate,
            cross_world_ties=measures.cross_world_ties,
        )
        rows = (
            NetworkNode(
                graph=stored,
                organisation_id=organisation,
                degree=measures.degree[position],
                strength=measures.strength[position],
                betweenness=measures.betweenness[position],
                community=measures.community[position],
                partner_worlds=measures.partner_worlds[position],
                cross_world_share=measures.cross_world_share[position],
                bridging=measures.bridging[position],
            )
            for position, organisation in enumerate(graph.vs["organisation"])
        )
        NetworkNode.objects.bulk_create(rows, batch_size=BATCH)
    return stored


def networks_refresh() -> int:
    """Recompute France and the régions; drop every other stored network (now stale)."""
    NetworkGraph.objects.all().delete()
    network_compute(territory=None)
    regions = Territory.objects.filter(kind__in=REFRESHED_KINDS).order_by("code")
    for region in regions:
        network_compute(territory=region)
    return 1 + len(regions)


def network_get(*, territory: Territory | None) -> NetworkGraph:
    """The stored network if it is as recent as the last refresh, else computed now and stored."""
    latest = Refresh.objects.order_by("-finished_at").first()
    stored = _graphs(territory).first()
    if stored is not None and (latest is None or stored.computed_at >= latest.started_at):
        return stored
    try:
        return network_compute(territory=territory)
    except IntegrityError:  # computed at the same moment by another request
        return _graphs(territory).get()
