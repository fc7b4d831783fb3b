from xml.etree import ElementTree as ET

import pytest

from alliances.insights.models import NetworkGraph, NetworkNode
from alliances.insights.network import measure, territory_graph
from alliances.insights.network_export import GEXF_NS, GRAPHML_NS, gexf, graphml
from alliances.insights.services.network import network_compute, network_get
from alliances.insights.services.refresh import insights_refresh
from tests.insights.fixtures import small_registry, territory  # noqa: F401
from tests.registry.factories import AllianceFactory, MembershipFactory

__all__ = ["small_registry"]


def nodes_by_organisation(graph: NetworkGraph) -> dict[int, NetworkNode]:
    return {node.organisation_id: node for node in graph.members.all()}


def test_national_network_links_members_of_shared_published_alliances(small_registry):
    insights_refresh()
    orgs = small_registry["orgs"]
    graph = NetworkGraph.objects.get(territory__isnull=True)
    # cross: asso_bourg–company_bourg; single: asso_oyo–asso_bourg_2; lyon: company_lyon–asso_bourg.
    # The draft alliance (mairie_oyo alone) is not in the network.
    assert (graph.nodes, graph.edges, graph.components) == (5, 3, 2)
    nodes = nodes_by_organisation(graph)
    assert orgs["mairie_oyo"].pk not in nodes
    hub = nodes[orgs["asso_bourg"].pk]
    assert (hub.degree, hub.strength) == (2, 2)
    # asso_bourg is on the only path between the two companies: 1 of the 4 × 3 / 2 pairs.
    assert hub.betweenness == pytest.approx(1 / 6)
    assert nodes[orgs["company_bourg"].pk].betweenness == 0
    # Two communities: the bigger one (asso_bourg and both companies) is number 1.
    assert graph.communities == 2
    assert {nodes[orgs[key].pk].community for key in ("company_bourg", "company_lyon")} == {1}
    assert {nodes[orgs[key].pk].community for key in ("asso_oyo", "asso_bourg_2")} == {2}


def test_territory_network_keeps_alliances_touching_it(small_registry):
    insights_refresh()
    orgs = small_registry["orgs"]
    ain = territory("departement", "01")
    graph = network_get(territory=ain)
    nodes = nodes_by_organisation(graph)
    # The Lyon alliance covers Lyon only: not in Ain's network, although asso_bourg is in Ain.
    assert set(nodes) == {
        orgs[key].pk for key in ("asso_bourg", "company_bourg", "asso_oyo", "asso_bourg_2")
    }
    assert graph.edges == 2
    assert nodes[orgs["asso_bourg"].pk].degree == 1


def test_weights_count_shared_alliances(small_registry):
    orgs = small_registry["orgs"]
    second = AllianceFactory(territories=[territory("departement", "01")])
    MembershipFactory(alliance=second, organisation=orgs["asso_bourg"])
    MembershipFactory(alliance=second, organisation=orgs["company_bourg"])
    insights_refresh()
    graph = territory_graph(territory("departement", "01"))
    weights = {
        frozenset(graph.vs[i]["organisation"] for i in edge.tuple): edge["weight"]
        for edge in graph.es
    }
    assert weights[frozenset((orgs["asso_bourg"].pk, orgs["company_bourg"].pk))] == 2
    assert measure(graph).strength[graph.vs["organisation"].index(orgs["asso_bourg"].pk)] == 2


def test_network_is_computed_on_demand_then_kept_until_the_next_refresh(small_registry):
    insights_refresh()
    bourg = territory("commune", "01053")
    assert not NetworkGraph.objects.filter(territory=bourg).exists()
    first = network_get(territory=bourg)
    assert first.nodes == 2
    assert network_get(territory=bourg).pk == first.pk
    insights_refresh()
    assert not NetworkGraph.objects.filter(territory=bourg).exists()
    assert network_get(territory=bourg).pk != first.pk


def test_measures_are_deterministic(small_registry):
    insights_refresh()
    ain = territory("departement", "01")
    first = nodes_by_organisation(network_compute(territory=ain))
    second = nodes_by_organisation(network_compute(territory=ain))
    assert {pk: n.community for pk, n in first.items()} == {
        pk: n.community for pk, n in second.items()
    }


def test_empty_network(db):
    graph = network_compute(territory=territory("commune", "01283"))
    assert (graph.nodes, graph.edges, graph.communities, graph.modularity) == (0, 0, 0, None)


def test_graphml_and_gexf_exports(small_registry):
    insights_refresh()
    orgs = small_registry["orgs"]
    graph = NetworkGraph.objects.get(territory__isnull=True)
    root = ET.fromstring(graphml(graph))
    ns = {"g": GRAPHML_NS}
    assert len(root.findall("g:graph/g:node", ns)) == 5
    edges = root.findall("g:graph/g:edge", ns)
    assert len(edges) == 3
    node = root.find(f"g:graph/g:node[@id='o{orgs['asso_bourg'].pk}']", ns)
    values = {data.get("key"): data.text for data in node.findall("g:data", ns)}
    assert values["name"] == orgs["asso_bourg"].name and values["degree"] == "2"
    root = ET.fromstring(gexf(graph))
    ns = {"x": GEXF_NS}
    assert len(root.findall("x:graph/x:nodes/x:node", ns)) == 5
    assert {edge.get("weight") for edge in root.findall("x:graph/x:edges/x:edge", ns)} == {"1"}


def test_a_removed_member_leaves_the_other_ties(small_registry):
    orgs = small_registry["orgs"]
    MembershipFactory(alliance=small_registry["alliances"]["cross"], organisation=orgs["removed"])
    insights_refresh()
    nodes = nodes_by_organisation(NetworkGraph.objects.get(territory__isnull=True))
    assert orgs["removed"].pk not in nodes
    assert nodes[orgs["company_bourg"].pk].degree == 1
