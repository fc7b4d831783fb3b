"""Every public page renders in French and in English, in the theme, without broken variables."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PAGES = {
    # path: (text expected in French, text expected in English)
    "/": ("agir ensemble", "acting together"),
    "/territoires/": ("Territoires", "Territories"),
    "/territoires/?q=lyon": ("Lyon", "Lyon"),
    "/territoires/region/84/": ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"),
    "/territoires/departement/2A/": ("Corse-du-Sud", "Corse-du-Sud"),
    "/territoires/epci/200046977/": ("Métropole de Lyon", "Métropole de Lyon"),
    "/territoires/commune/01001/": ("L&#x27;Abergement-Clémenciat", "L&#x27;Abergement-Clémenciat"),
    "/territoires/arrondissement/75101/": ("Paris 1er Arrondissement", "Paris 1er Arrondissement"),
    "/odd/": ("Les 17 Objectifs de développement durable", "The 17 Sustainable Development Goals"),
    "/odd/17/": ("Partenariats pour la réalisation des objectifs", "Partnerships for the goals"),
    "/accessibilite/": ("Déclaration d’accessibilité", "Accessibility statement"),
    "/accessibilite/schema-pluriannuel/": (
        "Schéma pluriannuel de mise en accessibilité",
        "Multi-year accessibility plan",
    ),
    "/mentions-legales/": ("Mentions légales", "Legal notice"),
    "/donnees-personnelles/": ("Données personnelles", "Personal data"),
}


def get(client, path, language):
    url = path if language == "fr" else "/en" + path
    response = client.get(url)
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return response, html


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_in_the_theme(client, path, language):
    response, html = get(client, path, language)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert PAGES[path][0 if language == "fr" else 1] in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert html.count("<h1") == 1
    # No request leaves the platform: every src and stylesheet (or other <link>) is local. Plain
    # links (<a href>) may lead elsewhere, e.g. the statement's link to the Défenseur des droits.
    assert not re.search(
        r'(src="|<link [^>]*href=")(https?:)?//(?!127\.0\.0\.1|localhost|testserver)', html
    )


def test_language_switcher_points_to_the_same_page_in_the_other_language(client):
    _response, html = get(client, "/odd/17/", "fr")
    assert 'href="/en/odd/17/" lang="en" hreflang="en">English</a>' in html
    _response, html = get(client, "/odd/17/", "en")
    assert 'href="/odd/17/" lang="fr" hreflang="fr">Français</a>' in html


def test_current_section_is_marked_in_the_navigation(client):
    _response, html = get(client, "/odd/", "fr")
    assert re.search(r'href="/odd/" aria-current="page">ODD</a>', html)


def test_home_shows_the_real_counts_and_the_seven_parts(client):
    _response, html = get(client, "/", "fr")
    assert '<span class="figure">34\xa0969</span>' in html
    assert html.count("<li><h3>") == 7


def test_territory_page_shows_hierarchy_children_and_population(client):
    response, html = get(client, "/territoires/epci/200069193/", "fr")
    territory = response.context["territory"]
    assert territory.kind == "epci"
    assert 'href="/territoires/commune/01001/"' in html
    assert 'href="/territoires/departement/01/">Ain</a>' in html
    assert 'href="/territoires/region/84/">Auvergne-Rhône-Alpes</a>' in html


def test_large_children_lists_are_paginated(client):
    response, html = get(client, "/territoires/departement/62/?page_commune=2", "fr")
    page = response.context["child_groups"][1]["page"]
    assert page.number == 2
    assert page.paginator.count > 800
    assert len(page.object_list) == 100
    assert "page_commune=3" in html


def test_territory_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/territoires/departement/59/")
    with django_assert_max_num_queries(8):
        client.get("/territoires/commune/75056/")


@pytest.mark.parametrize(
    "path",
    [
        "/territoires/commune/99999/",
        "/territoires/planete/01/",
        "/odd/18/",
        "/odd/0/",
        "/page-qui-n-existe-pas/",
    ],
)
def test_unknown_pages_get_the_themed_404(client, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page introuvable" in html
    assert 'class="skip-link"' in html


def test_404_in_english(client):
    response = client.get("/en/odd/99/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_writes_to_read_only_pages_are_refused(client):
    assert client.post("/territoires/").status_code == 405


def test_overlong_search_is_cut_not_refused(client):
    response = client.get("/territoires/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 100


@override_settings(PLATFORM_NAME="Alliances Occitanie", PLATFORM_HOSTING_PROVIDER="Hébergeur SA")
def test_platform_identity_is_configurable(client):
    _response, html = get(client, "/mentions-legales/", "fr")
    assert "<title>Mentions légales — Alliances Occitanie</title>" in html
    assert "Hébergeur SA" in html


def test_server_error_page_is_standalone():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Erreur 500" in html
    assert '<html lang="fr">' in html


def test_admin_is_in_french(admin_client):
    response = admin_client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Administration d’Alliances" in html or "Administration de Alliances" in html
    assert 'href="/admin/territories/territory/"' in html
    assert "Territoires" in html
