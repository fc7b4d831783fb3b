import pytest
from rest_framework.test import APIClient

from alliances.registry.enums import MembershipRole, World
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_organisations_search_filter_and_privacy(api):
    OrganisationFactory(name="Fédération des Œuvres Laïques", world=World.ASSOCIATION)
    OrganisationFactory(company=True, name="Boulangerie Martin")
    OrganisationFactory(
        name="",
        diffusible=False,
        siren="732829320",
        world=World.COMPANY,
        address="3 rue X",
        postcode="01000",
    )
    found = api.get("/api/v1/organisations/", {"q": "OEUVRES laiques"}).json()
    assert [o["name"] for o in found["results"]] == ["Fédération des Œuvres Laïques"]
    assert found["results"][0]["commune"] == "01053" and found["results"][0]["departement"] == "01"
    companies = api.get("/api/v1/organisations/", {"world": "company"}).json()["results"]
    hidden = next(o for o in companies if o["siren"] == "732829320")
    assert hidden["name"].startswith("Non-public legal unit")
    assert (hidden["address"], hidden["postcode"]) == ("", "")
    assert api.get("/api/v1/organisations/", {"departement": "75"}).json()["count"] == 0


def test_only_published_alliances_with_members(api):
    alliance = AllianceFactory(title="Alliance de l'Ain pour l'emploi")
    MembershipFactory(alliance=alliance, role=MembershipRole.LEAD)
    MembershipFactory(alliance=alliance, organisation=OrganisationFactory(company=True))
    AllianceFactory(submitted=True, title="Brouillon")
    data = api.get("/api/v1/alliances/").json()
    assert [a["title"] for a in data["results"]] == ["Alliance de l'Ain pour l'emploi"]
    detail = api.get(f"/api/v1/alliances/{alliance.pk}/").json()
    assert sorted(m["role"] for m in detail["members"]) == ["lead", "partner"]
    assert detail["territories"] == [
        {"kind": "commune", "code": "01053", "name": "Bourg-en-Bresse"}
    ]
    assert api.get("/api/v1/alliances/", {"world": "company"}).json()["count"] == 1
    assert api.get("/api/v1/alliances/", {"region": "11"}).json()["count"] == 0


def test_unpublished_alliance_is_not_found(api):
    draft = AllianceFactory(submitted=True)
    assert api.get(f"/api/v1/alliances/{draft.pk}/").status_code == 404


def test_catalysts(api):
    CatalystFactory(person_name="Camille Dupont")
    data = api.get("/api/v1/catalysts/").json()
    assert data["results"][0]["person_name"] == "Camille Dupont"
    assert data["results"][0]["territories"][0]["code"] == "01"
    assert api.get("/api/v1/catalysts/", {"territory": "ain"}).json()["count"] == 1
    assert api.get("/api/v1/catalysts/", {"territory": "corse"}).json()["count"] == 0


def test_list_runs_a_bounded_number_of_queries(api, django_assert_max_num_queries):
    for _ in range(5):
        MembershipFactory()
    with django_assert_max_num_queries(8):
        assert api.get("/api/v1/alliances/").json()["count"] == 5
