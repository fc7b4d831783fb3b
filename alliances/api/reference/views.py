"""Reference data over the API: official territories and the SDG framework (read only)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from alliances.api.reference import serializers
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


@extend_schema(
    parameters=[
        OpenApiParameter("kind", OpenApiTypes.STR, enum=TerritoryKind.values),
        OpenApiParameter("q", OpenApiTypes.STR, description="Name (accents and case ignored)."),
        OpenApiParameter("region", OpenApiTypes.STR, description="INSEE code of the region."),
        OpenApiParameter(
            "departement", OpenApiTypes.STR, description="INSEE code of the département."
        ),
        OpenApiParameter("epci", OpenApiTypes.STR, description="SIREN of the EPCI."),
    ]
)
class TerritoryList(generics.ListAPIView):
    """Territories of the INSEE Code officiel géographique 2026, filterable."""

    serializer_class = serializers.TerritorySerializer

    def get_queryset(self):
        queryset = Territory.objects.select_related("region", "departement", "epci", "commune")
        params = self.request.query_params
        if params.get("kind"):
            if params["kind"] not in TerritoryKind.values:
                raise ValidationError({"kind": [f"One of {', '.join(TerritoryKind.values)}."]})
            queryset = queryset.filter(kind=params["kind"])
        for level in ("region", "departement", "epci"):
            if params.get(level):
                queryset = queryset.filter(**{f"{level}__code": params[level]})
        if params.get("q"):
            queryset = queryset.search(params["q"][:100])
        return queryset.order_by("kind", "code")


class TerritoryDetail(generics.RetrieveAPIView):
    serializer_class = serializers.TerritorySerializer

    def get_object(self):
        return get_object_or_404(
            Territory.objects.select_related("region", "departement", "epci", "commune"),
            kind=self.kwargs["kind"],
            code=self.kwargs["code"],
        )


class GoalList(generics.ListAPIView):
    """The 17 Sustainable Development Goals."""

    queryset = Goal.objects.all()
    serializer_class = serializers.GoalSerializer
    pagination_class = None


class GoalDetail(generics.RetrieveAPIView):
    """A goal with its targets."""

    queryset = Goal.objects.prefetch_related("targets")
    serializer_class = serializers.GoalDetailSerializer
    lookup_field = "number"
