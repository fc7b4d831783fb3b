"""Registry writes over the API: the public form's proposal, moderation, corrections, and
organisations entered by moderators — same rules as the pages, one error format."""

import pytest

from alliances.registry.enums import Publication
from alliances.registry.models import Alliance, CorrectionRequest, Organisation, PublicationEvent
from tests.api.conftest import token_client
from tests.registry.factories import AllianceFactory, OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

VALID_SIREN = "732829320"
LA_POSTE_SIRET = "35600000000048"  # Luhn fails, La Poste's rule (sum multiple of 5) holds


def proposal(**changes) -> dict:
    body = {
        "title": "Alliance bressane pour l'emploi",
        "summary": "Une association et une entreprise forment des jeunes ensemble.",
        "alliance_type": "cooperation",
        "departement": "01",
        "commune": "01053",
        "goals": [4, 8],
        "members": [
            {
                "name": "Emploi Bresse",
                "identifier": "W012345678",
                "world": "association",
                "role": "lead",
            },
            {
                "name": "Société Bressane",
                "identifier": "732 829 320",
                "world": "company",
                "role": "partner",
            },
        ],
    }
    body.update(changes)
    return body


def test_signed_in_person_proposes_an_alliance_that_waits_for_moderation(writer):
    response = token_client(writer).post("/api/v1/alliances/", proposal(), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["publication"] == "submitted" and data["goals"] == [4, 8]
    assert data["territories"] == [{"kind": "commune", "code": "01053", "name": "Bourg-en-Bresse"}]
    assert sorted(m["role"] for m in data["members"]) == ["lead", "partner"]
    alliance = Alliance.objects.get(pk=data["id"])
    assert alliance.contact_email == writer.email
    assert Organisation.objects.filter(siren=VALID_SIREN, source="form").exists()
    event = PublicationEvent.objects.get(alliance=alliance)
    assert (event.to_state, event.by) == ("submitted", writer)
    # Not public until a moderator publishes it.
    assert token_client(writer).get(f"/api/v1/alliances/{alliance.pk}/").status_code == 404


def test_proposal_refused_anonymously_and_with_a_read_token(anonymous, writer):
    response = anonymous.post("/api/v1/alliances/", proposal(), format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    response = token_client(writer, "read").post("/api/v1/alliances/", proposal(), format="json")
    assert response.status_code == 403
    assert response.json() == {"code": "permission_denied", "message": "This token is read only."}
    assert not Alliance.objects.exists()


def test_proposal_errors_have_field_paths_and_codes_and_write_nothing(writer):
    bad_member = proposal()["members"]
    bad_member[1] = {**bad_member[1], "identifier": "732829321"}
    response = token_client(writer).post(
        "/api/v1/alliances/", proposal(members=bad_member, commune="75056"), format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert "neither a valid SIREN" in body["errors"]["members"][1]["identifier"][0]
    assert body["errors"]["commune"] == ["This commune is not in the département chosen."]
    response = token_client(writer).post(
        "/api/v1/alliances/", proposal(departement="ZZ", goals=[18]), format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"goals"}
    response = token_client(writer).post(
        "/api/v1/alliances/", proposal(departement="ZZ"), format="json"
    )
    assert response.json()["codes"] == {"departement": ["not_found"]}
    assert not Alliance.objects.exists() and not Organisation.objects.exists()


def test_moderator_publishes_and_archives_others_may_not(writer, moderator):
    alliance = AllianceFactory(submitted=True)
    url = f"/api/v1/alliances/{alliance.pk}/publication/"
    response = token_client(writer).post(url, {"to": "published"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    response = token_client(moderator).post(
        url, {"to": "published", "note": "Checked"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["publication"] == "published"
    assert response.json()["published_at"]
    response = token_client(moderator).post(url, {"to": "submitted"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert (
        token_client(moderator).post(url, {"to": "archived"}, format="json").json()["publication"]
        == "archived"
    )
    assert list(
        PublicationEvent.objects.filter(alliance=alliance).values_list("to_state", flat=True)
    ) == [Publication.ARCHIVED, Publication.PUBLISHED]


def test_corrections_reported_then_handled_by_a_moderator(writer, moderator):
    alliance = AllianceFactory()
    organisation = OrganisationFactory()
    client = token_client(writer)
    response = client.post(
        f"/api/v1/alliances/{alliance.pk}/corrections/",
        {"message": "The end date is wrong."},
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["alliance"], response.json()["status"]) == (alliance.pk, "open")
    response = client.post(
        f"/api/v1/organisations/{organisation.pk}/corrections/",
        {"message": "   ", "contact_email": "not-an-address"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"message", "contact_email"}
    draft = AllianceFactory(submitted=True)
    assert (
        client.post(
            f"/api/v1/alliances/{draft.pk}/corrections/", {"message": "x"}, format="json"
        ).status_code
        == 404
    )
    correction = CorrectionRequest.objects.get()
    url = f"/api/v1/corrections/{correction.pk}/"
    assert client.post(url, {"status": "accepted"}, format="json").status_code == 403
    response = token_client(moderator).post(url, {"status": "accepted"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    again = token_client(moderator).post(url, {"status": "rejected"}, format="json")
    assert again.status_code == 400
    assert CorrectionRequest.objects.get().status == "accepted"


def test_moderator_creates_and_edits_organisations_with_checked_identifiers(writer, moderator):
    body = {
        "name": "La Poste Bourg",
        "world": "public",
        "siret": LA_POSTE_SIRET,
        "commune": "01053",
        "goals": [11],
    }
    refused = token_client(writer).post("/api/v1/organisations/", body, format="json")
    assert refused.status_code == 403
    assert refused.json()["message"] == "Only the registry's moderators may do this."
    assert not Organisation.objects.exists()
    response = token_client(moderator).post("/api/v1/organisations/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["siret"], created["departement"], created["goals"]) == (
        LA_POSTE_SIRET,
        "01",
        [11],
    )
    assert Organisation.objects.get(pk=created["id"]).source == "manual"
    url = f"/api/v1/organisations/{created['id']}/"
    response = token_client(moderator).patch(
        url, {"siren": "732829321", "rna_id": "W12345", "siret": "73282932000075"}, format="json"
    )
    assert response.status_code == 400
    codes = response.json()["codes"]
    assert codes == {
        "siren": ["invalid_siren"],
        "rna_id": ["invalid_rna"],
        "siret": ["invalid_siret"],
    }
    assert "not a valid SIREN" in response.json()["errors"]["siren"][0]
    response = token_client(moderator).patch(url, {"created_on": "2020-13-45"}, format="json")
    assert response.status_code == 400 and "created_on" in response.json()["errors"]
    OrganisationFactory(siren=VALID_SIREN)
    response = token_client(moderator).patch(url, {"siren": VALID_SIREN}, format="json")
    assert response.json()["codes"] == {"siren": ["unique"]}
    response = token_client(moderator).patch(
        url, {"short_name": "Poste", "rna_id": "W011000001"}, format="json"
    )
    assert response.status_code == 200
    saved = Organisation.objects.get(pk=created["id"])
    assert (saved.name, saved.short_name, saved.rna_id, saved.siren) == (
        "La Poste Bourg",
        "Poste",
        "W011000001",
        None,
    )
    refused = token_client(writer).patch(url, {"name": "Mine"}, format="json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    assert Organisation.objects.get(pk=created["id"]).name == "La Poste Bourg"


def test_a_browser_session_writes_with_its_csrf_token_only(writer):
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
    from rest_framework.test import APIClient

    browser = APIClient(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(writer)
    response = browser.post("/api/v1/alliances/", proposal(), format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Alliance.objects.exists()
    secret = _get_new_csrf_string()
    browser.cookies["csrftoken"] = secret
    response = browser.post(
        "/api/v1/alliances/",
        proposal(),
        format="json",
        HTTP_X_CSRFTOKEN=_mask_cipher_secret(secret),
    )
    assert response.status_code == 201
    alliance = Alliance.objects.get()
    assert response.json()["id"] == alliance.pk and response.json()["publication"] == "submitted"
    assert alliance.contact_email == writer.email


def test_the_organisation_body_carries_exactly_the_fields_the_form_saves():
    from alliances.api.registry.write_serializers import OrganisationWriteSerializer
    from alliances.api.registry.writes import ORGANISATION_FIELDS

    assert list(OrganisationWriteSerializer().fields) == ORGANISATION_FIELDS
    assert "departement" not in ORGANISATION_FIELDS and "commune" in ORGANISATION_FIELDS
