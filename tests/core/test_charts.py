import altair as alt
import pytest
from altair.utils.schemapi import SchemaValidationError

from alliances.core.charts import chart_svg


def test_chart_is_inline_svg_with_an_accessible_name_and_the_data_drawn():
    data = alt.Data(values=[{"year": "2024", "value": 12}, {"year": "2025", "value": 30}])
    chart = alt.Chart(data).mark_bar().encode(x="year:O", y="value:Q")
    svg = chart_svg(
        chart,
        title="Alliances per year <2025>",
        description="Data in the table below.",
        summary="Up from 12 to 30.",
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert "<title>Alliances per year &lt;2025&gt;</title>" in svg
    assert "<desc>Up from 12 to 30. Data in the table below.</desc>" in svg
    assert svg.count("<svg") == 1
    # Two bars are drawn, labelled by year on the axis.
    assert 'aria-label="year: 2024; value: 12"' in svg
    assert 'aria-label="year: 2025; value: 30"' in svg


def test_a_chart_that_does_not_follow_the_schema_is_refused_when_rendered():
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x=alt.X("a:Q", bin="yes"))
    with pytest.raises(SchemaValidationError):
        chart_svg(chart, title="Invalid", summary="Nothing drawn.")
