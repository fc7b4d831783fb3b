from django.urls import reverse

from alliances.insights.maps import PALETTE, choropleth, geometry
from alliances.insights.selectors import scope_summaries
from alliances.insights.services.refresh import insights_refresh
from tests.insights.fixtures import small_registry  # noqa: F401

__all__ = ["small_registry"]


def test_geometry_has_the_96_metropolitan_departements():
    paths = geometry()["paths"]
    assert len(paths) == 96
    assert {"01", "2A", "2B", "95"} <= set(paths)
    assert "971" not in paths


def test_departement_map_colours_by_value_with_a_table(small_registry):
    insights_refresh()
    data = choropleth(scope_summaries("departement"), level="departement", metric="alliances")
    shapes = {shape.code: shape for shape in data.shapes}
    assert shapes["01"].value == 2 and shapes["01"].fill == PALETTE[-1]
    assert shapes["75"].value == 0
    assert [box.code for box in data.boxes] == ["971", "972", "973", "974", "976"]
    assert data.rows[0]["code"] == "01"  # ranked by value
    assert len(data.rows) == 109


def test_region_map_paints_departements_in_their_region_colour(small_registry):
    insights_refresh()
    data = choropleth(scope_summaries("region"), level="region", metric="alliances")
    shapes = {shape.code: shape for shape in data.shapes}
    assert shapes["01"].value == shapes["38"].value == 3  # Ain and Isère: Auvergne-Rhône-Alpes
    assert shapes["01"].name == "Auvergne-Rhône-Alpes"


def test_map_page_and_csv(client, small_registry, django_assert_max_num_queries):
    insights_refresh()
    with django_assert_max_num_queries(10):
        response = client.get(reverse("web:observatory_map"), {"level": "region", "metric": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert html.count("<path") == 96
    assert "CC BY 4.0" in html
    assert 'id="map-table"' in html
    csv = client.get("/en/territoires/carte.csv?level=departement&metric=alliances")
    lines = csv.content.decode().splitlines()
    assert lines[0] == "Code,Name,Population,Alliances touching the territory"
    assert lines[1].startswith("01,Ain,")
