import pytest
from django.http import QueryDict
from django.urls import reverse

from alliances.kit.models import Theme
from alliances.kit.selectors.resources import ResourceFilters, resource_facets, resource_search
from alliances.registry.enums import Publication
from alliances.sdg.models import Goal
from tests.kit.factories import ResourceFactory
from tests.registry.factories import AllianceFactory

pytestmark = pytest.mark.django_db


def _search(query: str = "", **params) -> list[str]:
    q = QueryDict(mutable=True)
    q.update({"q": query, **params})
    return [r.title for r in resource_search(ResourceFilters.from_query(q))]


def test_search_ignores_accents_and_case_and_needs_every_word():
    ResourceFactory(published=True, title="Coopération entre élus et associations")
    ResourceFactory(published=True, title="Mécénat de compétences", body="Une coopération")
    ResourceFactory(title="Coopération en brouillon")  # not published
    assert sorted(_search("cooperation")) == [
        "Coopération entre élus et associations",
        "Mécénat de compétences",
    ]
    assert _search("COOPÉRATION ELUS") == ["Coopération entre élus et associations"]
    assert _search("mecenat competences") == ["Mécénat de compétences"]
    assert _search("inexistant") == []


def test_facet_counts_apply_the_other_filters():
    goal = Goal.objects.get(number=17)
    theme = Theme.objects.get(slug="gouvernance")
    one = ResourceFactory(published=True, kind="tool", maturity="start", profiles=["company"])
    one.goals.add(goal)
    one.themes.add(theme)
    ResourceFactory(published=True, kind="tool", maturity="scale", profiles=["company", "citizen"])
    ResourceFactory(published=True, kind="method", maturity="start", profiles=["company"])
    ResourceFactory(kind="method")  # draft: never counted
    facets = {
        f.param: {v.value: v.count for v in f.values}
        for f in resource_facets(ResourceFilters(kind="tool"))
    }
    # The kind facet ignores the kind filter; the others count tools only.
    assert facets["kind"] == {"method": 1, "tool": 2}
    assert facets["maturity"] == {"start": 1, "scale": 1}
    assert facets["profile"] == {"company": 2, "citizen": 1}
    assert facets["goal"] == {"17": 1}
    assert facets["theme"] == {"gouvernance": 1}
    assert facets["territory"] == {}


def test_sorting():
    ResourceFactory(published=True, title="B")
    ResourceFactory(published=True, title="A")
    ResourceFactory(published=True, title="C")
    assert _search(sort="title") == ["A", "B", "C"]
    assert _search() == ["C", "A", "B"]  # newest first
    assert _search(sort="oldest") == ["B", "A", "C"]


def test_list_page_facets_pages_and_examples(client, django_assert_max_num_queries):
    for number in range(25):
        ResourceFactory(published=True, title=f"Outil numéro {number}", kind="tool")
    AllianceFactory(title="Alliance inspirante des jardins", inspiring=True)
    AllianceFactory(title="Alliance ordinaire", inspiring=False)
    AllianceFactory(
        title="Alliance inspirante soumise", inspiring=True, publication=Publication.SUBMITTED
    )
    with django_assert_max_num_queries(20):
        response = client.get(reverse("web:kit_resources"))
    html = response.content.decode()
    assert "25 ressources" in html
    assert "Page 1 sur 2" in html
    assert "Alliance inspirante des jardins" in html
    assert "Alliance ordinaire" not in html and "soumise" not in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    page_two = client.get(reverse("web:kit_resources"), {"page": 2, "kind": "tool"})
    html = page_two.content.decode()
    # Filtered on tools: the five remaining tools, and no example block.
    assert html.count('class="card"') == 5
    assert "Alliance inspirante des jardins" not in html
    examples = client.get(reverse("web:kit_resources"), {"kind": "example"}).content.decode()
    assert "0 ressource" in examples and "Alliance inspirante des jardins" in examples


def test_english_page(client):
    ResourceFactory(published=True, title="Boîte à outils")
    html = client.get("/en" + reverse("web:kit_resources")).content.decode()
    assert "1 resource" in html and "Boîte à outils" in html
