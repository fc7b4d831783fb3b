"""Every chart, map and network drawing shows a text summary written from its own data."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from alliances.insights import charts as insight_charts
from alliances.insights.services.refresh import insights_refresh
from alliances.insights.tables import Column, DataTable
from alliances.studies.reference import SLUG
from tests.insights.fixtures import small_registry  # noqa: F401

__all__ = ["small_registry"]

pytestmark = pytest.mark.django_db
ROADMAP = "/feuille-de-route/alliances-strategiques-2020"
SUMMARY = re.compile(r'class="chart-summary">([^<]+)<')


def summaries_of(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    found = [text.strip() for text in SUMMARY.findall(html)]
    assert all(found), f"an empty chart summary on {url}"
    return found


def test_roadmap_charts_each_have_their_summary(client, steering):
    dashboard = summaries_of(client, f"{ROADMAP}/")
    # Only O1 has milestones and an indicator: the other dimensions have no progress to rank.
    assert (
        dashboard[0]
        == "Avancement par dimension : Mesures opérationnelles, 50\xa0%. 2 sans valeur."
    )
    assert dashboard[1].startswith("Mesures par niveau d’atteinte : ")
    english = summaries_of(client, f"/en{ROADMAP}/")
    assert english[0].startswith("Progress by dimension: ")
    assert "not assessed yet:" in english[1]
    # The dependency graph and the timeline.
    (system,) = summaries_of(client, f"/en{ROADMAP}/systeme/")
    assert re.match(r"\d+ measures, \d+ dependencies between measures\.", system)
    (timeline,) = summaries_of(client, f"/en{ROADMAP}/calendrier/")
    # The test programme's measures have no dates; its milestones do.
    assert timeline.startswith("No measure has both a start and a due date yet.")
    assert "1 of 2 milestones are done, 1 late." in timeline
    # The indicator of O1, from its baseline to its latest value, and its target.
    (indicator,) = summaries_of(client, f"/en{ROADMAP}/mesures/O1/")
    assert indicator.startswith("Organisations engagées: up from 100\xa0organisations (")
    assert "to 150\xa0organisations (" in indicator
    assert "Target: 200\xa0organisations by" in indicator


def test_sparklines_carry_their_summary_in_the_drawing(client, steering):
    html = client.get(f"/en{ROADMAP}/").content.decode()
    assert re.search(r"<desc>Organisations engagées: up from 100\xa0organisations", html)


def test_alliance_years_summary_gives_the_total_and_the_trend():
    table = DataTable(
        "alliance-years",
        "Alliances by start year",
        [Column("year", "Year"), Column("count", "Alliances", numeric=True)],
        [{"year": 2021, "count": 12}, {"year": 2023, "count": 18}, {"year": 2025, "count": 30}],
    )
    with translation.override("en"):
        assert insight_charts.alliance_years_summary(table) == (
            "60 alliances with a start year. Alliances started per year: up from 12 (2021)"
            " to 30 (2025)."
        )
    with translation.override("fr"):
        assert insight_charts.alliance_years_summary(table) == (
            "60 alliances avec une année de lancement. Alliances lancées par an : en hausse,"
            " de 12 (2021) à 30 (2025)."
        )


def test_diagnostic_map_and_network_charts_have_summaries(client, small_registry):
    insights_refresh()
    diagnostic = summaries_of(
        client, reverse("web:diagnostic", kwargs={"kind": "departement", "code": "01"})
    )
    assert len(diagnostic) == 4
    assert diagnostic[0].startswith("Acteurs actifs par monde : ")
    assert "objectifs n’ont aucune alliance." in diagnostic[-1]
    (map_summary,) = summaries_of(
        client, "/en/territoires/carte/?level=departement&metric=alliances"
    )
    assert map_summary == (
        "Alliances touching the territory: the highest value is for Ain (2), then Rhône (1);"
        " the lowest for Île de Clipperton (0)."
    )
    (network,) = summaries_of(client, "/en/territoires/departement/01/reseau/")
    # Two pairs of partners in Ain: every organisation has one partner, none bridges others.
    assert network == (
        "4 organisations linked by 2 ties, in 2 communities."
        " Partners per organisation: 1 for all 4."
    )


def test_study_charts_name_the_most_given_answer(client):
    (latest,) = summaries_of(client, f"/en/etudes/{SLUG}/")
    assert "the highest value is for Useful (81\xa0%)" in latest
    assert "of which" not in latest  # sub-answers are parts of another answer, not ranked
