import pytest
from django.urls import reverse

from alliances.insights.services.indicators import indicator_values_import
from alliances.insights.services.refresh import insights_refresh
from tests.insights.fixtures import small_registry  # noqa: F401

__all__ = ["small_registry"]

INDICATORS = (
    "territory_kind,territory_code,indicator,year,value,source\n"
    "france,,poverty_rate,2021,14.5,test\n"
    "region,84,poverty_rate,2021,12.0,test\n"
    "departement,01,poverty_rate,2021,15.0,test\n"
    "region,84,life_expectancy,2021,83.0,test\n"
    "departement,01,life_expectancy,2021,82.0,test\n"
    "region,84,unemployment_rate,2021,7.0,test\n"
    "departement,01,unemployment_rate,2021,6.0,test\n"
)


@pytest.fixture
def refreshed(small_registry):
    insights_refresh()
    return small_registry


def test_departement_diagnostic_page(client, refreshed, django_assert_max_num_queries):
    url = reverse("web:diagnostic", kwargs={"kind": "departement", "code": "01"})
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Ain</h1>" in html
    assert html.count('role="img"') >= 3  # charts, each with its table
    assert 'id="table-actors"' in html and 'id="table-sdg"' in html
    assert "Auvergne-Rhône-Alpes" in html  # compared with its région
    assert 'href="/territoires/departement/01/diagnostic/actors.csv"' in html


def test_france_diagnostic_and_english(client, refreshed):
    response = client.get(reverse("web:diagnostic_france"))
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode()
    english = client.get("/en/territoires/france/diagnostic/")
    assert "Territorial diagnostic: France" in english.content.decode()


def test_page_before_any_refresh_says_so(client, db):
    response = client.get(reverse("web:diagnostic", kwargs={"kind": "region", "code": "84"}))
    assert response.status_code == 200
    assert "alliances refresh_insights" in response.content.decode()


def test_unknown_kinds_and_territories_are_404(client, refreshed):
    assert client.get("/territoires/planete/01/diagnostic/").status_code == 404
    assert client.get("/territoires/arrondissement/69383/diagnostic/").status_code == 404
    assert client.get("/territoires/departement/999/diagnostic/").status_code == 404
    assert client.get("/territoires/departement/01/diagnostic/nothing.csv").status_code == 404


def test_csv_download_matches_the_numbers(client, refreshed):
    response = client.get("/en/territoires/departement/01/diagnostic/actors.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "World,Active,Dissolved or closed,Active per 1,000 inhabitants" or lines[
        0
    ].startswith("World,Active")
    assert lines[1].startswith("association,3,1,")


def test_pdf_renders(client, refreshed):
    indicator_values_import(raw=INDICATORS.encode(), filename="i.csv", commit=True)
    response = client.get("/territoires/departement/01/diagnostic.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000


def test_territory_page_links_to_its_diagnostic(client, db):
    html = client.get("/territoires/departement/01/").content.decode()
    assert 'href="/territoires/departement/01/diagnostic/"' in html
    html = client.get("/territoires/arrondissement/69383/").content.decode()
    assert "/diagnostic/" not in html
