"""The full network of a territory as GraphML or GEXF, for Gephi, yEd or igraph itself.

Two graphs: the organisations linked through shared alliances (nodes carry the organisation's
name, world and stored measures; edges their weight, the number of published alliances the two
share), and the bipartite graph of organisations and alliances (one edge per membership). Both
files are written with the standard library's XML writer, so names are always escaped properly.
"""

from xml.etree import ElementTree as ET

from alliances.insights.models import NetworkGraph, NetworkNode
from alliances.insights.network import bipartite_graph, memberships, weighted_pairs
from alliances.registry.models import Alliance, Organisation
from alliances.territories.models import Territory

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
# (key, type) of node attributes, in file order.
NODE_ATTRIBUTES = (
    ("name", "string"),
    ("world", "string"),
    ("degree", "int"),
    ("strength", "int"),
    ("betweenness", "double"),
    ("community", "int"),
    ("cross_world_share", "double"),
    ("bridging", "double"),
)
BIPARTITE_ATTRIBUTES = (
    ("name", "string"),
    ("kind", "string"),  # organisation or alliance
    ("world", "string"),  # organisations only
    ("alliance_type", "string"),  # alliances only
    ("degree", "int"),  # alliances of an organisation, members of an alliance
)


def _nodes(graph: NetworkGraph):
    rows = (
        NetworkNode.objects.filter(graph=graph)
        .order_by("organisation_id")
        .values_list(
            "organisation_id",
            "organisation__name",
            "organisation__world",
            "degree",
            "strength",
            "betweenness",
            "community",
            "cross_world_share",
            "bridging",
        )
    )
    for row in rows.iterator():
        pk, name, world, degree, strength, betweenness, community, share, bridging = row
        yield (
            f"o{pk}",
            {
                "name": name,
                "world": world,
                "degree": degree,
                "strength": strength,
                "betweenness": betweenness,
                "community": community,
                "cross_world_share": share,
                "bridging": bridging,
            },
        )


def _edges(graph: NetworkGraph):
    rows = weighted_pairs(graph.territory).order_by(
        "organisation_id", "alliance__memberships__organisation_id"
    )
    for source, target, weight in rows.iterator():
        yield f"o{source}", f"o{target}", weight


def _bipartite(territory: Territory | None):
    """(nodes, edges) of the organisation–alliance graph, measured with igraph."""
    graph = bipartite_graph(territory)
    degree = dict(zip(graph.vs["pk"], graph.degree(), strict=True))
    kinds = graph.vs["type"]
    organisations = {
        pk for pk, is_alliance in zip(graph.vs["pk"], kinds, strict=True) if not is_alliance
    }
    members = memberships(territory)
    nodes = []
    rows = Organisation.objects.filter(pk__in=members.values("organisation_id")).order_by("pk")
    for pk, name, world in rows.values_list("pk", "name", "world").iterator():
        if pk in organisations:
            attributes = {"name": name, "kind": "organisation", "world": world}
            nodes.append((f"o{pk}", attributes | {"alliance_type": "", "degree": degree[pk]}))
    alliance_degree = {
        pk: value
        for pk, value, is_alliance in zip(graph.vs["pk"], graph.degree(), kinds, strict=True)
        if is_alliance
    }
    rows = Alliance.objects.filter(pk__in=members.values("alliance_id")).order_by("pk")
    for pk, title, kind in rows.values_list("pk", "title", "alliance_type").iterator():
        attributes = {"name": title, "kind": "alliance", "world": "", "alliance_type": kind}
        nodes.append((f"a{pk}", attributes | {"degree": alliance_degree.get(pk, 0)}))
    pks = graph.vs["pk"]
    edges = [
        (f"o{pks[source]}", f"a{pks[target]}", None) for source, target in graph.get_edgelist()
    ]
    return nodes, edges


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_graphml(attributes, nodes, edges, *, weighted: bool) -> bytes:
    """`nodes`: (id, {key: value}); `edges`: (source, target, weight or None)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for key, kind in attributes:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": key, "for": "node", "attr.name": key, "attr.type": kind},
        )
    if weighted:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "int"},
        )
    body = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"edgedefault": "undirected"})
    for pk, values in nodes:
        node = ET.SubElement(body, f"{{{GRAPHML_NS}}}node", {"id": pk})
        for key, _kind in attributes:
            ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": key}).text = str(values[key])
    for source, target, weight in edges:
        edge = ET.SubElement(body, f"{{{GRAPHML_NS}}}edge", {"source": source, "target": target})
        if weighted:
            ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "weight"}).text = str(weight)
    return _serialise(root)


def write_gexf(attributes, nodes, edges, *, weighted: bool) -> bytes:
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "Alliances"
    body = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "undirected"})
    declared = ET.SubElement(body, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    keys = [key for key, _kind in attributes if key != "name"]
    for position, key in enumerate(keys):
        kind = dict(attributes)[key]
        ET.SubElement(
            declared,
            f"{{{GEXF_NS}}}attribute",
            {"id": str(position), "title": key, "type": "integer" if kind == "int" else kind},
        )
    container = ET.SubElement(body, f"{{{GEXF_NS}}}nodes")
    for pk, values in nodes:
        node = ET.SubElement(container, f"{{{GEXF_NS}}}node", {"id": pk, "label": values["name"]})
        attvalues = ET.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        for position, key in enumerate(keys):
            ET.SubElement(
                attvalues,
                f"{{{GEXF_NS}}}attvalue",
                {"for": str(position), "value": str(values[key])},
            )
    container = ET.SubElement(body, f"{{{GEXF_NS}}}edges")
    for number, (source, target, weight) in enumerate(edges):
        attributes_ = {"id": str(number), "source": source, "target": target}
        if weighted:
            attributes_["weight"] = str(weight)
        ET.SubElement(container, f"{{{GEXF_NS}}}edge", attributes_)
    return _serialise(root)


def graphml(graph: NetworkGraph) -> bytes:
    return write_graphml(NODE_ATTRIBUTES, _nodes(graph), _edges(graph), weighted=True)


def gexf(graph: NetworkGraph) -> bytes:
    return write_gexf(NODE_ATTRIBUTES, _nodes(graph), _edges(graph), weighted=True)


def bipartite_graphml(territory: Territory | None) -> bytes:
    nodes, edges = _bipartite(territory)
    return write_graphml(BIPARTITE_ATTRIBUTES, nodes, edges, weighted=False)


def bipartite_gexf(territory: Territory | None) -> bytes:
    nodes, edges = _bipartite(territory)
    return write_gexf(BIPARTITE_ATTRIBUTES, nodes, edges, weighted=False)
