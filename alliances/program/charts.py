"""Chart specifications for roadmap steering, built from a ProgrammeState.

Each function returns a Vega-Lite spec (Altair); `alliances.core.charts.chart_svg` renders it.
Every chart's data is also shown as a table by the page that uses it.
"""

from datetime import date

import altair as alt
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliances.core import summaries
from alliances.program.enums import Attainment, MeasureStatus
from alliances.program.selectors import IndicatorState, ProgrammeState

STATUS_COLOURS = {
    MeasureStatus.NOT_STARTED: "#6f7378",
    MeasureStatus.IN_PROGRESS: "#19486a",
    MeasureStatus.COMPLETED: "#2f6b34",
    MeasureStatus.ON_HOLD: "#b86e00",
    MeasureStatus.CANCELLED: "#a21942",
}


def progress_by_dimension(state: ProgrammeState) -> alt.Chart:
    rows = [
        {
            "dimension": f"{dim.dimension.name} ("
            + _("%(from)s–%(to)s months")
            % {"from": dim.dimension.effect_from_months, "to": dim.dimension.effect_to_months}
            + ")",
            "progress": round((dim.progress or 0) * 100, 1),
        }
        for dim in state.dimensions
    ]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color="#19486a")
        .encode(
            x=alt.X("progress:Q", title=_("Progress (%)"), scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("dimension:N", title=None, sort=None),
        )
        .properties(width=420, height=30 * len(rows))
    )


def attainment_by_dimension(state: ProgrammeState) -> alt.Chart:
    labels = {value: str(label) for value, label in Attainment.choices}
    labels[""] = _("not assessed yet")
    rows = [
        {"dimension": dim.dimension.name, "attainment": labels[key], "measures": count}
        for dim in state.dimensions
        for key, count in dim.attainment_counts.items()
    ]
    order = [labels[key] for key in [*Attainment.values, ""]]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X(
                "measures:Q",
                title=_("Measures"),
                stack="zero",
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y("dimension:N", title=None, sort=None),
            color=alt.Color(
                "attainment:N",
                title=_("Attainment"),
                sort=order,
                scale=alt.Scale(
                    domain=order, range=["#2f6b34", "#3f7e44", "#b86e00", "#a21942", "#c8cdd2"]
                ),
            ),
            order=alt.Order("attainment:N"),
        )
        .properties(width=420, height=30 * len(state.dimensions))
    )


def indicator_line(state: IndicatorState, *, small: bool = False) -> alt.LayerChart:
    indicator = state.indicator
    points = [
        {"date": indicator.baseline_date.isoformat(), "value": float(indicator.baseline_value)}
    ] + [{"date": value.date.isoformat(), "value": float(value.value)} for value in state.values]
    target = [{"date": indicator.target_date.isoformat(), "value": float(indicator.target_value)}]
    x = alt.X("date:T", title=None if small else _("Date"), axis=None if small else alt.Axis())
    y = alt.Y(
        "value:Q",
        title=None if small else (indicator.unit or _("Value")),
        axis=None if small else alt.Axis(),
        scale=alt.Scale(zero=False),
    )
    line = (
        alt.Chart(alt.Data(values=points)).mark_line(point=True, color="#19486a").encode(x=x, y=y)
    )
    goal = (
        alt.Chart(alt.Data(values=target))
        .mark_point(shape="diamond", size=80, filled=True, color="#2f6b34")
        .encode(x=x, y=y)
    )
    size = {"width": 140, "height": 36} if small else {"width": 480, "height": 220}
    return alt.layer(line, goal).properties(**size)


def timeline(state: ProgrammeState, *, today: date) -> alt.LayerChart:
    rows = [
        {
            "measure": f"{item.measure.code}",
            "title": item.measure.title,
            "dimension": item.measure.dimension.name,
            "start": item.measure.start_date.isoformat(),
            "end": item.measure.due_date.isoformat(),
        }
        for item in state.measures
        if item.measure.start_date and item.measure.due_date
    ]
    milestones = [
        {
            "measure": item.measure.code,
            "date": milestone.milestone.due_date.isoformat(),
            "done": _("done") if milestone.done else _("to do"),
        }
        for item in state.measures
        for milestone in item.milestones
        if milestone.milestone.due_date
    ]
    order = [item.measure.code for item in state.measures]
    y = alt.Y("measure:N", sort=order, title=None)
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(opacity=0.85, height=12)
        .encode(
            x=alt.X("start:T", title=None),
            x2="end:T",
            y=y,
            color=alt.Color("dimension:N", title=_("Dimension"), sort=None),
        )
    )
    marks = (
        alt.Chart(alt.Data(values=milestones))
        .mark_point(shape="diamond", filled=True, size=50, color="#1e1e1e")
        .encode(x="date:T", y=y, shape=alt.Shape("done:N", title=_("Milestones")))
    )
    now = (
        alt.Chart(alt.Data(values=[{"date": today.isoformat()}]))
        .mark_rule(color="#a21942", strokeDash=[4, 3])
        .encode(x="date:T")
    )
    return alt.layer(bars, marks, now).properties(width=640, height=18 * max(len(order), 1))


def dependency_graph(state: ProgrammeState) -> alt.LayerChart:
    """Measures placed in columns by dimension, arrows from prerequisite to dependant."""
    position = {}
    nodes = []
    for column, dim in enumerate(state.dimensions):
        for row, item in enumerate(dim.measures):
            position[item.measure.pk] = (column, row)
            nodes.append(
                {
                    "x": column,
                    "y": row,
                    "code": item.measure.code,
                    "status": str(MeasureStatus(item.status).label),
                }
            )
    edges = [
        {
            "x": position[prerequisite.pk][0],
            "y": position[prerequisite.pk][1],
            "x2": position[item.measure.pk][0],
            "y2": position[item.measure.pk][1],
        }
        for item in state.measures
        for prerequisite in item.measure.depends_on.all()
        if prerequisite.pk in position
    ]
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.5, len(state.dimensions) - 0.5]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[7, -1]))
    lines = (
        alt.Chart(alt.Data(values=edges))
        .mark_rule(color="#6f7378", strokeWidth=1.5)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    labels = {str(MeasureStatus(value).label): colour for value, colour in STATUS_COLOURS.items()}
    circles = (
        alt.Chart(alt.Data(values=nodes))
        .mark_circle(size=900, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "status:N",
                title=_("Status"),
                scale=alt.Scale(domain=list(labels), range=list(labels.values())),
            ),
        )
    )
    text = (
        alt.Chart(alt.Data(values=nodes))
        .mark_text(color="white", fontWeight="bold", fontSize=12)
        .encode(x=x, y=y, text="code:N")
    )
    return alt.layer(lines, circles, text).properties(width=480, height=330)


# Text summaries: one or two sentences per chart, from the same state (see core.summaries).


def _date(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def progress_summary(state: ProgrammeState) -> str:
    return summaries.ranking(
        [
            (dim.dimension.name, None if dim.progress is None else round(dim.progress * 100))
            for dim in state.dimensions
        ],
        subject=_("Progress by dimension"),
        unit="%",
    )


def attainment_summary(state: ProgrammeState) -> str:
    labels = {value: str(label) for value, label in Attainment.choices}
    labels[""] = _("not assessed yet")
    return summaries.breakdown(
        [(labels[key], count) for key, count in state.attainment_counts.items()],
        subject=_("Measures by attainment"),
    )


def indicator_summary(state: IndicatorState) -> str:
    indicator = state.indicator
    points = [(_date(indicator.baseline_date), float(indicator.baseline_value))] + [
        (_date(value.date), float(value.value)) for value in state.values
    ]
    sentence = summaries.series(points, subject=indicator.name, unit=indicator.unit)
    target = summaries.number(float(indicator.target_value))
    if indicator.unit:
        target = f"{target}\N{NO-BREAK SPACE}{indicator.unit}"
    return (
        sentence
        + " "
        + _("Target: %(target)s by %(date)s.")
        % {"target": target, "date": _date(indicator.target_date)}
    )


def timeline_summary(state: ProgrammeState, *, today: date) -> str:
    dated = [
        item.measure for item in state.measures if item.measure.start_date and item.measure.due_date
    ]
    milestones = [milestone for item in state.measures for milestone in item.milestones]
    if not dated:
        sentence = _("No measure has both a start and a due date yet.")
    else:
        sentence = ngettext(
            "%(count)s measure is dated, from %(start)s to %(end)s.",
            "%(count)s measures are dated, from %(start)s to %(end)s.",
            len(dated),
        ) % {
            "count": len(dated),
            "start": _date(min(measure.start_date for measure in dated)),
            "end": _date(max(measure.due_date for measure in dated)),
        }
        running = sum(1 for m in dated if m.start_date <= today <= m.due_date)
        sentence += " " + ngettext(
            "Today, %(count)s of them is under way.",
            "Today, %(count)s of them are under way.",
            running,
        ) % {"count": running}
    if milestones:
        sentence += " " + ngettext(
            "%(done)s of %(count)s milestone is done, %(late)s late.",
            "%(done)s of %(count)s milestones are done, %(late)s late.",
            len(milestones),
        ) % {
            "done": sum(1 for m in milestones if m.done),
            "count": len(milestones),
            "late": sum(1 for m in milestones if m.late),
        }
    return sentence


def dependency_summary(state: ProgrammeState) -> str:
    codes = {item.measure.pk: item.measure.code for item in state.measures}
    dependants: dict[int, int] = {}
    links = 0
    for item in state.measures:
        for prerequisite in item.measure.depends_on.all():
            if prerequisite.pk in codes:
                links += 1
                dependants[prerequisite.pk] = dependants.get(prerequisite.pk, 0) + 1
    sentence = ngettext(
        "%(measures)s measure, %(links)s dependency between measures.",
        "%(measures)s measures, %(links)s dependencies between measures.",
        len(codes),
    ) % {"measures": len(codes), "links": links}
    if dependants:
        pk, count = max(dependants.items(), key=lambda pair: pair[1])
        sentence += " " + ngettext(
            "The measure most built upon is %(code)s: %(count)s measure depends on it.",
            "The measure most built upon is %(code)s: %(count)s measures depend on it.",
            count,
        ) % {"code": codes[pk], "count": count}
    return sentence
