from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse

from alliances.insights.network_export import GRAPHML_NS
from alliances.insights.services.refresh import insights_refresh
from tests.insights.fixtures import small_registry  # noqa: F401

__all__ = ["small_registry"]


@pytest.fixture
def refreshed(small_registry):
    insights_refresh()
    return small_registry


def test_departement_network_page(client, refreshed, django_assert_max_num_queries):
    url = reverse("web:network", kwargs={"kind": "departement", "code": "01"})
    assert url == "/territoires/departement/01/reseau/"
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Réseau des alliances : Ain</h1>" in html
    assert html.count('role="img"') == 1 and 'id="table-network"' in html
    assert "entreprise</text>" in html  # the legend names each world in one piece
    assert refreshed["orgs"]["company_bourg"].name in html
    assert 'href="/territoires/departement/01/reseau.csv"' in html
    assert 'href="/territoires/departement/01/reseau.gexf"' in html
    diagnostic = client.get(reverse("web:diagnostic", kwargs={"kind": "departement", "code": "01"}))
    assert 'href="/territoires/departement/01/reseau/"' in diagnostic.content.decode()


def test_network_of_any_kind_and_of_france(client, refreshed):
    # An arrondissement has no diagnostic, but it has a network.
    response = client.get("/territoires/arrondissement/69383/reseau/")
    assert response.status_code == 200
    html = response.content.decode()
    assert refreshed["orgs"]["company_lyon"].name in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    france = client.get("/en/territoires/france/reseau/")
    assert "Alliance network: France" in france.content.decode()


def test_empty_network_page_says_so(client, refreshed):
    response = client.get("/territoires/commune/01283/reseau/")
    assert response.status_code == 200
    assert "Aucune alliance publiée" in response.content.decode()


def test_network_csv_and_exports(client, refreshed):
    csv = client.get("/territoires/departement/01/reseau.csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().strip().splitlines()
    assert lines[0].startswith("Organisation,Monde,Partenaires")
    assert len(lines) == 5
    graphml = client.get("/territoires/france/reseau.graphml")
    assert graphml.status_code == 200
    root = ET.fromstring(graphml.content)
    assert len(root.findall(f"{{{GRAPHML_NS}}}graph/{{{GRAPHML_NS}}}node")) == 5
    assert client.get("/territoires/france/reseau.dot").status_code == 404
    assert client.get("/territoires/departement/99/reseau/").status_code == 404


def test_network_page_shows_bridges_and_bipartite_exports(client, refreshed):
    html = client.get("/territoires/france/reseau/").content.decode()
    assert 'id="bridges-title"' in html
    bridges = html[html.index('id="bridges-caption"') :]
    assert refreshed["orgs"]["asso_bourg"].name in bridges[: bridges.index("</table>")]
    assert 'href="/territoires/france/reseau-biparti.graphml"' in html
    assert 'href="/territoires/france/reseau-biparti.gexf"' in html
    response = client.get("/territoires/departement/01/reseau-biparti.gexf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gexf+xml"
    assert 'filename="reseau-departement-01-biparti.gexf"' in response["Content-Disposition"]
    assert client.get("/territoires/france/reseau-biparti.svg").status_code == 404
    ain = client.get("/territoires/departement/01/reseau/").content.decode()
    assert 'href="/partenaires/defi/?kind=departement&amp;code=01"' in ain


def test_organisation_page_draws_its_ego_network(client, refreshed, django_assert_max_num_queries):
    from tests.registry.factories import AllianceFactory, MembershipFactory

    orgs = refreshed["orgs"]
    # A second alliance with company_bourg: it becomes the most tied partner.
    again = AllianceFactory()
    MembershipFactory(alliance=again, organisation=orgs["asso_bourg"])
    MembershipFactory(alliance=again, organisation=orgs["company_bourg"])
    url = orgs["asso_bourg"].get_absolute_url()
    with django_assert_max_num_queries(25):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "INVALID_TEMPLATE_VARIABLE" not in html
    section = html[html.index('id="ego-title"') :]
    name = orgs["asso_bourg"].name
    assert 'role="img" aria-labelledby="ego-svg-title ego-svg-desc"' in section
    assert f'<title id="ego-svg-title">Partenaires d’alliance de {name}</title>' in section
    assert '<desc id="ego-svg-desc">' in section and section.count("<circle") >= 3
    table = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = table.split("<tr>")[1:]
    assert [orgs["company_bourg"].name in rows[0], orgs["company_lyon"].name in rows[1]] == [
        True,
        True,
    ]
    assert '<td class="num">2</td>' in rows[0] and '<td class="num">1</td>' in rows[1]
    assert "<style" not in section and "<script" not in section
    # Without any published alliance, no section.
    lonely = client.get(orgs["mairie_oyo"].get_absolute_url()).content.decode()
    assert 'id="ego-title"' not in lonely
