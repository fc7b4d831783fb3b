"""The alliance network of a territory (or of France): drawing, table, CSV, GraphML and GEXF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.core.charts import chart_svg
from alliances.insights import network_display, network_export
from alliances.insights.challenge import challenge_suggestions
from alliances.insights.services.network import network_get
from alliances.territories import selectors as territory_selectors
from alliances.web.forms.observatory import ChallengeForm
from alliances.web.views.observatory import DIAGNOSED_KINDS

EXPORTS = {
    "graphml": ("application/graphml+xml", network_export.graphml),
    "gexf": ("application/gexf+xml", network_export.gexf),
}
BIPARTITE_EXPORTS = {
    "graphml": ("application/graphml+xml", network_export.bipartite_graphml),
    "gexf": ("application/gexf+xml", network_export.bipartite_gexf),
}


def _url(name: str, kind: str | None, code: str | None, **kwargs) -> str:
    if kind is None:
        return reverse(f"web:network_france{name}", kwargs=kwargs)
    return reverse(f"web:network{name}", kwargs={"kind": kind, "code": code, **kwargs})


def territory_or_france(kind: str | None, code: str | None):
    """None for France; any kind of territory has a network."""
    if kind is None:
        return None
    return territory_selectors.territory_get(kind=kind, code=code)


def _diagnostic_url(kind: str | None, code: str | None) -> str | None:
    if kind is None:
        return reverse("web:diagnostic_france")
    if kind in DIAGNOSED_KINDS:
        return reverse("web:diagnostic", kwargs={"kind": kind, "code": code})
    return None


def _filename(kind: str | None, code: str | None) -> str:
    return f"reseau-{kind}-{code}" if kind else "reseau-france"


@require_safe
def network(request, kind: str | None = None, code: str | None = None):
    territory = territory_or_france(kind, code)
    graph = network_get(territory=territory)
    display = network_display.network_display(graph)
    name = territory.name if territory else _("France")
    chart = None
    if display.nodes:
        chart = chart_svg(
            network_display.chart(display),
            title=_("Alliance network: %(name)s") % {"name": name},
            description=_("The organisations drawn are listed in the table below."),
            summary=network_display.summary(display),
        )
    return render(
        request,
        "web/observatory/network.html",
        {
            "section": "territories",
            "territory": territory,
            "name": name,
            "ancestors": territory_selectors.territory_ancestors(territory) if territory else [],
            "graph": graph,
            "display": display,
            "chart": chart,
            "table": network_display.node_table(display.nodes),
            "csv_url": _url("_csv", kind, code),
            "export_urls": {fmt: _url("_export", kind, code, fmt=fmt) for fmt in EXPORTS},
            "bipartite_urls": {
                fmt: _url("_bipartite", kind, code, fmt=fmt) for fmt in BIPARTITE_EXPORTS
            },
            "bridges": network_display.bridges(graph),
            "diagnostic_url": _diagnostic_url(kind, code),
        },
    )


@require_safe
def network_csv(request, kind: str | None = None, code: str | None = None):
    """Every organisation of the network, most connected first."""
    territory = territory_or_france(kind, code)
    graph = network_get(territory=territory)
    table = network_display.node_table(network_display.ranked_nodes(graph).iterator())
    response = HttpResponse(table.as_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(kind, code)}.csv"'
    return response


@require_safe
def network_export_file(request, fmt: str, kind: str | None = None, code: str | None = None):
    if fmt not in EXPORTS:
        raise Http404
    territory = territory_or_france(kind, code)
    content_type, write = EXPORTS[fmt]
    graph = network_get(territory=territory)
    response = HttpResponse(write(graph), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(kind, code)}.{fmt}"'
    return response


@require_safe
def network_bipartite_file(request, fmt: str, kind: str | None = None, code: str | None = None):
    """The organisation–alliance graph (one edge per membership), straight from the registry."""
    if fmt not in BIPARTITE_EXPORTS:
        raise Http404
    territory = territory_or_france(kind, code)
    content_type, write = BIPARTITE_EXPORTS[fmt]
    response = HttpResponse(write(territory), content_type=content_type)
    name = f"{_filename(kind, code)}-biparti.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def challenge(request):
    """Partners for a challenge: a goal (or target) in a territory, ranked with their reasons."""
    form = ChallengeForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        result = challenge_suggestions(data["goal"], data["territory"], target=data["target"])
    return render(
        request,
        "web/observatory/challenge.html",
        {"section": "territories", "form": form, "challenge": result},
    )
