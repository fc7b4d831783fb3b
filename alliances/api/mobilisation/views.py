"""Events and debates over the API (read only; registration and contributions happen on the
site)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from alliances.api.mobilisation import serializers
from alliances.mobilisation import selectors
from alliances.mobilisation.selectors import WHEN_PAST, WHEN_UPCOMING
from alliances.territories.models import Territory


@extend_schema(
    parameters=[
        OpenApiParameter("when", OpenApiTypes.STR, enum=[WHEN_UPCOMING, WHEN_PAST]),
        OpenApiParameter("kind", OpenApiTypes.STR),
        OpenApiParameter("region", OpenApiTypes.STR, description="INSEE code."),
        OpenApiParameter("departement", OpenApiTypes.STR, description="INSEE code."),
    ]
)
class EventList(generics.ListAPIView):
    """Upcoming events, soonest first (`when=past` for past events, latest first)."""

    serializer_class = serializers.EventSerializer

    def get_queryset(self):
        params = self.request.query_params
        if params.get("when", WHEN_UPCOMING) not in (WHEN_UPCOMING, WHEN_PAST):
            raise ValidationError({"when": [f"One of {WHEN_UPCOMING}, {WHEN_PAST}."]})
        territory = None
        for kind in ("departement", "region"):
            if params.get(kind):
                territory = Territory.objects.filter(kind=kind, code=params[kind][:5]).first()
                if territory is None:
                    return selectors.events().none()
        return selectors.events(
            when=WHEN_PAST if params.get("when") == WHEN_PAST else WHEN_UPCOMING,
            kind=params.get("kind", "")[:20],
            territory=territory,
        ).prefetch_related("goals", "measures", "alliances")


class EventDetail(generics.RetrieveAPIView):
    serializer_class = serializers.EventSerializer

    def get_object(self):
        return selectors.event_get(self.kwargs["pk"])


@extend_schema(
    parameters=[
        OpenApiParameter("programme", OpenApiTypes.STR, description="Programme slug."),
        OpenApiParameter("measure", OpenApiTypes.STR, description="Measure code."),
    ]
)
class DebateList(generics.ListAPIView):
    """Debates on the roadmap's measures, latest opening first, with their conclusions."""

    serializer_class = serializers.DebateSerializer

    def get_queryset(self):
        params = self.request.query_params
        queryset = selectors.debates()
        if params.get("programme"):
            queryset = queryset.filter(measure__programme__slug=params["programme"][:100])
        if params.get("measure"):
            queryset = queryset.filter(measure__code=params["measure"][:20])
        return queryset


class DebateDetail(generics.RetrieveAPIView):
    serializer_class = serializers.DebateSerializer

    def get_object(self):
        return selectors.debate_get(self.kwargs["pk"])
