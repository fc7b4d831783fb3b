import pytest
from django.urls import reverse

from alliances.kit.enums import ResourceState
from alliances.kit.models import Bookmark, GuidedPath, PathStep, Resource, SavedSearch
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory
from tests.registry.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _ok(response) -> str:
    html = response.content.decode()
    assert response.status_code == 200, html[:500]
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


def test_resource_page_renders_markdown_and_facts(client):
    organisation = OrganisationFactory(name="Réseau des jardins")
    resource = ResourceFactory(
        published=True,
        title="Jardiner ensemble",
        body="## Étapes\n\n- **Se rencontrer**",
        author_organisation=organisation,
    )
    html = _ok(client.get(resource.get_absolute_url()))
    assert "<h2>Étapes</h2>" in html and "<strong>Se rencontrer</strong>" in html
    assert "Réseau des jardins" in html
    assert "Ajouter à mes favoris" not in html  # anonymous


def test_drafts_are_hidden_from_the_public_and_shown_to_their_author(client):
    author = UserFactory()
    draft = ResourceFactory(created_by=author)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(author)
    html = _ok(client.get(draft.get_absolute_url()))
    assert "Soumettre à la modération" in html and "Modifier" in html


def test_propose_a_resource_with_bad_then_good_input(client):
    user = UserFactory()
    url = reverse("web:kit_resource_add")
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(user)
    response = client.post(
        url,
        {
            "kind": "tool",
            "title": "",
            "summary": "Un résumé",
            "maturity": "start",
            "language": "fr",
            "territory_code": "99999",
            "author_siren_or_rna": "W000000000",
            "links": "sans barre\nBon | ftp://example.org",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Aucune commune, aucun département ni aucune région n&#x27;a le code « 99999 »" in html
    assert "Aucune organisation du registre" in html
    assert "Ligne 1 : écrivez « intitulé | https://adresse »." in html
    assert not Resource.objects.exists()

    response = client.post(
        url,
        {
            "kind": "tool",
            "title": "Grille de suivi",
            "summary": "Pour suivre une alliance.",
            "body": "Texte",
            "profiles": ["association", "company"],
            "maturity": "structure",
            "axes": ["evaluation"],
            "language": "fr",
            "territory_code": "01053",
            "links": "Modèle | https://example.org/modele.ods",
        },
    )
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.state == ResourceState.DRAFT and resource.created_by == user
    assert resource.territory.name == "Bourg-en-Bresse"
    assert sorted(resource.profiles) == ["association", "company"]
    assert [(link.label, link.url) for link in resource.links.all()] == [
        ("Modèle", "https://example.org/modele.ods")
    ]


def test_only_editors_moderate(client):
    resource = ResourceFactory(state=ResourceState.SUBMITTED, title="À relire")
    client.force_login(UserFactory())
    assert client.get(reverse("web:kit_moderation")).status_code == 403
    client.post(reverse("web:kit_resource_move", args=[resource.pk]), {"to": "published"})
    resource.refresh_from_db()
    assert resource.state == ResourceState.SUBMITTED

    editor = UserFactory(staff=True)
    client.force_login(editor)
    assert "À relire" in _ok(client.get(reverse("web:kit_moderation")))
    response = client.post(
        reverse("web:kit_resource_move", args=[resource.pk]),
        {"to": "published", "from": "moderation"},
    )
    assert response["Location"] == reverse("web:kit_moderation")
    resource.refresh_from_db()
    assert resource.state == ResourceState.PUBLISHED
    assert resource.events.get().by == editor


def test_other_people_cannot_edit(client):
    draft = ResourceFactory(created_by=UserFactory())
    client.force_login(UserFactory())
    assert client.get(reverse("web:kit_resource_edit", args=[draft.pk])).status_code == 403


def test_bookmarks_saved_searches_and_my_kit(client):
    user = UserFactory()
    resource = ResourceFactory(published=True, title="Outil favori")
    client.force_login(user)
    client.post(reverse("web:kit_bookmark", args=[resource.pk]))
    assert Bookmark.objects.filter(user=user, resource=resource).exists()
    client.post(reverse("web:kit_saved_search_add"), {"label": "", "search": "q=outil"})
    assert not SavedSearch.objects.exists()
    client.post(reverse("web:kit_saved_search_add"), {"label": "Outils", "search": "q=outil"})
    saved = SavedSearch.objects.get(user=user)
    html = _ok(client.get(reverse("web:kit_saved_searches")))
    assert "Outil favori" in html and "Outils" in html
    client.post(reverse("web:kit_saved_search_delete", args=[saved.pk]))
    assert not SavedSearch.objects.exists()


def test_guided_path_shows_published_steps_in_order(client):
    first = ResourceFactory(published=True, title="Première étape")
    second = ResourceFactory(published=True, title="Deuxième étape")
    hidden = ResourceFactory(title="Étape en brouillon")
    path = GuidedPath.objects.create(
        slug="asso",
        title_fr="Une association qui débute",
        title_en="An association starting out",
        profile="association",
        maturity="discover",
        is_published=True,
    )
    for order, resource in enumerate([second, hidden, first], start=1):
        PathStep.objects.create(path=path, resource=resource, order=order)
    html = _ok(client.get(reverse("web:kit_paths")))
    assert "Une association qui débute" in html and "2 étapes" in html
    html = _ok(client.get(path.get_absolute_url()))
    assert html.index("Deuxième étape") < html.index("Première étape")
    assert "brouillon" not in html
    path.is_published = False
    path.save()
    assert client.get(path.get_absolute_url()).status_code == 404


def test_compass_pages(client, organisation_compass):
    html = _ok(client.get(reverse("web:compass")))
    assert "Boussole des alliances — organisation" in html
    assert "Boussole des alliances — territoire" in html
    html = _ok(client.get(organisation_compass.get_absolute_url()))
    # 17 questions with four options, one yes/no question, one "not applicable".
    assert html.count('type="radio"') == 17 * 4 + 2 + 1
    assert "Sans objet" in html
    assert client.get(reverse("web:compass_result", args=["not-a-token"])).status_code == 404


def test_main_menu_links_the_resources(client):
    html = _ok(client.get(reverse("web:home")))
    assert f'href="{reverse("web:kit_resources")}"' in html
