"""The text summaries of charts: the sentences, in English and in French, from the chart's data."""

import pickle

import altair as alt
from django.utils import translation

from alliances.core import summaries
from alliances.core.charts import chart_svg

NBSP = "\N{NO-BREAK SPACE}"


def in_language(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


def test_ranking_names_the_highest_the_next_and_the_lowest():
    items = [("Provence", 4), ("Bretagne", 12), ("Corse", 1), ("Normandie", 7)]
    assert in_language("en", summaries.ranking, items, subject="Alliances by région") == (
        "Alliances by région: the highest value is for Bretagne (12), then Normandie (7);"
        " the lowest for Corse (1)."
    )
    assert in_language("fr", summaries.ranking, items, subject="Alliances par région") == (
        "Alliances par région : valeur la plus haute pour Bretagne (12), puis Normandie (7) ;"
        " la plus basse pour Corse (1)."
    )


def test_ranking_formats_numbers_and_units_for_the_language_and_counts_missing_values():
    items = [("A", 1234.5), ("B", None), ("C", 0.25)]
    english = in_language("en", summaries.ranking, items, subject="Rate", decimals=2, unit="%")
    assert english == (
        f"Rate: the highest value is for A (1,234.50{NBSP}%), the lowest for C (0.25{NBSP}%)."
        " 1 without a value."
    )
    french = in_language("fr", summaries.ranking, items, subject="Taux", decimals=2, unit="%")
    assert french == (
        f"Taux : valeur la plus haute pour A (1{NBSP}234,50{NBSP}%),"
        f" la plus basse pour C (0,25{NBSP}%). 1 sans valeur."
    )


def test_ranking_edge_cases():
    with translation.override("en"):
        assert summaries.ranking([], subject="Goals") == "Goals: no value yet."
        assert summaries.ranking([("Only", 3)], subject="Goals") == "Goals: Only, 3."
        assert (
            summaries.ranking([("A", 2), ("B", 2), ("C", 2)], subject="Goals")
            == "Goals: 2 for all 3."
        )


def test_series_says_where_it_goes_and_its_peak():
    points = [("2021", 12), ("2022", 41), ("2023", 25), ("2025", 30)]
    assert in_language("en", summaries.series, points, subject="Alliances started") == (
        "Alliances started: up from 12 (2021) to 30 (2025)."
        " The highest value, 41, was reached in 2022."
    )
    assert in_language("fr", summaries.series, points, subject="Alliances lancées") == (
        "Alliances lancées : en hausse, de 12 (2021) à 30 (2025)."
        " La valeur la plus haute, 41, a été atteinte en 2022."
    )
    with translation.override("en"):
        assert (
            summaries.series([("2021", 5), ("2024", 3)], subject="Score")
            == "Score: down from 5 (2021) to 3 (2024)."
        )
        assert (
            summaries.series([("2021", 5), ("2024", 5)], subject="Score")
            == "Score: unchanged between 2021 and 2024, at 5."
        )
        assert (
            summaries.series([("2024", 7)], subject="Score")
            == "Score: 7 (2024), a single value so far."
        )
        assert summaries.series([], subject="Score") == "Score: no value yet."


def test_breakdown_lists_the_parts_largest_first_and_leaves_out_empty_ones():
    items = [("achieved", 2), ("not assessed yet", 17), ("not achieved", 0), ("partly", 2)]
    assert in_language("en", summaries.breakdown, items, subject="Measures") == (
        "Measures: 21 in all — not assessed yet: 17; achieved: 2; partly: 2."
    )
    assert in_language("en", summaries.breakdown, [("a", 0)], subject="Measures") == (
        "Measures: none yet."
    )


def test_a_chart_carries_its_summary_in_its_description_and_through_the_cache():
    data = alt.Data(values=[{"year": "2024", "value": 12}, {"year": "2025", "value": 30}])
    chart = alt.Chart(data).mark_bar().encode(x="year:O", y="value:Q")
    svg = chart_svg(
        chart,
        title="Alliances per year",
        description="Data in the table below.",
        summary="Up from 12 to 30.",
    )
    assert svg.summary == "Up from 12 to 30."
    assert "<desc>Up from 12 to 30. Data in the table below.</desc>" in svg
    restored = pickle.loads(pickle.dumps(svg))
    assert restored == svg and restored.summary == svg.summary
    assert restored.__html__() == str(svg)
