"""The full network of a territory as GraphML or GEXF, for Gephi, yEd or igraph itself.

Nodes carry the organisation's name, world and stored measures; edges their weight (the number
of published alliances the two organisations share). Both files are written with the standard
library's XML writer, so names are always escaped properly.
"""

from xml.etree import ElementTree as ET

from alliances.insights.models import NetworkGraph, NetworkNode
from alliances.insights.network import weighted_pairs

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
        )
    )
    for pk, name, world, degree, strength, betweenness, community in rows.iterator():
        yield (
            pk,
            {
                "name": name,
                "world": world,
                "degree": degree,
                "strength": strength,
                "betweenness": betweenness,
                "community": community,
            },
        )


def _edges(graph: NetworkGraph):
    return weighted_pairs(graph.territory).order_by(
        "organisation_id", "alliance__memberships__organisation_id"
    )


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def graphml(graph: NetworkGraph) -> bytes:
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for key, kind in NODE_ATTRIBUTES:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": key, "for": "node", "attr.name": key, "attr.type": kind},
        )
    ET.SubElement(
        root,
        f"{{{GRAPHML_NS}}}key",
        {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "int"},
    )
    body = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"edgedefault": "undirected"})
    for pk, attributes in _nodes(graph):
        node = ET.SubElement(body, f"{{{GRAPHML_NS}}}node", {"id": f"o{pk}"})
        for key, _kind in NODE_ATTRIBUTES:
            ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": key}).text = str(attributes[key])
    for source, target, weight in _edges(graph).iterator():
        edge = ET.SubElement(
            body, f"{{{GRAPHML_NS}}}edge", {"source": f"o{source}", "target": f"o{target}"}
        )
        ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "weight"}).text = str(weight)
    return _serialise(root)


def gexf(graph: NetworkGraph) -> bytes:
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "Alliances"
    body = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "undirected"})
    declared = ET.SubElement(body, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    keys = [key for key, _kind in NODE_ATTRIBUTES if key != "name"]
    for position, key in enumerate(keys):
        kind = dict(NODE_ATTRIBUTES)[key]
        ET.SubElement(
            declared,
            f"{{{GEXF_NS}}}attribute",
            {"id": str(position), "title": key, "type": "integer" if kind == "int" else kind},
        )
    nodes = ET.SubElement(body, f"{{{GEXF_NS}}}nodes")
    for pk, attributes in _nodes(graph):
        node = ET.SubElement(
            nodes, f"{{{GEXF_NS}}}node", {"id": f"o{pk}", "label": attributes["name"]}
        )
        values = ET.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        for position, key in enumerate(keys):
            ET.SubElement(
                values,
                f"{{{GEXF_NS}}}attvalue",
                {"for": str(position), "value": str(attributes[key])},
            )
    edges = ET.SubElement(body, f"{{{GEXF_NS}}}edges")
    for number, (source, target, weight) in enumerate(_edges(graph).iterator()):
        ET.SubElement(
            edges,
            f"{{{GEXF_NS}}}edge",
            {
                "id": str(number),
                "source": f"o{source}",
                "target": f"o{target}",
                "weight": str(weight),
            },
        )
    return _serialise(root)
