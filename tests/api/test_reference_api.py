import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_territories_filter_and_paginate():
    api = APIClient()
    data = api.get("/api/v1/territories/", {"kind": "departement", "region": "94"}).json()
    assert [t["code"] for t in data["results"]] == ["2A", "2B"]
    communes = api.get("/api/v1/territories/", {"kind": "commune", "page_size": 500}).json()
    assert communes["count"] == 34969
    assert len(communes["results"]) == 500
    too_big = api.get("/api/v1/territories/", {"kind": "commune", "page_size": 1000})
    assert too_big.status_code == 400 and "page_size" in too_big.json()["errors"]
    assert api.get("/api/v1/territories/", {"kind": "planet"}).status_code == 400
    found = api.get("/api/v1/territories/", {"q": "clemenciat"}).json()["results"]
    assert [(t["code"], t["departement"], t["epci"]) for t in found] == [
        ("01001", "01", "200069193")
    ]


def test_territory_detail_and_not_found():
    api = APIClient()
    assert api.get("/api/v1/territories/commune/01001/").json()["population"] == 860
    assert api.get("/api/v1/territories/commune/99999/").status_code == 404


def test_goals_and_targets():
    api = APIClient()
    goals = api.get("/api/v1/sdg/goals/").json()
    assert len(goals) == 17 and goals[16]["short_en"] == "Partnerships for the goals"
    goal = api.get("/api/v1/sdg/goals/17/").json()
    assert len(goal["targets"]) == 19 and goal["targets"][-1]["code"] == "17.19"


def test_schema_and_local_docs():
    api = APIClient()
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/programmes/{slug}/measures/{code}/" in schema["paths"]
    docs = api.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs
