"""The territorial diagnostic as PDF (ReportLab), with the same charts and tables as the page.

Fonts, table style and chart rendering are the roadmap report's (bundled Vera fonts, charts as
PNG through vl-convert), so every PDF of the platform looks alike.
"""

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from alliances.insights import charts
from alliances.insights.selectors import Diagnostic
from alliances.insights.tables import DataTable
from alliances.program.report_pdf import (
    _chart as chart_image,
)
from alliances.program.report_pdf import (
    _register_fonts as register_fonts,
)
from alliances.program.report_pdf import (
    _styles as pdf_styles,
)
from alliances.program.report_pdf import (
    _table as pdf_table,
)


def _data_table(table: DataTable, styles):
    header = [escape(str(column.label)) for column in table.columns]
    body = [[escape(cell["text"]) for cell in row] for row in table.cells()]
    if not body:
        return Paragraph(escape(_("Nothing to show.")), styles["body"])
    return pdf_table([header, *body], styles)


def render_diagnostic_pdf(diagnostic: Diagnostic, tables: dict[str, DataTable]) -> bytes:
    register_fonts()
    styles = pdf_styles()
    buffer = io.BytesIO()
    title = _("Territorial diagnostic: %(name)s") % {"name": diagnostic.name}
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    story = [Paragraph(escape(title), styles["title"])]
    if diagnostic.refresh is not None:
        story.append(
            Paragraph(
                escape(
                    _("Numbers as of %(when)s, from the registry of actors and alliances.")
                    % {"when": date_format(diagnostic.refresh.finished_at, "DATETIME_FORMAT")}
                ),
                styles["body"],
            )
        )
    if diagnostic.summary is None:
        story.append(
            Paragraph(
                escape(_("The observatory has not computed this territory's numbers yet.")),
                styles["body"],
            )
        )
        document.build(story)
        return buffer.getvalue()

    def section(heading: str, slug: str, chart=None):
        story.append(Paragraph(escape(heading), styles["h2"]))
        if chart is not None and tables[slug].rows:
            story.append(chart_image(chart, 150))
            story.append(Spacer(1, 2 * mm))
        story.append(_data_table(tables[slug], styles))

    section(_("Comparison with the territories above"), "comparison")
    section(_("Actors by world"), "actors", charts.actors_by_world(tables["actors"]))
    section(_("Active associations by Waldec theme"), "themes")
    section(
        _("Alliances by start year"),
        "alliance-years",
        charts.alliance_years(tables["alliance-years"]),
    )
    section(_("Alliances by type"), "alliance-types")
    section(_("Members of these alliances by world"), "member-worlds")
    section(
        _("Coverage of the 17 Sustainable Development Goals"),
        "sdg",
        charts.sdg_coverage(tables["sdg"]),
    )
    empty = ", ".join(f"{goal.number}. {goal.short}" for goal in diagnostic.empty_goals)
    if empty:
        story.append(
            Paragraph(
                escape(
                    _("Goals with neither an alliance nor an engaged actor: %(goals)s.")
                    % {"goals": empty}
                ),
                styles["body"],
            )
        )
    section(_("Objective priorities"), "priorities")
    if diagnostic.has_demo_indicators:
        story.append(
            Paragraph(
                escape(
                    _(
                        "Demonstration indicator values: fictitious numbers, for trying the "
                        "platform only."
                    )
                ),
                styles["body"],
            )
        )
    if tables["peers"].rows:
        section(_("Peers of similar population"), "peers")
    document.build(story)
    return buffer.getvalue()
