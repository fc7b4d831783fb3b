"""A follow-up report as PDF, with ReportLab (pure Python, ships its own Unicode fonts).

Charts are the same Vega-Lite specs as on the pages, rendered to PNG by vl-convert; each comes
with its table, as on the web.
"""

import io
from html import escape
from pathlib import Path

import reportlab
import vl_convert
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from alliances.program import charts
from alliances.program.enums import Attainment, Freshness, IndicatorStatus, MeasureStatus
from alliances.program.selectors import ProgrammeState

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
_registered = False


def _register_fonts() -> None:
    global _registered  # noqa: PLW0603 — fonts are registered once per process
    if _registered:
        return
    pdfmetrics.registerFont(TTFont("Vera", str(FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONT_DIR / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold")
    _registered = True


def _styles():
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Vera", fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName="Vera-Bold", fontSize=16),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="Vera-Bold", fontSize=12),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
    }


def _table(rows: list[list], styles, widths=None) -> Table:
    data = [[Paragraph(str(cell), styles["cell"]) for cell in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf2")),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.HexColor("#19486a")),
                ("GRID", (0, 1), (-1, -1), 0.25, colors.HexColor("#c8cdd2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _chart(spec, width_mm: float) -> Image:
    png = vl_convert.vegalite_to_png(spec.to_dict(), scale=2)
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width_mm * mm
    image.drawHeight = width_mm * mm * ratio
    return image


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _conclusions(conclusions: list[dict], styles) -> list:
    story = [Paragraph(_("Conclusions of debates"), styles["h2"])]
    if not conclusions:
        return story + [Paragraph(_("No debate concluded yet."), styles["body"])]
    for entry in conclusions:
        new = f" ({_('new since the previous report')})" if entry.get("is_new") else ""
        story.append(
            Paragraph(
                f"<b>{escape(entry['measure'])}. {escape(entry['title'])}</b>{escape(new)}",
                styles["body"],
            )
        )
        for paragraph in entry["conclusion"].split("\n\n"):
            story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), styles["body"]))
    return story


def render_report_pdf(
    state: ProgrammeState, changes: list[dict], describe_change, *, conclusions=()
) -> bytes:
    _register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{state.programme.title} — {state.as_of.isoformat()}",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    status = dict(MeasureStatus.choices)
    attainment = {**dict(Attainment.choices), "": _("not assessed yet")}
    freshness = dict(Freshness.choices)
    indicator_status = dict(IndicatorStatus.choices)
    story = [
        Paragraph(state.programme.title, styles["title"]),
        Paragraph(
            _("Follow-up report as of %(date)s") % {"date": date_format(state.as_of)},
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Summary by dimension"), styles["h2"]),
        _table(
            [[_("Dimension"), _("First effects"), _("Measures"), _("Progress")]]
            + [
                [
                    d.dimension.name,
                    _("%(from)s–%(to)s months")
                    % {"from": d.dimension.effect_from_months, "to": d.dimension.effect_to_months},
                    len(d.measures),
                    _percent(d.progress),
                ]
                for d in state.dimensions
            ]
            + [[_("Whole programme"), "", len(state.measures), _percent(state.progress)]],
            styles,
        ),
        Spacer(1, 3 * mm),
        _chart(charts.progress_by_dimension(state), 150),
        Paragraph(_("What changed since the previous report"), styles["h2"]),
    ]
    if changes:
        for entry in changes:
            story.append(Paragraph(f"<b>{entry['code']}.</b> {entry['title']}", styles["body"]))
            for change in entry["changes"]:
                story.append(Paragraph("• " + describe_change(change), styles["cell"]))
    else:
        story.append(Paragraph(_("This is the first report, or nothing changed."), styles["body"]))
    story += _conclusions(list(conclusions), styles)
    story += [
        Paragraph(_("Measures"), styles["h2"]),
        _table(
            [[_("Measure"), _("Status"), _("Attainment"), _("Progress"), _("Last update")]]
            + [
                [
                    f"{m.measure.code}. {m.measure.title}",
                    status[m.status],
                    attainment[m.attainment],
                    _percent(m.progress),
                    f"{date_format(m.last_update) if m.last_update else '—'} "
                    f"({freshness[m.freshness]})",
                ]
                for m in state.measures
            ],
            styles,
            widths=[85 * mm, 22 * mm, 24 * mm, 16 * mm, 33 * mm],
        ),
        Paragraph(_("Indicators against their targets"), styles["h2"]),
        _table(
            [[_("Measure"), _("Indicator"), _("Baseline"), _("Latest"), _("Target"), _("Status")]]
            + [
                [
                    m.measure.code,
                    i.indicator.name,
                    f"{i.indicator.baseline_value.normalize()} ({i.indicator.baseline_date:%Y-%m})",
                    "—"
                    if i.latest is None
                    else f"{i.latest.value.normalize()} ({i.latest.date:%Y-%m})",
                    f"{i.indicator.target_value.normalize()} ({i.indicator.target_date:%Y-%m})",
                    indicator_status[i.status],
                ]
                for m in state.measures
                for i in m.indicators
            ],
            styles,
        ),
        Paragraph(_("Milestones done and late"), styles["h2"]),
        _table(
            [[_("Measure"), _("Milestone"), _("Due"), _("State")]]
            + [
                [
                    m.measure.code,
                    s.milestone.title,
                    date_format(s.milestone.due_date) if s.milestone.due_date else "—",
                    _("done on %(date)s") % {"date": date_format(s.milestone.done_date)}
                    if s.done
                    else _("late"),
                ]
                for m in state.measures
                for s in m.milestones
                if s.done or s.late
            ],
            styles,
        ),
    ]
    document.build(story)
    return buffer.getvalue()
