import pytest
from django.db.models import Count
from rest_framework.test import APIClient

from alliances.insights.services.refresh import insights_refresh
from alliances.registry.enums import OrganisationStatus
from alliances.registry.models import Alliance, Organisation
from alliances.sdg.models import Goal
from tests.insights.fixtures import small_registry, territory  # noqa: F401
from tests.registry.factories import OrganisationFactory

__all__ = ["small_registry"]


@pytest.fixture
def refreshed(small_registry):
    insights_refresh()
    return small_registry


def test_departement_diagnostic_matches_the_registry(refreshed):
    api = APIClient()
    response = api.get("/api/v1/territories/departement/01/diagnostic/")
    assert response.status_code == 200
    data = response.json()
    ain = territory("departement", "01")
    # Recomputed independently from the registry.
    in_ain = Organisation.objects.filter(commune__departement=ain)
    active = in_ain.filter(status=OrganisationStatus.ACTIVE)
    assert data["summary"]["actors_active"] == active.count() == 5
    assert (
        data["summary"]["actors_dissolved"]
        == in_ain.filter(
            status__in=[OrganisationStatus.DISSOLVED, OrganisationStatus.CLOSED]
        ).count()
    )
    by_world = dict(active.values("world").annotate(n=Count("pk")).values_list("world", "n"))
    assert {row["world"]: row["active"] for row in data["actors_by_world"]} == by_world
    touching = Alliance.objects.published().in_territory(ain)
    assert data["summary"]["alliances"] == touching.count() == 2
    cross_world = [
        a for a in touching if len({m.organisation.world for m in a.memberships.all()}) >= 2
    ]
    assert data["summary"]["cross_world_alliances"] == len(cross_world) == 1
    assert data["summary"]["population"] == ain.population
    assert data["parent"]["code"] == "84" and data["territory"]["name"] == "Ain"
    goals = {row["goal"]: row for row in data["goals"]}
    assert (goals[1]["alliances"], goals[13]["alliances"]) == (1, 1)
    assert 17 in data["empty_goals"] and data["as_of"]
    assert any(peer["territory"]["code"] == "01" for peer in data["peers"])
    # ETag: a second request with it is answered 304.
    assert response.headers["ETag"]
    again = api.get(
        "/api/v1/territories/departement/01/diagnostic/",
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert again.status_code == 304


def test_diagnostic_of_france_and_errors(refreshed):
    api = APIClient()
    france = api.get("/api/v1/territories/france/diagnostic/").json()
    assert france["territory"] is None
    assert france["summary"]["alliances"] == Alliance.objects.published().count()
    missing = api.get("/api/v1/territories/departement/00/diagnostic/")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    # An arrondissement has no diagnostic of its own (it counts in its commune).
    assert api.get("/api/v1/territories/arrondissement/69383/diagnostic/").status_code == 404


def test_network(refreshed):
    api = APIClient()
    orgs = refreshed["orgs"]
    data = api.get("/api/v1/territories/departement/01/network/").json()
    assert (data["organisations"], data["ties"], data["communities"]) == (4, 2, 2)
    assert {node["id"] for node in data["top"]} == {
        orgs[key].pk for key in ("asso_bourg", "company_bourg", "asso_oyo", "asso_bourg_2")
    }
    assert {(tie["source"], tie["target"], tie["weight"]) for tie in data["top_ties"]} == {
        tuple(sorted((orgs["asso_bourg"].pk, orgs["company_bourg"].pk))) + (1,),
        tuple(sorted((orgs["asso_oyo"].pk, orgs["asso_bourg_2"].pk))) + (1,),
    }
    assert data["gexf"].endswith("/territoires/departement/01/reseau.gexf")
    assert data["bipartite_graphml"].endswith("/territoires/departement/01/reseau-biparti.graphml")
    assert data["cross_world_ties"] == 1
    assert [node["id"] for node in data["bridges"]] == []  # Ain: nobody is on a path between
    france = api.get("/api/v1/territories/france/network/").json()
    assert [node["id"] for node in france["bridges"]] == [orgs["asso_bourg"].pk]
    assert france["bridges"][0]["partner_worlds"] == {"company": 2}
    limited = api.get("/api/v1/territories/france/network/", {"limit": 1}).json()
    assert limited["organisations"] == 5 and len(limited["top"]) == 1
    assert limited["top"][0]["id"] == orgs["asso_bourg"].pk  # the hub: two partners
    bad = api.get(
        "/api/v1/territories/france/network/", {"limit": "many"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert bad.status_code == 400
    assert bad.json()["code"] == "validation_error" and "limit" in bad.json()["errors"]


def test_suggestions(refreshed):
    api = APIClient()
    orgs = refreshed["orgs"]
    # asso_oyo (goal 13 added) is not allied with company_bourg (goals 1, 13), in the département.
    orgs["asso_oyo"].goals.set(Goal.objects.filter(number=13))
    data = api.get(
        f"/api/v1/organisations/{orgs['asso_oyo'].pk}/suggestions/", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert [row["id"] for row in data] == [orgs["company_bourg"].pk]
    [row] = data
    assert (row["shared_goals"], row["proximity"], row["world"]) == ([13], "departement", "company")
    assert "In the same département." in row["reasons"]
    # company_bourg is already allied with asso_bourg: not suggested to it.
    allied = api.get(f"/api/v1/organisations/{orgs['asso_bourg'].pk}/suggestions/").json()
    assert orgs["company_bourg"].pk not in [row["id"] for row in allied]
    assert api.get(f"/api/v1/organisations/{orgs['removed'].pk}/suggestions/").status_code == 404
    bad = api.get(f"/api/v1/organisations/{orgs['asso_oyo'].pk}/suggestions/", {"limit": 0})
    assert bad.status_code == 400


def test_suggestions_never_include_dissolved_or_own_world(refreshed):
    orgs = refreshed["orgs"]
    me = orgs["company_bourg"]
    OrganisationFactory(name="Société sœur", company=True).goals.set(Goal.objects.filter(number=1))
    data = APIClient().get(f"/api/v1/organisations/{me.pk}/suggestions/").json()
    ids = {row["id"] for row in data}
    assert orgs["asso_dissolved"].pk not in ids  # dissolved, though it shares goal 13
    assert all(row["world"] != "company" for row in data)
