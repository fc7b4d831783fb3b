import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
SEED = "/api/v1/studies/observatoire-partenariats-covid-2020"


def test_the_seed_survey_is_published_with_its_figures():
    api = APIClient()
    slugs = [s["slug"] for s in api.get("/api/v1/studies/").json()["results"]]
    assert "observatoire-partenariats-covid-2020" in slugs
    study = api.get(SEED + "/").json()
    assert study["questions"][0]["variable"] == "jouer_collectif"
    estimates = api.get(SEED + "/estimates/").json()["results"]
    shares = {e["code"]: e["share"] for e in estimates}
    assert sorted(shares.values(), reverse=True) == [81, 29, 9, 4, 3, 3]
    assert all(e["is_aggregate_only"] for e in estimates)
    assert "OpinionWay" in estimates[0]["source"]


def test_filters_and_unknown_study():
    api = APIClient()
    assert api.get(SEED + "/estimates/", {"question": "nope"}).json()["count"] == 0
    assert api.get(SEED + "/estimates/", {"region": "all"}).json()["count"] == 6
    assert api.get(SEED + "/estimates/", {"wave": "x"}).status_code == 400
    assert api.get("/api/v1/studies/unknown/").status_code == 404
