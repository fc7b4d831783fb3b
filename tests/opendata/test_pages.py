import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.registry.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(settings, tmp_path):
    settings.OPENDATA_DIR = tmp_path
    MembershipFactory()
    call_command("export_opendata")
    return tmp_path


def test_page_before_any_export_says_so(client, settings, tmp_path):
    settings.OPENDATA_DIR = tmp_path / "nothing"
    response = client.get(reverse("web:opendata"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "export_opendata" in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_page_lists_datasets_sizes_licence_and_links(
    client, exported, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("web:opendata"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Alliances publiées" in html and "Licence Ouverte" in html
    assert reverse("web:opendata_file", args=["alliances.csv"]) in html
    assert reverse("web:opendata_file", args=["datapackage.json"]) in html
    assert reverse("web:opendata_file", args=["catalogue.ttl"]) in html
    assert reverse("web:opendata_schema") in html


def test_english_page(client, exported):
    response = client.get("/en" + reverse("web:opendata"))
    assert "Published alliances" in response.content.decode()


def test_files_are_served_from_the_export(client, exported):
    response = client.get(reverse("web:opendata_file", args=["alliances.csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body == (exported / "alliances.csv").read_bytes()
    response.close()
    catalogue = client.get(reverse("web:opendata_file", args=["catalogue.jsonld"]))
    assert catalogue["Content-Type"] == "application/ld+json"
    assert b"dcat" in b"".join(catalogue.streaming_content)
    catalogue.close()


@pytest.mark.parametrize("name", ["..%2Fsecret.csv", "missing.csv", "datapackage.py", ".staging"])
def test_unknown_or_unsafe_names_are_not_found(client, exported, name):
    assert client.get(reverse("web:opendata") + "fichiers/" + name).status_code == 404


def test_schema_documentation_page(client):
    response = client.get(reverse("web:opendata_schema"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "member_role" in html and "alliance_ref" in html and "lead, partner" in html


def test_footer_links_to_the_open_data_page(client):
    assert reverse("web:opendata") in client.get(reverse("web:home")).content.decode()
