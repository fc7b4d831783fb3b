from xml.etree import ElementTree as ET

import pytest
from django.utils import translation

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


def test_bridges_between_worlds_on_a_hand_made_graph():
    from alliances.insights.network import build_graph

    # a — b — c — d: three associations in a chain, then a company tied to c.
    graph = build_graph(
        [1, 2, 3, 4],
        [(1, 2, 1), (2, 3, 1), (3, 4, 2)],
        ["association", "association", "association", "company"],
    )
    measures = measure(graph)
    # b and c are each on two of the three paths between the others.
    assert measures.betweenness == pytest.approx([0, 2 / 3, 2 / 3, 0])
    # b's partners are all associations: it bridges nothing; half of c's are in another world.
    assert measures.cross_world_share == pytest.approx([0, 0, 0.5, 1])
    assert measures.bridging == pytest.approx([0, 0, 1 / 3, 0])
    assert measures.partner_worlds[2] == {"association": 1, "company": 1}
    assert measures.cross_world_ties == 1


def test_bridges_are_stored_and_ranked(small_registry):
    from alliances.insights.network_display import bridges

    insights_refresh()
    orgs = small_registry["orgs"]
    graph = NetworkGraph.objects.get(territory__isnull=True)
    # asso_bourg–company_bourg and asso_bourg–company_lyon cross worlds; the two associations
    # of the other alliance do not.
    assert graph.cross_world_ties == 2
    hub = nodes_by_organisation(graph)[orgs["asso_bourg"].pk]
    assert hub.partner_worlds == {"company": 2}
    assert (hub.cross_world_share, hub.bridging) == (1.0, pytest.approx(1 / 6))
    found = bridges(graph)
    assert [bridge.node.organisation_id for bridge in found] == [orgs["asso_bourg"].pk]
    with translation.override("en"):
        assert found[0].other_worlds == [("company", 2)]
    assert found[0].own_world_partners == 0


def test_bipartite_graph_and_its_exports(small_registry):
    from alliances.insights.network import bipartite_graph
    from alliances.insights.network_export import bipartite_gexf, bipartite_graphml

    insights_refresh()
    orgs, alliances = small_registry["orgs"], small_registry["alliances"]
    ain = territory("departement", "01")
    graph = bipartite_graph(ain)
    assert graph.is_bipartite()
    # Ain: the cross and single alliances (2 members each); not Lyon's, not the draft.
    assert graph.vcount() == 4 + 2 and graph.ecount() == 4
    assert graph.vs["type"].count(True) == 2
    root = ET.fromstring(bipartite_graphml(ain))
    body = root.find(f"{{{GRAPHML_NS}}}graph")
    ids = {node.get("id") for node in body.iter(f"{{{GRAPHML_NS}}}node")}
    assert f"a{alliances['cross'].pk}" in ids and f"o{orgs['asso_bourg'].pk}" in ids
    assert f"a{alliances['lyon'].pk}" not in ids
    edges = {(e.get("source"), e.get("target")) for e in body.iter(f"{{{GRAPHML_NS}}}edge")}
    assert (f"o{orgs['asso_bourg'].pk}", f"a{alliances['cross'].pk}") in edges
    france = ET.fromstring(bipartite_gexf(None))
    assert len(list(france.iter(f"{{{GEXF_NS}}}edge"))) == 6
    kinds = {
        value.get("value")
        for value in france.iter(f"{{{GEXF_NS}}}attvalue")
        if value.get("for") == "0"
    }
    assert kinds == {"organisation", "alliance"}
