"""Roadmap steering over the API: public reads, permission-checked writes, one error format."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from alliances.program.models import IndicatorValue, Measure, Milestone, ProgressUpdate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
BASE = "/api/v1/programmes/alliances-strategiques-2020"


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_programme_with_dimensions_and_instances(api, steering):
    data = api.get(BASE + "/").json()
    assert data["slug"] == "alliances-strategiques-2020"
    assert [
        (d["code"], d["effect_from_months"], d["effect_to_months"], len(d["measures"]))
        for d in data["dimensions"]
    ] == [
        ("O", 3, 9, 7),
        ("S", 6, 12, 7),
        ("P", 12, 18, 7),
    ]
    assert data["progress"] == pytest.approx(0.5)
    assert {i["date"] for i in data["instances"]} >= {"2020-07-08", "2020-10-15"}
    assert api.get("/api/v1/programmes/").json()["count"] == 1


def test_measures_with_computed_fields_and_filters(api, steering):
    measures = api.get(BASE + "/measures/").json()
    assert len(measures) == 21
    o1 = measures[0]
    assert o1["code"] == "O1"
    assert o1["title_fr"] == "Rendre immédiatement accessible l’existant pour agir dès à présent"
    assert (o1["progress"], o1["freshness"], o1["late_milestones"]) == (
        pytest.approx(0.5),
        "overdue",
        1,
    )
    assert [m["code"] for m in api.get(BASE + "/measures/", {"dimension": "P"}).json()][:2] == [
        "P1",
        "P2",
    ]
    assert len(api.get(BASE + "/measures/", {"freshness": "fresh"}).json()) == 0


def test_measure_detail_has_milestones_and_indicators_with_status(api, steering):
    data = api.get(BASE + "/measures/O1/").json()
    assert [m["external_id"] for m in data["milestones"]] == ["O1-J1", "O1-J2"]
    [indicator] = data["indicators"]
    assert (indicator["status"], indicator["progress"]) == ("substantial", 0.5)
    assert indicator["latest"]["value"] == 150
    assert api.get(BASE + "/measures/Z9/").status_code == 404
    assert api.get(BASE + "/measures/Z9/").json() == {"code": "not_found", "message": "Not found."}


def test_anonymous_writes_are_refused(api, o1):
    response = api.patch(
        BASE + "/measures/O1/", {"version": 1, "status": "completed"}, format="json"
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == "not_authenticated"
    assert Measure.objects.get(pk=o1.pk).status == "not_started"


def test_pilot_patches_own_measure_not_another(api, pilot, o1):
    api.force_authenticate(pilot)
    response = api.patch(
        BASE + "/measures/O1/", {"version": o1.version, "status": "in_progress"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    assert response.json()["version"] == o1.version + 1
    o2 = Measure.objects.get(code="O2")
    response = api.patch(
        BASE + "/measures/O2/", {"version": o2.version, "status": "completed"}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "You are not allowed to change this measure.",
    }


def test_stale_version_is_a_conflict(api, pilot, o1):
    api.force_authenticate(pilot)
    api.patch(
        BASE + "/measures/O1/", {"version": o1.version, "status": "in_progress"}, format="json"
    )
    response = api.patch(
        BASE + "/measures/O1/", {"version": o1.version, "status": "completed"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    french = APIClient(HTTP_ACCEPT_LANGUAGE="fr")
    french.force_authenticate(pilot)
    response = french.patch(
        BASE + "/measures/O1/", {"version": o1.version, "status": "completed"}, format="json"
    )
    assert response.json()["message"].startswith("Quelqu’un d’autre a modifié cette fiche")
    assert Measure.objects.get(pk=o1.pk).status == "in_progress"


def test_validation_errors_have_one_format(api, pilot, o1):
    api.force_authenticate(pilot)
    response = api.patch(BASE + "/measures/O1/", {"status": "finished"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["errors"]) == {"version", "status"}
    response = api.patch(
        BASE + "/measures/O1/",
        {"version": o1.version, "start_date": "2026-05-01", "due_date": "2026-04-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": "The due date is before the start date.",
    }


def test_pilot_publishes_update_adds_milestone_records_value(api, pilot, steering):
    api.force_authenticate(pilot)
    response = api.post(
        BASE + "/measures/O1/updates/",
        {"date": date.today().isoformat(), "status": "on_track", "narrative": "Done"},
        format="json",
    )
    assert response.status_code == 201
    assert ProgressUpdate.objects.get().author == pilot
    response = api.post(
        BASE + "/measures/O1/milestones/",
        {"kind": "action", "title": "Publish the guide"},
        format="json",
    )
    assert response.status_code == 201
    created = Milestone.objects.get(title="Publish the guide")
    assert response.json()["external_id"] == created.external_id == "O1-J3"
    response = api.patch(
        f"{BASE}/milestones/{created.pk}/",
        {"version": 1, "done_date": date.today().isoformat()},
        format="json",
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    assert (
        api.patch(f"{BASE}/milestones/{created.pk}/", {"title": "x"}, format="json").status_code
        == 400
    )
    indicator = steering.indicators.get()
    response = api.post(
        f"{BASE}/indicators/{indicator.pk}/values/",
        {"date": date.today().isoformat(), "value": "175"},
        format="json",
    )
    assert response.status_code == 201
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 2
    response = api.post(
        f"{BASE}/indicators/{indicator.pk}/values/",
        {"date": "2999-01-01", "value": "abc"},
        format="json",
    )
    assert response.status_code == 400 and "value" in response.json()["errors"]


def test_etag_allows_revalidation(api, steering):
    first = api.get(BASE + "/measures/")
    assert first.has_header("ETag")
    again = api.get(BASE + "/measures/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_strict_types_and_rounded_decimals(api, pilot, steering):
    api.force_authenticate(pilot)
    url = BASE + "/measures/O1/updates/"
    response = api.post(
        url, {"date": "2026-01-05", "status": "on_track", "narrative": 0}, format="json"
    )
    assert response.status_code == 400 and "narrative" in response.json()["errors"]
    indicator = steering.indicators.get()
    response = api.post(
        f"{BASE}/indicators/{indicator.pk}/values/",
        {"date": "2026-01-05", "value": 175.123456},
        format="json",
    )
    assert response.status_code == 201 and response.json()["value"] == 175.1235
    form = api.post(url, {"date": "2026-01-05", "status": "on_track", "narrative": "x"})
    assert form.status_code == 415  # JSON only
