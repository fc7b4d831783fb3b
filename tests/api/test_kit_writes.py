"""Kit writes over the API: proposing resources, the workflow, bookmarks — the page's rules."""

import pytest

from alliances.kit.models import Bookmark, Resource
from tests.api.conftest import token_client
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def resource_body(**changes) -> dict:
    body = {
        "kind": "method",
        "title": "Monter un comité de pilotage partagé",
        "summary": "Les étapes pour gouverner une alliance à plusieurs.",
        "body": "## Étapes\n\n1. Inviter.\n2. Décider.",
        "profiles": ["association", "company"],
        "maturity": "start",
        "axes": ["governance"],
        "goals": [17],
        "language": "fr",
        "territory": "01",
        "links": [{"label": "Guide", "url": "https://example.org/guide"}],
    }
    body.update(changes)
    return body


def test_author_proposes_edits_and_submits_a_draft(writer):
    client = token_client(writer)
    response = client.post("/api/v1/resources/", resource_body(), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["state"], data["territory"]["code"], data["profiles"]) == (
        "draft",
        "01",
        ["association", "company"],
    )
    assert data["links"] == [{"label": "Guide", "url": "https://example.org/guide"}]
    url = f"/api/v1/resources/{data['id']}/"
    assert client.get(url).json()["state"] == "draft"  # the author sees the draft
    response = client.patch(url, {"title": "Un comité de pilotage partagé"}, format="json")
    assert response.status_code == 200
    resource = Resource.objects.get(pk=data["id"])
    assert resource.title == "Un comité de pilotage partagé"
    assert resource.links.get().url == "https://example.org/guide"  # untouched fields kept
    assert sorted(resource.profiles) == ["association", "company"]
    move = client.post(url + "transitions/", {"to": "submitted"}, format="json")
    assert move.status_code == 200 and move.json()["state"] == "submitted"
    # Submitted: the author may no longer edit, nor publish.
    assert client.patch(url, {"title": "Autre"}, format="json").status_code == 403
    response = client.post(url + "transitions/", {"to": "published"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    resource = Resource.objects.get(pk=data["id"])
    assert (resource.state, resource.title) == ("submitted", "Un comité de pilotage partagé")


def test_others_neither_see_nor_edit_a_draft_editors_publish(writer, moderator):
    draft = ResourceFactory(created_by=writer)
    other = token_client(moderator)
    stranger = token_client(UserFactory())
    url = f"/api/v1/resources/{draft.pk}/"
    assert stranger.get(url).status_code == 404
    assert stranger.patch(url, {"title": "Pris"}, format="json").status_code == 404
    assert other.patch(url, {"title": "Relu"}, format="json").status_code == 200
    assert other.post(url + "transitions/", {"to": "published"}, format="json").status_code == 400
    token_client(writer).post(url + "transitions/", {"to": "submitted"}, format="json")
    published = other.post(url + "transitions/", {"to": "published"}, format="json")
    assert published.status_code == 200 and published.json()["published_at"]
    assert stranger.get(url).json()["title"] == "Relu"
    # Published: everyone sees it, only editors change it.
    response = stranger.patch(url, {"title": "Pris"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert token_client(writer).patch(url, {"title": "Pris"}, format="json").status_code == 403
    assert Resource.objects.get(pk=draft.pk).title == "Relu"


def test_resource_validation_errors_write_nothing(writer, anonymous):
    client = token_client(writer)
    response = client.post(
        "/api/v1/resources/",
        resource_body(
            territory="99999",
            author_organisation="W000000000",
            profiles=[],
            links=[{"label": "x", "url": "ftp://nope"}],
        ),
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"profiles", "links"}  # shape first…
    response = client.post(
        "/api/v1/resources/",
        resource_body(territory="99999", author_organisation="W000000000", themes=["nope"]),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"themes": ["There is no theme “nope”."]}
    response = client.post(
        "/api/v1/resources/",
        resource_body(territory="99999", author_organisation="W000000000"),
        format="json",
    )
    errors = response.json()["errors"]  # …then the page form's rules
    assert set(errors) == {"territory", "author_organisation"}
    assert anonymous.post("/api/v1/resources/", resource_body(), format="json").status_code == 401
    read = token_client(writer, "read")
    assert read.post("/api/v1/resources/", resource_body(), format="json").status_code == 403
    assert not Resource.objects.exists()


def test_bookmarks_put_and_delete_are_repeatable(writer, anonymous):
    published = ResourceFactory(published=True)
    draft = ResourceFactory()
    client = token_client(writer)
    url = f"/api/v1/resources/{published.pk}/bookmark/"
    assert client.put(url).status_code == 201
    assert client.put(url).status_code == 200
    assert client.put(url).json() == {"resource": published.pk, "bookmarked": True}
    assert Bookmark.objects.filter(user=writer).count() == 1
    assert client.put(f"/api/v1/resources/{draft.pk}/bookmark/").status_code == 404
    assert anonymous.put(url).status_code == 401
    assert token_client(writer, "read").delete(url).status_code == 403
    assert client.delete(url).status_code == 204
    assert client.delete(url).status_code == 204
    assert not Bookmark.objects.exists()
