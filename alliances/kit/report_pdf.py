"""A compass result as a printable PDF (ReportLab): the radar as an image, the score per axis,
strengths and gaps, and the recommended resources with their links. Fonts, table style and chart
rendering are the roadmap report's, so every PDF of the platform looks alike."""

import io
from xml.sax.saxutils import escape

import vl_convert
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

from alliances.kit import charts
from alliances.program.report_pdf import _register_fonts as register_fonts
from alliances.program.report_pdf import _styles as pdf_styles
from alliances.program.report_pdf import _table as pdf_table


def _radar_image(results, width_mm: float) -> Image:
    spec = charts.radar([(result.label, float(result.score)) for result in results])
    png = vl_convert.vegalite_to_png(spec, scale=2)
    image = Image(io.BytesIO(png))
    image.drawWidth = width_mm * mm
    image.drawHeight = width_mm * mm * image.imageHeight / image.imageWidth
    return image


def render_assessment_pdf(
    assessment, results, recommendations, *, absolute_url, peers=None
) -> bytes:
    """`absolute_url(path)` turns a site path into a full address for the links."""
    register_fonts()
    styles = pdf_styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{assessment.questionnaire.title} — {assessment.created_at:%Y-%m-%d}",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    story = [
        Paragraph(escape(assessment.questionnaire.title), styles["title"]),
        Paragraph(
            escape(
                _("Result of %(date)s: %(level)s, overall score %(score)s / 100")
                % {
                    "date": date_format(assessment.created_at.date()),
                    "level": assessment.get_maturity_display(),
                    "score": number_format(assessment.overall, 1),
                }
            ),
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(_("Score per axis")), styles["h2"]),
    ]
    if results:
        story.append(_radar_image(results, 120))
        story.append(
            pdf_table(
                [[_("Axis"), _("Score"), _("Maturity level")]]
                + [
                    [
                        escape(result.label),
                        number_format(result.score, 1),
                        escape(result.maturity_label),
                    ]
                    for result in results
                ],
                styles,
                widths=[90 * mm, 25 * mm, 50 * mm],
            )
        )
    strengths = [result for result in results if result.is_strength]
    gaps = [result for result in results if not result.is_strength]
    for title, items, empty in (
        (_("Strengths"), strengths, _("No axis has reached “structuring” yet.")),
        (_("Gaps"), gaps, _("No gap: every axis is at least “structuring”.")),
    ):
        story.append(Paragraph(escape(title), styles["h2"]))
        if items:
            for result in items:
                story.append(
                    Paragraph(
                        escape(f"• {result.label} ({number_format(result.score, 1)})"),
                        styles["body"],
                    )
                )
        else:
            story.append(Paragraph(escape(empty), styles["body"]))
    if recommendations:
        story.append(Paragraph(escape(_("Resources for your next steps")), styles["h2"]))
        for gap, resources in recommendations:
            story.append(
                Paragraph(
                    f"<b>{escape(gap.label)} — {escape(gap.maturity_label)}</b>", styles["body"]
                )
            )
            if not resources:
                story.append(
                    Paragraph(escape(_("No resource matches this axis yet.")), styles["cell"])
                )
            for resource in resources:
                url = escape(absolute_url(resource.get_absolute_url()), {'"': "&quot;"})
                story.append(
                    Paragraph(
                        f'• <a href="{url}" color="#19486a">{escape(resource.title)}</a> — {url}',
                        styles["cell"],
                    )
                )
    if peers is not None:
        story.append(Paragraph(escape(_("Compared with peers")), styles["h2"]))
        story.append(
            Paragraph(
                escape(
                    _(
                        "Among %(count)s peers, your overall score is above that of "
                        "%(percentile)s%% of them."
                    )
                    % {"count": peers.peers, "percentile": peers.overall_percentile}
                ),
                styles["body"],
            )
        )
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            escape(
                _("This result online: %(url)s")
                % {"url": absolute_url(assessment.get_absolute_url())}
            ),
            styles["cell"],
        )
    )
    document.build(story)
    return buffer.getvalue()
