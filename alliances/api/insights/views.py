"""The territorial observatory over the API: diagnostic, alliance network, partner suggestions.

Everything is read from the observatory's read models (as of the last `refresh_insights`); the
network of a territory not yet computed is computed once, then kept until the next refresh.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.insights import serializers
from alliances.core.pagecache import cache_public
from alliances.insights import selectors
from alliances.insights.challenge import challenge_suggestions
from alliances.insights.network import weighted_pairs
from alliances.insights.network_display import bridges, ranked_nodes
from alliances.insights.services.diagnostics import stored_diagnostic
from alliances.insights.services.network import network_get
from alliances.insights.services.refresh import SUMMARISED_KINDS
from alliances.insights.suggestions import partner_suggestions
from alliances.registry.enums import OrganisationStatus
from alliances.registry.models import Organisation
from alliances.sdg.models import Goal, Target
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
        if kind is not None and kind not in SUMMARISED_KINDS:
            raise Http404
        # The payload stored at the last refresh, as it would be rendered (ADR 0021); computed
        # when none is stored, or when the client asked for indented JSON.
        if not request.accepted_media_type.partition(";")[2].strip():
            body = stored_diagnostic(kind, code, get_language())
            if body is not None:
                return HttpResponse(body, content_type=request.accepted_renderer.media_type)
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
        urls = {}
        for name, prefix in (("export", ""), ("bipartite", "bipartite_")):
            for fmt in ("graphml", "gexf"):
                if territory is None:
                    url = reverse(f"web:network_france_{name}", kwargs={"fmt": fmt})
                else:
                    url = reverse(
                        f"web:network_{name}", kwargs={"kind": kind, "code": code, "fmt": fmt}
                    )
                urls[prefix + fmt] = url
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
            "cross_world_ties": graph.cross_world_ties,
            "bridges": [bridge.node for bridge in bridges(graph)],
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


class ChallengePartners(APIView):
    """Candidate partners for a challenge: an SDG `goal` (and optionally one of its `target`s,
    by code, e.g. `13.3`) in a territory of any kind.

    Active organisations of every world, in the territory or (for an EPCI, a commune or an
    arrondissement) elsewhere in its département, ranked by a score whose every point is a
    reason (see docs/network.md); also the active catalysts serving the territory.
    """

    @extend_schema(
        parameters=[serializers.ChallengeQuerySerializer],
        responses=serializers.ChallengeSerializer,
    )
    def get(self, request, kind: str, code: str):
        query = serializers.ChallengeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        territory = _territory(kind, code)
        goal = get_object_or_404(Goal, number=query.validated_data["goal"])
        target = None
        if query.validated_data.get("target"):
            target = Target.objects.filter(
                goal=goal, code=query.validated_data["target"].strip()
            ).first()
            if target is None:
                raise drf.ValidationError({"target": ["Not a target of this goal."]})
        challenge = challenge_suggestions(
            goal, territory, target=target, limit=query.validated_data["limit"]
        )
        return Response(serializers.ChallengeSerializer(challenge).data)
