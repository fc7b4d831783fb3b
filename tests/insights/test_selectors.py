import pytest

from alliances.insights import selectors
from alliances.insights.models import TerritorySummary
from alliances.insights.services.indicators import indicator_values_import
from alliances.insights.services.refresh import insights_refresh
from alliances.studies.models import PublishedEstimate
from tests.insights.fixtures import small_registry, territory  # noqa: F401
from tests.insights.test_pages import INDICATORS
from tests.studies.factories import QuestionFactory, StudyFactory, WaveFactory

__all__ = ["small_registry"]


@pytest.fixture
def refreshed(small_registry):
    indicator_values_import(raw=INDICATORS.encode(), filename="i.csv", commit=True)
    insights_refresh()
    return small_registry


def test_objective_priorities_say_why(refreshed):
    ain = territory("departement", "01")
    result = selectors.diagnostic(ain)
    by_indicator = {p.indicator.code: p for p in result.priorities}
    # Poverty 15.0 in Ain vs 12.0 in the région, and goal 1 has 1 alliance in Ain
    # (1 per 670,000 inhabitants) against 1 in France for 68 million: Ain is better covered,
    # so poverty is not a priority. Life expectancy 82 < 83 and goal 3 has no alliance: priority.
    assert set(by_indicator) == {"life_expectancy"}
    priority = by_indicator["life_expectancy"]
    assert (priority.value, priority.reference_value) == (82.0, 83.0)
    assert priority.reference_name == "Auvergne-Rhône-Alpes"
    assert priority.alliances == 0
    assert priority.goal.number == 3


def test_a_commune_borrows_the_indicators_of_the_nearest_territory_above(refreshed):
    oyonnax = territory("commune", "01283")
    result = selectors.diagnostic(oyonnax)
    codes = {p.indicator.code for p in result.priorities}
    # Oyonnax has no alliance on goal 1: poverty (Ain 15 > région 12) becomes a priority.
    assert codes == {"life_expectancy", "poverty_rate"}
    assert all(p.measured_at == "Ain" for p in result.priorities)


def test_sdg_coverage_lists_goals_with_nothing(refreshed):
    result = selectors.diagnostic(territory("departement", "01"))
    assert len(result.goals) == 17
    assert [g.number for g in result.empty_goals] == [n for n in range(1, 18) if n not in (1, 13)]


def test_peers_are_of_the_same_kind_and_close_in_population(refreshed):
    ain = territory("departement", "01")
    result = selectors.diagnostic(ain)
    assert len(result.peers) == selectors.PEERS + 1
    assert {p.scope for p in result.peers} == {"departement"}
    assert any(p.territory_id == ain.pk for p in result.peers)
    others = TerritorySummary.objects.filter(scope="departement", population__isnull=False).exclude(
        territory__in=[p.territory_id for p in result.peers]
    )
    above = [p.population for p in result.peers if p.population > ain.population]
    below = [p.population for p in result.peers if p.population < ain.population]
    assert len(above) == 5 and len(below) == 5
    assert all(other.population >= max(above) or other.population <= min(below) for other in others)
    associations = [p.associations_per_1000 for p in result.peers]
    assert associations == sorted(associations, reverse=True)


def test_perceived_priorities_come_from_published_regional_survey_results(refreshed):
    region = territory("region", "84")
    study = StudyFactory(published=True)
    wave = WaveFactory(study=study)
    question = QuestionFactory(study=study, is_published=True, text_en="Priority?")
    for place, share in ((region, 41.0), (None, 35.5)):
        PublishedEstimate.objects.create(
            question=question,
            wave=wave,
            region=place,
            code="health",
            label_fr="Santé",
            label_en="Health",
            share=share,
            source="Test barometer",
        )
    hidden = QuestionFactory(study=StudyFactory(), is_published=True)
    PublishedEstimate.objects.create(
        question=hidden,
        wave=WaveFactory(study=hidden.study),
        region=region,
        code="x",
        label_fr="X",
        share=10,
        source="Draft study",
    )
    result = selectors.diagnostic(territory("commune", "01053"))
    assert [(p.answer, p.share, p.national_share) for p in result.perceptions] == [
        ("Santé", 41.0, 35.5)
    ]
    assert result.perceptions[0].difference == pytest.approx(5.5)
