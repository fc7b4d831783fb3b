"""The territorial diagnostic: page, CSV of each table, PDF. Reads the observatory's read models."""

import hashlib
import json

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.core.charts import CACHE_SECONDS, chart_svg
from alliances.core.pagecache import cache_public
from alliances.insights import charts, selectors, tables
from alliances.kit.selectors import compass_statistics_for
from alliances.territories import selectors as territory_selectors
from alliances.territories.enums import TerritoryKind

DIAGNOSED_KINDS = (
    TerritoryKind.REGION,
    TerritoryKind.DEPARTEMENT,
    TerritoryKind.EPCI,
    TerritoryKind.COMMUNE,
)
TABLE_NOTE = _("The data is in the table below.")
CHARTED_TABLES = ("actors", "themes", "alliance-years", "sdg")


def _territory(kind: str | None, code: str | None):
    """None for France; a 404 for a kind without diagnostic."""
    if kind is None:
        return None
    if kind not in DIAGNOSED_KINDS:
        raise Http404
    return territory_selectors.territory_get(kind=kind, code=code)


def _charts(data: dict[str, tables.DataTable]) -> dict:
    """The page's charts, cached by the content of their tables and the language.

    Building and validating the Altair specifications costs more than rendering the rest of the
    page; the charts are a pure function of their tables, so the key needs no invalidation.
    """
    content = json.dumps(
        [
            get_language(),
            [
                (data[slug].title, [c.label for c in data[slug].columns], data[slug].rows)
                for slug in CHARTED_TABLES
            ],
        ],
        sort_keys=True,
        default=str,
    )
    key = "diagnostic-charts:" + hashlib.sha256(content.encode()).hexdigest()
    rendered = cache.get(key)
    if rendered is None:
        rendered = _render_charts(data)
        cache.set(key, rendered, timeout=CACHE_SECONDS)
    return rendered


def _render_charts(data: dict[str, tables.DataTable]) -> dict:
    rendered = {}
    if data["actors"].rows:
        rendered["actors"] = chart_svg(
            charts.actors_by_world(data["actors"]),
            title=_("Actors by world"),
            description=TABLE_NOTE,
            summary=charts.actors_summary(data["actors"]),
        )
    if data["themes"].rows:
        rendered["themes"] = chart_svg(
            charts.horizontal_bars(data["themes"], "label", "count", _("Associations")),
            title=_("Active associations by Waldec theme (the 12 largest)"),
            description=TABLE_NOTE,
            summary=charts.themes_summary(data["themes"]),
        )
    if data["alliance-years"].rows:
        rendered["alliance-years"] = chart_svg(
            charts.alliance_years(data["alliance-years"]),
            title=_("Alliances by start year"),
            description=TABLE_NOTE,
            summary=charts.alliance_years_summary(data["alliance-years"]),
        )
    rendered["sdg"] = chart_svg(
        charts.sdg_coverage(data["sdg"]),
        title=_("Alliances and active actors by Sustainable Development Goal"),
        description=TABLE_NOTE,
        summary=charts.sdg_summary(data["sdg"]),
    )
    return rendered


def _url(suffix: str, kind: str | None, code: str | None, **kwargs) -> str:
    if kind is None:
        return reverse(f"web:diagnostic_france_{suffix}", kwargs=kwargs)
    return reverse(f"web:diagnostic_{suffix}", kwargs={"kind": kind, "code": code, **kwargs})


@require_safe
@cache_public
def diagnostic(request, kind: str | None = None, code: str | None = None):
    territory = _territory(kind, code)
    result = selectors.diagnostic(territory)
    data = tables.all_tables(result)
    return render(
        request,
        "web/observatory/diagnostic.html",
        {
            "section": "territories",
            "territory": territory,
            "ancestors": territory_selectors.territory_ancestors(territory) if territory else [],
            "diagnostic": result,
            "tables": data,
            "charts": _charts(data) if result.summary else {},
            "csv_urls": {slug: _url("csv", kind, code, slug=slug) for slug in data},
            "pdf_url": _url("pdf", kind, code),
            "compass_statistics": compass_statistics_for(territory),
        },
    )


@require_safe
@cache_public
def diagnostic_csv(request, slug: str, kind: str | None = None, code: str | None = None):
    territory = _territory(kind, code)
    data = tables.all_tables(selectors.diagnostic(territory))
    if slug not in data:
        raise Http404
    response = HttpResponse(data[slug].as_csv(), content_type="text/csv; charset=utf-8")
    name = f"{kind}-{code}" if territory else "france"
    response["Content-Disposition"] = f'attachment; filename="diagnostic-{name}-{slug}.csv"'
    return response


@require_safe
def diagnostic_pdf(request, kind: str | None = None, code: str | None = None):
    from alliances.insights.report_pdf import render_diagnostic_pdf

    territory = _territory(kind, code)
    result = selectors.diagnostic(territory)
    pdf = render_diagnostic_pdf(result, tables.all_tables(result))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{kind}-{code}" if territory else "france"
    response["Content-Disposition"] = f'inline; filename="diagnostic-{name}.pdf"'
    return response


def _map_choice(request) -> tuple[str, str]:
    from alliances.insights.maps import LEVELS, METRICS

    level = request.GET.get("level", "departement")
    metric = request.GET.get("metric", "associations_per_1000")
    return (
        level if level in LEVELS else "departement",
        metric if metric in METRICS else "associations_per_1000",
    )


@require_safe
@cache_public
def observatory_map(request):
    from alliances.insights.maps import LEVELS, METRICS, choropleth, map_summary

    level, metric = _map_choice(request)
    data = choropleth(selectors.scope_summaries(level), level=level, metric=metric)
    return render(
        request,
        "web/observatory/map.html",
        {
            "section": "territories",
            "map": data,
            "map_summary": map_summary(data),
            "levels": LEVELS,
            "metrics": {key: label for key, (label, _decimals) in METRICS.items()},
            "refresh": selectors.latest_refresh(),
        },
    )


@require_safe
@cache_public
def observatory_map_csv(request):
    import csv
    import io

    from alliances.insights.maps import choropleth

    level, metric = _map_choice(request)
    data = choropleth(selectors.scope_summaries(level), level=level, metric=metric)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Code"), _("Name"), _("Population"), data.label])
    for row in data.rows:
        value = "" if row["value"] is None else round(row["value"], 4)
        writer.writerow([row["code"], row["name"], row["population"] or "", value])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="carte-{level}-{metric}.csv"'
    return response
