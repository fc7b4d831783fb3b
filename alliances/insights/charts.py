"""Chart specifications of the diagnostic (Altair), drawn from its tables.

`alliances.core.charts.chart_svg` renders them for the page; the PDF renders the same specs to
PNG. Each is shown with its table.
"""

import altair as alt
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliances.core import summaries
from alliances.insights.tables import DataTable

BLUE, GREEN, GREY = "#19486a", "#3f7e44", "#6f7378"


def count_axis(values) -> alt.Axis:
    """Counts are whole numbers: no more ticks than units, so no 0.5 tick."""
    return alt.Axis(format="d", tickCount=max(1, min(5, max(values, default=1))))


def actors_by_world(table: DataTable) -> alt.Chart:
    rows = []
    for row in table.rows:
        rows.append({"world": str(row["label"]), "state": _("active"), "count": row["active"]})
        rows.append(
            {
                "world": str(row["label"]),
                "state": _("dissolved or closed"),
                "count": row["dissolved"],
            }
        )
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X(
                "count:Q",
                title=_("Actors"),
                stack="zero",
                axis=count_axis([r["active"] + r["dissolved"] for r in table.rows]),
            ),
            y=alt.Y("world:N", title=None, sort=None),
            color=alt.Color(
                "state:N",
                title=None,
                scale=alt.Scale(range=[BLUE, GREY]),
                legend=alt.Legend(orient="bottom"),
            ),
        )
        .properties(width=420, height=28 * max(len(table.rows), 1))
    )


def horizontal_bars(table: DataTable, label: str, value: str, title: str, limit: int = 12):
    rows = [{"label": str(row[label]), "value": row[value]} for row in table.rows[:limit]]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color=BLUE)
        .encode(
            x=alt.X("value:Q", title=title, axis=count_axis([r["value"] for r in rows])),
            y=alt.Y("label:N", title=None, sort=None),
        )
        .properties(width=420, height=24 * max(len(rows), 1))
    )


def alliance_years(table: DataTable) -> alt.Chart:
    rows = [{"year": str(row["year"]), "count": row["count"]} for row in table.rows]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color=GREEN)
        .encode(
            x=alt.X("year:O", title=_("Start year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=_("Alliances"), axis=count_axis([r["count"] for r in rows])),
        )
        .properties(width=420, height=200)
    )


def sdg_coverage(table: DataTable) -> alt.Chart:
    rows = []
    for row in table.rows:
        label = f"{row['number']}. {row['name']}"
        rows.append({"goal": label, "measure": _("alliances"), "count": row["alliances"]})
        rows.append({"goal": label, "measure": _("active actors"), "count": row["actors"]})
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=None, axis=count_axis([r["count"] for r in rows])),
            y=alt.Y("goal:N", title=None, sort=None),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(range=[GREEN, BLUE]),
                legend=alt.Legend(orient="bottom"),
            ),
            yOffset="measure:N",
        )
        .properties(width=420, height=17 * 2 * 17)
    )


# Text summaries of the charts above, from the same tables (see core.summaries).


def actors_summary(table: DataTable) -> str:
    return summaries.ranking(
        [(str(row["label"]), row["active"]) for row in table.rows],
        subject=_("Active actors by world"),
    )


def themes_summary(table: DataTable, limit: int = 12) -> str:
    return summaries.ranking(
        [(str(row["label"]), row["count"]) for row in table.rows[:limit]],
        subject=_("Active associations by theme"),
    )


def alliance_years_summary(table: DataTable) -> str:
    total = sum(row["count"] for row in table.rows)
    sentence = summaries.series(
        [(str(row["year"]), row["count"]) for row in table.rows],
        subject=_("Alliances started per year"),
    )
    return (
        ngettext(
            "%(count)s alliance with a start year.",
            "%(count)s alliances with a start year.",
            total,
        )
        % {"count": summaries.number(total)}
        + " "
        + sentence
    )


def sdg_summary(table: DataTable) -> str:
    uncovered = sum(1 for row in table.rows if not row["alliances"])
    sentence = summaries.ranking(
        [(f"{row['number']}. {row['name']}", row["alliances"]) for row in table.rows],
        subject=_("Alliances by goal"),
    )
    return (
        sentence
        + " "
        + ngettext(
            "%(count)s goal has no alliance.",
            "%(count)s goals have no alliance.",
            uncovered,
        )
        % {"count": uncovered}
    )
