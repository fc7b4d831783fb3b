"""Charts rendered on the server as accessible SVG, from Vega-Lite specifications.

Write the chart with Altair (or a plain Vega-Lite dict), render it here, and always show its data
table beside it (and a CSV link where the data is downloadable): the SVG is an image for sighted
readers, the table is the accessible equivalent. Every chart also carries a short text summary
written from the same data (`alliances.core.summaries`), shown beside the drawing by
`web/chart_summary.html`. The same SVG goes into PDF reports.
"""

import hashlib
import json
import re
from html import escape

import vl_convert
from django.core.cache import cache
from django.utils.safestring import SafeString

_SVG_OPEN = re.compile(r"<svg\b([^>]*)>", re.S)
_CLASS = re.compile(r'\sclass="[^"]*"')

# Rendering costs milliseconds; the same data gives the same SVG, so it is cached by content.
CACHE_SECONDS = 24 * 3600

# A sober, legible default theme: system fonts, no chart border, readable axes.
THEME_CONFIG = {
    # Metric-compatible fonts, so text measured by the renderer fits where the browser draws it.
    "font": "Liberation Sans, Arial, Helvetica, sans-serif",
    "padding": 8,
    "view": {"stroke": None},
    "axisY": {"labelLimit": 320},
    "axis": {
        "labelFontSize": 12,
        "titleFontSize": 12,
        "labelColor": "#1e1e1e",
        "titleColor": "#1e1e1e",
    },
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
    "range": {"category": ["#19486a", "#3f7e44", "#c5192d", "#b86e00", "#6b4c9a", "#00689d"]},
}


class ChartSvg(SafeString):
    """The SVG markup of a chart (safe to insert as is), with its text summary as `.summary`."""

    summary: str = ""

    def __new__(cls, markup: str, summary: str = ""):
        made = super().__new__(cls, markup)
        made.summary = summary
        return made

    def __reduce__(self):  # cached by the diagnostic: keep the summary through pickling
        return (ChartSvg, (str.__str__(self), self.summary))


def chart_svg(spec: dict | object, *, title: str, summary: str, description: str = "") -> ChartSvg:
    """Render a Vega-Lite spec (dict or Altair chart) to inline SVG with an accessible name.

    `title` becomes the SVG's <title> (its accessible name); `description` its <desc>, which should
    say where the data table is, e.g. "The data is in the table below."; `summary` is the sentence
    or two that say what the chart shows (see `alliances.core.summaries`), shown on the page.
    """
    # Altair validates a chart against the Vega-Lite schema in `to_dict()`, which costs more than
    # the rest of a chart read from the cache: the key is taken from the unvalidated spec, and a
    # chart is validated only when it is rendered.
    altair = hasattr(spec, "to_dict")
    spec_dict = spec.to_dict(validate=False) if altair else dict(spec)
    spec_dict.setdefault("config", {})
    for key, value in THEME_CONFIG.items():
        spec_dict["config"].setdefault(key, value)
    key = (
        "chart:"
        + hashlib.sha256(json.dumps(spec_dict, sort_keys=True, default=str).encode()).hexdigest()
    )
    svg = cache.get(key)
    if svg is None:
        if altair:
            spec.to_dict()  # raises on a spec that does not follow the schema
        svg = vl_convert.vegalite_to_svg(spec_dict)
        cache.set(key, svg, timeout=CACHE_SECONDS)
    match = _SVG_OPEN.search(svg)
    if match is None:  # pragma: no cover — vl-convert always returns an <svg> root
        raise ValueError("The chart renderer returned no SVG.")
    attributes = _CLASS.sub("", match.group(1))
    accessible = (
        f'<svg{attributes} class="chart" role="img" focusable="false">'
        f"<title>{escape(title)}</title>"
        + f"<desc>{escape(' '.join(part for part in (summary, description) if part))}</desc>"
    )
    markup = svg[: match.start()] + accessible + svg[match.end() :]
    return ChartSvg(markup, summary)
