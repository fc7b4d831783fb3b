import pytest
from rest_framework.test import APIClient

from alliances.kit.services.demo import kit_demo_load
from alliances.mobilisation.services.demo import mobilisation_demo_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_published_resources_with_filters(api):
    kit_demo_load()
    data = api.get("/api/v1/resources/", {"kind": "method", "page_size": 100}).json()
    assert data["count"] > 0
    assert {r["kind"] for r in data["results"]} == {"method"}
    first = data["results"][0]
    detail = api.get(f"/api/v1/resources/{first['id']}/").json()
    assert detail["title"] == first["title"] and detail["body"]
    everything = api.get("/api/v1/resources/", {"page_size": 500}).json()["count"]
    assert everything >= 40
    assert api.get("/api/v1/resources/", {"q": "zzzz-nothing"}).json()["count"] == 0


def test_draft_resources_are_not_exposed(api):
    from alliances.kit.models import Resource

    kit_demo_load()
    resource = Resource.objects.published().first()
    Resource.objects.filter(pk=resource.pk).update(state="draft")
    response = api.get(f"/api/v1/resources/{resource.pk}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert resource.title not in response.content.decode()
    listing = api.get("/api/v1/resources/", {"page_size": 500}).json()
    assert resource.pk not in {r["id"] for r in listing["results"]}
    assert listing["count"] == Resource.objects.published().count()


def test_compass_questionnaires_with_scored_options(api):
    questionnaires = api.get("/api/v1/questionnaires/").json()
    assert {q["audience"] for q in questionnaires} >= {"organisation", "territory"}
    first = questionnaires[0]
    assert first["axes"] and first["axes"][0]["questions"][0]["options"]
    detail = api.get(f"/api/v1/questionnaires/{first['slug']}/").json()
    assert detail["version"] == first["version"]
    assert api.get("/api/v1/questionnaires/unknown/").status_code == 404


def test_events_upcoming_and_past(api):
    mobilisation_demo_load()
    past = api.get("/api/v1/events/", {"when": "past"}).json()["results"]
    titles = [e["title_fr"] for e in past]
    assert any("Rencontre des pionniers" in t for t in titles)
    forum = next(e for e in past if "Forum National" in e["title_fr"])
    assert forum["starts_at"].startswith("2020-10-15")
    upcoming = api.get("/api/v1/events/").json()["results"]
    assert upcoming and all(e["id"] not in {p["id"] for p in past} for e in upcoming)
    assert api.get("/api/v1/events/", {"departement": "99"}).json()["count"] == 0
    assert api.get(f"/api/v1/events/{forum['id']}/").json()["id"] == forum["id"]
