"""The registry over the API: organisations, published alliances, catalysts (read only)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from alliances.api.registry import serializers
from alliances.registry import selectors
from alliances.registry.models import Alliance, Membership, Organisation
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


def _param(request, name: str) -> str:
    return request.query_params.get(name, "")[:100]


def _check_numbers(request, **bounds: tuple[int, int]) -> None:
    """Parameters documented as numbers must be numbers in range: a clear 400, not no filter."""
    errors = {}
    for name, (low, high) in bounds.items():
        value = request.query_params.get(name)
        if value and (not value.isdigit() or not low <= int(value) <= high):
            errors[name] = [f"A whole number from {low} to {high} is required."]
    if errors:
        raise ValidationError(errors)


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Name (accents and case ignored)."),
            OpenApiParameter("world", OpenApiTypes.STR),
            OpenApiParameter("departement", OpenApiTypes.STR, description="INSEE code."),
            OpenApiParameter("theme", OpenApiTypes.STR, description="Waldec theme code."),
            OpenApiParameter("status", OpenApiTypes.STR),
            OpenApiParameter(
                "goal", {"type": "integer", "minimum": 1, "maximum": 17}, description="SDG number."
            ),
        ]
    )
)
class OrganisationList(generics.ListAPIView):
    """Actors of every world, from the national registries and declarations."""

    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        request = self.request
        _check_numbers(request, goal=(1, 17))
        departement = ""
        if _param(request, "departement"):
            found = (
                Territory.objects.filter(
                    kind=TerritoryKind.DEPARTEMENT, code=_param(request, "departement")
                )
                .values_list("pk", flat=True)
                .first()
            )
            departement = str(found) if found else "0"
        filters = selectors.OrganisationFilters(
            query=_param(request, "q"),
            world=_param(request, "world"),
            departement=departement,
            theme=_param(request, "theme"),
            status=_param(request, "status"),
            goal=_param(request, "goal"),
        )
        return (
            selectors.organisation_search(filters)
            .select_related("commune", "departement")
            .prefetch_related("goals")
            .order_by("search_name", "pk")
        )


class OrganisationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_object(self):
        return get_object_or_404(
            Organisation.objects.displayable().select_related("commune", "departement"),
            pk=self.kwargs["pk"],
        )


def _alliances():
    return Alliance.objects.published().prefetch_related(
        "territories",
        "goals",
        "targets",
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
    )


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Title (accents and case ignored)."
            ),
            OpenApiParameter("type", OpenApiTypes.STR),
            OpenApiParameter("status", OpenApiTypes.STR),
            OpenApiParameter(
                "goal", {"type": "integer", "minimum": 1, "maximum": 17}, description="SDG number."
            ),
            OpenApiParameter("region", OpenApiTypes.STR, description="INSEE code of a region."),
            OpenApiParameter(
                "world", OpenApiTypes.STR, description="World of at least one member."
            ),
        ]
    )
)
class AllianceList(generics.ListAPIView):
    """Published alliances with their members, territories and SDGs."""

    serializer_class = serializers.AllianceSerializer

    def get_queryset(self):
        request = self.request
        _check_numbers(request, goal=(1, 17))
        filters = selectors.AllianceFilters(
            query=_param(request, "q"),
            alliance_type=_param(request, "type"),
            status=_param(request, "status"),
            goal=_param(request, "goal"),
            region=_param(request, "region"),
            world=_param(request, "world"),
        )
        ids = selectors.alliance_search(filters).values("pk")
        return _alliances().filter(pk__in=ids).order_by("title", "pk")


class AllianceDetail(generics.RetrieveAPIView):
    serializer_class = serializers.AllianceSerializer

    def get_object(self):
        return get_object_or_404(_alliances(), pk=self.kwargs["pk"])


@extend_schema(parameters=[OpenApiParameter("territory", OpenApiTypes.STR)])
class CatalystList(generics.ListAPIView):
    """Territorial catalysts and the territories they serve."""

    serializer_class = serializers.CatalystSerializer

    def get_queryset(self):
        return (
            selectors.catalysts(_param(self.request, "territory"))
            .select_related("organisation__commune", "organisation__departement")
            .prefetch_related("organisation__goals")
        )
