"""The stored diagnostic (ADR 0021) is, byte for byte, what the API would compute, and stays so."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from alliances.api.insights.serializers import DiagnosticSerializer
from alliances.insights import selectors
from alliances.insights.models import DiagnosticPayload, IndicatorValue
from alliances.insights.services import diagnostics
from alliances.insights.services.diagnostics import stored_diagnostic
from alliances.insights.services.indicators import indicator_values_import
from alliances.insights.services.refresh import insights_refresh
from alliances.registry.enums import Publication
from alliances.studies.models import PublishedEstimate
from tests.insights.fixtures import small_registry, territory  # noqa: F401
from tests.insights.test_pages import INDICATORS
from tests.registry.factories import AllianceFactory, MembershipFactory, OrganisationFactory
from tests.studies.factories import QuestionFactory, StudyFactory, WaveFactory

__all__ = ["small_registry"]

TERRITORIES = [
    None,
    ("region", "84"),
    ("region", "11"),
    ("departement", "01"),
    ("departement", "69"),
    ("epci", "200071751"),  # CA du Bassin de Bourg-en-Bresse
    ("commune", "01053"),
    ("commune", "01283"),
    ("commune", "69123"),  # Lyon, with arrondissements
    ("commune", "75056"),
    ("commune", "97411"),  # Saint-Denis (La Réunion)
]


def _survey(region_code: str = "84", share: float = 41.0) -> None:
    study = StudyFactory(published=True)
    wave = WaveFactory(study=study)
    question = QuestionFactory(study=study, is_published=True, text_en="Priority?")
    for place, value in ((territory("region", region_code), share), (None, 35.5)):
        PublishedEstimate.objects.create(
            question=question,
            wave=wave,
            region=place,
            code="health",
            label_fr="Santé",
            label_en="Health",
            share=value,
            source="Test barometer",
        )


@pytest.fixture(autouse=True)
def store_diagnostics(settings):
    settings.STORE_DIAGNOSTICS = True


@pytest.fixture
def refreshed(small_registry, django_capture_on_commit_callbacks):
    indicator_values_import(raw=INDICATORS.encode(), filename="i.csv", commit=True)
    with django_capture_on_commit_callbacks(execute=True):
        _survey()
    insights_refresh()
    return small_registry


def computed(key) -> bytes:
    """The diagnostic computed from the read models and serialised, as before ADR 0021."""
    place = None if key is None else territory(*key)
    return JSONRenderer().render(DiagnosticSerializer(selectors.diagnostic(place)).data)


def stored(key, language: str = "fr") -> bytes | None:
    return stored_diagnostic(*(key or (None, None)), language)


def url(key) -> str:
    if key is None:
        return "/api/v1/territories/france/diagnostic/"
    return f"/api/v1/territories/{key[0]}/{key[1]}/diagnostic/"


# Each store writes the ~72,000 diagnostics of the reference territories (tens of seconds): the
# first test stores them all, the others only those of the territories they read.


@pytest.fixture
def store_only_read_territories(monkeypatch):
    codes = {key for key in TERRITORIES if key}

    def read_ones(territories):
        return sorted(pk for pk, place in territories.items() if (place.kind, place.code) in codes)

    monkeypatch.setattr(diagnostics, "stored_territory_ids", read_ones)


def test_the_stored_payload_is_the_computed_response(refreshed, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request below reaches the view
    for language in ("fr", "en"):
        with translation.override(language):
            for key in TERRITORIES:
                assert stored(key, language) == computed(key), (key, language)
            data = {key: json.loads(stored(key, language)) for key in TERRITORIES}
        # The comparison means something: the territories differ in every part of the payload.
        ain = data[("departement", "01")]
        assert ain["priorities"] and ain["peers"] and ain["association_themes"]
        assert ain["perceptions"][0]["share"] == 41.0
        assert data[("region", "11")]["perceptions"] == []
        assert data[None]["territory"] is None and data[None]["peers"] == []
        labels = {row["key"]: row["label"] for row in ain["alliance_types"]}
        expected = "skills sponsorship" if language == "en" else "mécénat de compétences"
        assert labels["skills"] == expected
    # The API answers with those bytes, in one query.
    api = APIClient()
    for key in TERRITORIES:
        with CaptureQueriesContext(connection) as queries:
            response = api.get(url(key))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.content == computed(key)
        assert len(queries) == 1, [query["sql"] for query in queries]
    english = api.get(url(("departement", "01")), headers={"Accept-Language": "en"})
    with translation.override("en"):
        assert english.content == computed(("departement", "01"))
    # Indented JSON, when asked for, is rendered as before.
    indented = api.get(url(("commune", "01053")), headers={"Accept": "application/json; indent=2"})
    assert indented.content.startswith(b"{\n  ")
    assert json.loads(indented.content) == json.loads(computed(("commune", "01053")))
    # Errors are unchanged.
    assert api.get("/api/v1/territories/departement/00/diagnostic/").status_code == 404
    assert api.get("/api/v1/territories/arrondissement/69383/diagnostic/").status_code == 404


def test_without_a_stored_payload_the_api_computes_it(small_registry):
    # Before the first refresh nothing is stored: the live diagnostic (no summary yet).
    response = APIClient().get(url(("departement", "01")))
    assert response.status_code == 200 and response.json()["summary"] is None
    assert response.content == computed(("departement", "01"))


def test_every_change_shows_in_the_stored_payload(
    store_only_read_territories, refreshed, django_capture_on_commit_callbacks
):
    # A new alliance, after the refresh.
    oyonnax = ("commune", "01283")
    before = json.loads(stored(oyonnax))["summary"]["alliances"]
    alliance = AllianceFactory(
        territories=[territory(*oyonnax)],
        start_date=date(2025, 2, 1),
        publication=Publication.PUBLISHED,
    )
    MembershipFactory(alliance=alliance, organisation=OrganisationFactory())
    insights_refresh()
    after = json.loads(stored(oyonnax))
    assert after["summary"]["alliances"] == before + 1
    assert {"year": 2025, "count": 1} in after["alliance_years"]
    assert stored(oyonnax) == computed(oyonnax)

    # An indicator import, without a refresh: unemployment in Ain now above the région's, and
    # no alliance on goal 8 there, so a priority.
    ain = ("departement", "01")
    assert "unemployment_rate" not in {
        row["indicator"] for row in json.loads(stored(ain))["priorities"]
    }
    indicator_values_import(
        raw=b"territory_kind,territory_code,indicator,year,value,source\n"
        b"departement,01,unemployment_rate,2022,9.5,INSEE\n",
        filename="more.csv",
        commit=True,
    )
    priorities = {row["indicator"]: row for row in json.loads(stored(ain))["priorities"]}
    assert (priorities["unemployment_rate"]["value"], priorities["unemployment_rate"]["year"]) == (
        9.5,
        2022,
    )
    assert stored(ain) == computed(ain)

    # Survey results, as soon as they are published (after the commit).
    bourg = ("commune", "01053")
    with django_capture_on_commit_callbacks(execute=True):
        _survey(share=52.5)
    assert 52.5 in [row["share"] for row in json.loads(stored(bourg))["perceptions"]]
    assert stored(bourg) == computed(bourg)
    # A study withdrawn from publication takes its results away.
    with django_capture_on_commit_callbacks(execute=True):
        for study in {estimate.question.study for estimate in PublishedEstimate.objects.all()}:
            study.status = "draft"
            study.save()
    assert json.loads(stored(bourg))["perceptions"] == []
    assert stored(bourg) == computed(bourg)

    # An indicator value edited by hand drops the stored diagnostics: the API computes them.
    value = IndicatorValue.objects.get(territory=territory(*ain), indicator__code="life_expectancy")
    value.value = 90.0  # no longer worse than the région's: no longer a priority
    value.save()
    assert not DiagnosticPayload.objects.exists()
    response = APIClient().get(url(ain))
    assert response.content == computed(ain)
    assert "life_expectancy" not in {row["indicator"] for row in response.json()["priorities"]}
