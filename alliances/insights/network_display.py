"""What the network page shows: the most connected organisations, drawn and tabulated.

The stored read model has every organisation; the drawing keeps the DISPLAYED most connected (by
partners, then shared alliances) so that it stays legible and cheap at any scale. The table
lists the same ones; the CSV and the GraphML/GEXF exports have everything.
"""

from dataclasses import dataclass

import altair as alt
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliances.core import summaries
from alliances.insights.models import NetworkGraph, NetworkNode
from alliances.insights.network import build_graph, layout, weighted_pairs
from alliances.insights.tables import Column, DataTable
from alliances.registry.enums import World

DISPLAYED = 150
NODE_ORDER = ("-degree", "-strength", "organisation_id")


def ranked_nodes(graph: NetworkGraph):
    return (
        NetworkNode.objects.filter(graph=graph).select_related("organisation").order_by(*NODE_ORDER)
    )


@dataclass(frozen=True)
class NetworkDisplay:
    graph: NetworkGraph
    nodes: list[NetworkNode]
    edges: list[tuple[int, int, int]]  # positions in `nodes`, weight
    positions: list[tuple[float, float]]

    @property
    def is_truncated(self) -> bool:
        return self.graph.nodes > len(self.nodes)


def network_display(graph: NetworkGraph, *, limit: int = DISPLAYED) -> NetworkDisplay:
    """The `limit` most connected organisations, the ties between them and their layout."""
    nodes = list(ranked_nodes(graph)[:limit])
    ids = [node.organisation_id for node in nodes]
    territory = graph.territory
    sub = build_graph(ids, weighted_pairs(territory, among=ids))
    edges = [(edge.source, edge.target, edge["weight"]) for edge in sub.es]
    return NetworkDisplay(graph, nodes, edges, layout(sub))


def node_row(node: NetworkNode) -> dict:
    return {
        "id": node.organisation_id,
        "name": node.organisation.display_name,
        "world": str(World(node.organisation.world).label),
        "degree": node.degree,
        "strength": node.strength,
        "betweenness": node.betweenness,
        "community": node.community,
    }


def node_columns() -> list[Column]:
    return [
        Column("name", _("Organisation")),
        Column("world", _("World")),
        Column("degree", _("Partners"), numeric=True),
        Column("strength", _("Shared alliances"), numeric=True),
        Column("betweenness", _("Betweenness"), numeric=True, decimals=3),
        Column("community", _("Community"), numeric=True),
    ]


def node_table(nodes) -> DataTable:
    return DataTable(
        "network",
        _("Organisations of the network"),
        node_columns(),
        [node_row(node) for node in nodes],
    )


BRIDGES = 20


@dataclass(frozen=True)
class Bridge:
    """An organisation that connects worlds: who it is, and whom it connects."""

    node: NetworkNode

    @property
    def world(self) -> str:
        return str(World(self.node.organisation.world).label)

    @property
    def other_worlds(self) -> list[tuple[str, int]]:
        """(world, partners) of the worlds other than its own, most partners first."""
        own = self.node.organisation.world
        counts = [
            (world, count) for world, count in self.node.partner_worlds.items() if world != own
        ]
        counts.sort(key=lambda item: (-item[1], item[0]))
        return [(str(World(world).label), count) for world, count in counts]

    @property
    def own_world_partners(self) -> int:
        return self.node.partner_worlds.get(self.node.organisation.world, 0)


def bridges(graph: NetworkGraph, *, limit: int = BRIDGES) -> list[Bridge]:
    """The organisations that bridge worlds the most (betweenness × share of partners in other
    worlds), highest first; ties by partners then id."""
    nodes = (
        NetworkNode.objects.filter(graph=graph, bridging__gt=0)
        .select_related("organisation")
        .order_by("-bridging", "-degree", "organisation_id")[:limit]
    )
    return [Bridge(node) for node in nodes]


def chart(display: NetworkDisplay):
    """Ties as rules, organisations as points coloured by world and sized by partners."""
    points = [
        {
            "x": x,
            "y": y,
            "name": node.organisation.display_name,
            "world": str(World(node.organisation.world).label),
            "degree": node.degree,
        }
        for node, (x, y) in zip(display.nodes, display.positions, strict=True)
    ]
    ties = [
        {
            "x": display.positions[source][0],
            "y": display.positions[source][1],
            "x2": display.positions[target][0],
            "y2": display.positions[target][1],
            "weight": weight,
        }
        for source, target, weight in display.edges
    ]
    scale = alt.Scale(domain=[-0.03, 1.03])
    hidden = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    rules = (
        alt.Chart(alt.Data(values=ties))
        .mark_rule(color="#8a8a8a", opacity=0.6)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=hidden),
            y=alt.Y("y:Q", scale=scale, axis=hidden),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("weight:Q", legend=None, scale=alt.Scale(range=[1, 4])),
        )
    )
    dots = (
        alt.Chart(alt.Data(values=points))
        .mark_circle(opacity=0.95, stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=hidden),
            y=alt.Y("y:Q", scale=scale, axis=hidden),
            color=alt.Color("world:N", title=_("World")),
            size=alt.Size("degree:Q", title=_("Partners"), scale=alt.Scale(range=[40, 400])),
            tooltip=[alt.Tooltip("name:N", title=_("Organisation"))],
        )
    )
    return alt.layer(rules, dots).properties(width=640, height=480)


def summary(display: NetworkDisplay) -> str:
    """Size of the network, its most connected organisations and who connects whom."""
    graph = display.graph
    sentence = ngettext(
        "%(nodes)s organisation linked by %(edges)s ties, in %(communities)s communities.",
        "%(nodes)s organisations linked by %(edges)s ties, in %(communities)s communities.",
        graph.nodes,
    ) % {
        "nodes": summaries.number(graph.nodes),
        "edges": summaries.number(graph.edges),
        "communities": summaries.number(graph.communities),
    }
    if not display.nodes:
        return sentence
    sentence += " " + summaries.ranking(
        [(node.organisation.display_name, node.degree) for node in display.nodes],
        subject=_("Partners per organisation"),
    )
    bridge = max(display.nodes, key=lambda node: node.betweenness)
    if bridge.betweenness > 0:
        sentence += " " + _(
            "The organisation through which most links between others go is %(name)s."
        ) % {"name": bridge.organisation.display_name}
    return sentence
