"""How study results are shown: charts (server-side SVG) and downloadable tables (CSV, XLSX)."""

import csv
import io

import altair as alt
import openpyxl
from django.utils.translation import gettext as _

from alliances.core import summaries
from alliances.core.cells import formula_safe
from alliances.core.charts import chart_svg
from alliances.studies.selectors import QuestionResult


def latest_chart(result: QuestionResult):
    wave_result = result.latest
    rows = [
        {
            "answer": ("↳ " if e.part_of else "") + e.label,
            "share": round(e.share, 1),
            "low": None if e.ci_low is None else round(e.ci_low, 1),
            "high": None if e.ci_high is None else round(e.ci_high, 1),
        }
        for e in wave_result.estimates
    ]
    order = [row["answer"] for row in rows]
    base = alt.Chart(alt.Data(values=rows))
    y = alt.Y("answer:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    bars = base.mark_bar(color="#19486a").encode(
        x=alt.X("share:Q", title=_("Share (%)"), scale=alt.Scale(domain=[0, 100])),
        y=y,
        tooltip=["answer:N", "share:Q"],
    )
    labels = base.mark_text(align="left", dx=4, color="#1e1e1e").encode(
        x="share:Q", y=y, text=alt.Text("share:Q", format=".0f")
    )
    layers = [bars, labels]
    if not wave_result.is_aggregate_only:
        layers.append(
            base.mark_rule(color="#c5192d", strokeWidth=2).encode(x="low:Q", x2="high:Q", y=y)
        )
    chart = alt.layer(*layers).properties(width=480, height=alt.Step(28))
    description = _("Share of each answer, %(wave)s. The data is in the table below.") % {
        "wave": wave_result.wave.label
    }
    if not wave_result.is_aggregate_only:
        description += " " + _("Red lines show the 95%% confidence intervals.") % {}
    return chart_svg(
        chart, title=result.question.text, description=description, summary=latest_summary(result)
    )


def trend_chart(result: QuestionResult):
    rows = [
        {
            "wave": wave_result.wave.label,
            "answer": e.label,
            "share": round(e.share, 1),
            "low": None if e.ci_low is None else round(e.ci_low, 1),
            "high": None if e.ci_high is None else round(e.ci_high, 1),
        }
        for wave_result in result.waves
        for e in wave_result.estimates
        if not e.part_of
    ]
    waves = [wave_result.wave.label for wave_result in result.waves]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("wave:O", sort=waves, title=None, axis=alt.Axis(labelAngle=0)),
        color=alt.Color(
            "answer:N", title=_("Answer"), sort=None, legend=alt.Legend(labelLimit=320)
        ),
    )
    chart = alt.layer(
        base.mark_line(point=True).encode(
            y=alt.Y("share:Q", title=_("Share (%)"), scale=alt.Scale(domain=[0, 100]))
        ),
        base.mark_rule(strokeWidth=2).encode(y="low:Q", y2="high:Q"),
    ).properties(width=420, height=260)
    return chart_svg(
        chart,
        title=_("%(question)s — over the waves") % {"question": result.question.text},
        description=_("Share of each answer by wave with its 95%% interval; table below.") % {},
        summary=trend_summary(result),
    )


def latest_summary(result: QuestionResult) -> str:
    """The answers most and least given in the latest wave (sub-answers left out)."""
    wave_result = result.latest
    return summaries.ranking(
        [(e.label, e.share) for e in wave_result.estimates if not e.part_of],
        subject=_("Share of each answer, %(wave)s") % {"wave": wave_result.wave.label},
        unit="%",
    )


def trend_summary(result: QuestionResult) -> str:
    """How the answer most given in the latest wave moved over the waves."""
    latest = [e for e in result.latest.estimates if not e.part_of]
    if not latest:
        return _("No answer published yet.")
    top = max(latest, key=lambda e: e.share).label
    points = [
        (wave_result.wave.label, round(e.share, 1))
        for wave_result in result.waves
        for e in wave_result.estimates
        if e.label == top and not e.part_of
    ]
    return summaries.series(points, subject=top, unit="%")


HEADER = [
    "study",
    "wave",
    "variable",
    "question",
    "region_code",
    "region",
    "code",
    "answer",
    "part_of",
    "share_pct",
    "ci95_low_pct",
    "ci95_high_pct",
    "base",
    "effective_base",
    "population",
    "source",
    "aggregate_only",
]


def estimate_rows(study, estimates) -> list[list]:
    return [
        [
            study.slug,
            e.wave.label,
            e.question.variable,
            e.question.text,
            e.region.code if e.region else "",
            e.region.name if e.region else "",
            e.code,
            e.label,
            e.part_of,
            round(e.share, 2),
            None if e.ci_low is None else round(e.ci_low, 2),
            None if e.ci_high is None else round(e.ci_high, 2),
            e.base,
            None if e.effective_base is None else round(e.effective_base, 1),
            e.base_description,
            e.source,
            e.is_aggregate_only,
        ]
        for e in estimates
    ]


def as_csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(["" if v is None else formula_safe(v) for v in row])
    return buffer.getvalue()


def as_xlsx(rows: list[list], sheet_title: str) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append(HEADER)
    for row in rows:
        sheet.append([formula_safe(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
