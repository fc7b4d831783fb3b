"""The territorial observatory over the API: diagnostic, alliance network, partner suggestions.

Everything is read from the observatory's read models (as of the last `refresh_insights`); the
network of a territory not yet computed is computed once, then kept until the next refresh.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.insights import serializers
from alliances.core.pagecache import cache_public
from alliances.insights import selectors
from alliances.insights.network import weighted_pairs
from alliances.insights.network_display import ranked_nodes
from alliances.insights.services.network import network_get
from alliances.insights.services.refresh import SUMMARISED_KINDS
from alliances.insights.suggestions import partner_suggestions
from alliances.registry.enums import OrganisationStatus
from alliances.registry.models import Organisation
from alliances.territories import selectors as territory_selectors


def _limit(request, *, default: int, maximum: int) -> int:
    field = drf.IntegerField(min_value=1, max_value=maximum)
    raw = request.query_params.get("limit")
    if raw is None:
        return default
    try:
        return field.run_validation(raw)
    except drf.ValidationError as error:
        raise drf.ValidationError({"limit": error.detail}) from error


def _territory(kind: str | None, code: str | None, *, kinds=None):
    if kind is None:
        return None
    if kinds is not None and kind not in kinds:
        raise Http404
    return territory_selectors.territory_get(kind=kind, code=code)


class Diagnostic(APIView):
    """A territory's diagnostic: the figures of its page, from the read models (`as_of`).

    Kinds: region, departement, epci, commune; `/api/v1/territories/france/diagnostic/` for France.
    """

    @extend_schema(responses=serializers.DiagnosticSerializer)
    @cache_public
    def get(self, request, kind: str | None = None, code: str | None = None):
        territory = _territory(kind, code, kinds=SUMMARISED_KINDS)
        diagnostic = selectors.diagnostic(territory)
        return Response(serializers.DiagnosticSerializer(diagnostic).data)


class Network(APIView):
    """A territory's alliance network (any kind; `…/territories/france/network/` for France).

    Organisations are linked when they share published alliances (`weight`: how many). `top` lists
    the most connected (`limit`, 50 by default, 500 at most) and `top_ties` the ties between
    them; the whole graph is in the GraphML and GEXF files linked.
    """

    @extend_schema(
        parameters=[OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": 500})],
        responses=serializers.NetworkSerializer,
    )
    def get(self, request, kind: str | None = None, code: str | None = None):
        limit = _limit(request, default=50, maximum=500)
        territory = _territory(kind, code)
        graph = network_get(territory=territory)
        top = list(ranked_nodes(graph)[:limit])
        ids = [node.organisation_id for node in top]
        ties = [
            {"source": source, "target": target, "weight": weight}
            for source, target, weight in weighted_pairs(territory, among=ids).order_by(
                "organisation_id", "alliance__memberships__organisation_id"
            )
        ]
        if territory is None:
            urls = {
                fmt: reverse("web:network_france_export", kwargs={"fmt": fmt})
                for fmt in ("graphml", "gexf")
            }
        else:
            urls = {
                fmt: reverse("web:network_export", kwargs={"kind": kind, "code": code, "fmt": fmt})
                for fmt in ("graphml", "gexf")
            }
        data = {
            "territory": territory,
            "computed_at": graph.computed_at,
            "organisations": graph.nodes,
            "ties": graph.edges,
            "communities": graph.communities,
            "components": graph.components,
            "modularity": graph.modularity,
            "approximate": graph.approximate,
            "top": top,
            "top_ties": ties,
            **{fmt: request.build_absolute_uri(url) for fmt, url in urls.items()},
        }
        return Response(serializers.NetworkSerializer(data).data)


class Suggestions(APIView):
    """Candidate partners for an active organisation, ranked, each with its reasons.

    Active organisations of other worlds, in the same commune (else the same département), working
    on at least one of its SDGs, not yet in an alliance with it. Empty for an organisation that is
    not active, has no commune or no SDG.
    """

    @extend_schema(
        parameters=[OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": 50})],
        responses=serializers.SuggestionSerializer(many=True),
    )
    def get(self, request, pk: int):
        limit = _limit(request, default=10, maximum=50)
        organisation = get_object_or_404(
            Organisation.objects.exclude(status=OrganisationStatus.DELETED).select_related(
                "commune"
            ),
            pk=pk,
        )
        suggestions = partner_suggestions(organisation, limit=limit)
        return Response(serializers.SuggestionSerializer(suggestions, many=True).data)
