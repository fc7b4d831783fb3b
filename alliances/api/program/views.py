"""Roadmap steering over the API.

Public reads; writes for pilots and co-pilots, by the same rules as the pages.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.program import serializers
from alliances.core.errors import NotAllowed
from alliances.program import perms, selectors
from alliances.program.models import Indicator, Measure, Milestone, Programme
from alliances.program.services import measures as services


def _context(request, programme: Programme) -> dict:
    """Serializer context with the programme's computed state (progress, statuses, freshness)."""
    state = selectors.programme_state(programme)
    return {
        "request": request,
        "state": state,
        "measure_states": {item.measure.code: item for item in state.measures},
        "indicator_states": {i.indicator.pk: i for item in state.measures for i in item.indicators},
    }


class ProgrammeList(generics.ListAPIView):
    """Programmes steered on the platform."""

    queryset = Programme.objects.all()
    serializer_class = serializers.ProgrammeListSerializer


class ProgrammeDetail(generics.RetrieveAPIView):
    """A programme with its dimensions (progress, measures) and dated instances."""

    queryset = Programme.objects.all()
    serializer_class = serializers.ProgrammeSerializer
    lookup_field = "slug"

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "slug" in self.kwargs:
            context.update(
                _context(self.request, get_object_or_404(Programme, slug=self.kwargs["slug"]))
            )
        return context


class MeasureList(generics.ListAPIView):
    """The programme's measures with progress, attainment and freshness.

    Filters: dimension, status, freshness.
    """

    serializer_class = serializers.MeasureSerializer
    pagination_class = None

    def programme(self) -> Programme:
        return get_object_or_404(Programme, slug=self.kwargs["slug"])

    def get_queryset(self):
        queryset = selectors.measures_with_relations(self.programme())
        params = self.request.query_params
        if params.get("dimension"):
            queryset = queryset.filter(dimension__code=params["dimension"])
        if params.get("status"):
            queryset = queryset.filter(status=params["status"])
        return queryset

    def list(self, request, *args, **kwargs):
        measures = list(self.get_queryset())
        context = _context(request, self.programme())
        freshness = request.query_params.get("freshness")
        if freshness:
            measures = [
                m for m in measures if context["measure_states"][m.code].freshness == freshness
            ]
        return Response(serializers.MeasureSerializer(measures, many=True, context=context).data)


class MeasureDetail(APIView):
    """One measure with milestones and indicators.

    PATCH for its pilots and the co-pilots, sending the `version` that was read.
    """

    def _measure(self) -> Measure:
        return get_object_or_404(
            Measure.objects.select_related("programme", "dimension"),
            programme__slug=self.kwargs["slug"],
            code=self.kwargs["code"],
        )

    def _render(self, measure: Measure, code=status.HTTP_200_OK) -> Response:
        context = _context(self.request, measure.programme)
        return Response(
            serializers.MeasureDetailSerializer(measure, context=context).data, status=code
        )

    @extend_schema(responses=serializers.MeasureDetailSerializer)
    def get(self, request, slug: str, code: str):
        return self._render(self._measure())

    @extend_schema(
        request=serializers.MeasureUpdateSerializer, responses=serializers.MeasureDetailSerializer
    )
    def patch(self, request, slug: str, code: str):
        measure = self._measure()
        if not perms.can_edit_measure(request.user, measure):
            raise NotAllowed(services.NOT_ALLOWED)
        data = serializers.MeasureUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        updated = services.measure_update(
            measure=measure, by=request.user, expected_version=version, changes=changes
        )
        return self._render(updated)


class ProgressUpdates(generics.ListCreateAPIView):
    """A measure's progress updates, newest first; pilots and co-pilots publish new ones."""

    serializer_class = serializers.ProgressUpdateSerializer

    def measure(self) -> Measure:
        return get_object_or_404(
            Measure.objects.select_related("programme"),
            programme__slug=self.kwargs["slug"],
            code=self.kwargs["code"],
        )

    def get_queryset(self):
        return self.measure().updates.select_related("author")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.progress_update_create(
            measure=self.measure(),
            by=self.request.user,
            on=data["date"],
            status=data["status"],
            narrative=data["narrative"],
        )


class Milestones(generics.ListCreateAPIView):
    """A measure's milestones and actions; pilots and co-pilots add new ones."""

    pagination_class = None

    def get_serializer_class(self):
        return (
            serializers.MilestoneWriteSerializer
            if self.request.method == "POST"
            else serializers.MilestoneSerializer
        )

    def measure(self) -> Measure:
        return get_object_or_404(
            Measure.objects.select_related("programme"),
            programme__slug=self.kwargs["slug"],
            code=self.kwargs["code"],
        )

    def get_queryset(self):
        return self.measure().milestones.all()

    @extend_schema(
        request=serializers.MilestoneWriteSerializer,
        responses={201: serializers.MilestoneSerializer},
    )
    def post(self, request, *args, **kwargs):
        data = serializers.MilestoneWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("version", None)
        milestone = services.milestone_save(measure=self.measure(), by=request.user, values=values)
        return Response(
            serializers.MilestoneSerializer(milestone).data, status=status.HTTP_201_CREATED
        )


class MilestoneDetail(APIView):
    """PATCH a milestone (send the `version` you edited)."""

    def _milestone(self) -> Milestone:
        return get_object_or_404(
            Milestone.objects.select_related("measure__programme"),
            pk=self.kwargs["pk"],
            measure__programme__slug=self.kwargs["slug"],
        )

    @extend_schema(responses=serializers.MilestoneSerializer)
    def get(self, request, slug: str, pk: int):
        return Response(serializers.MilestoneSerializer(self._milestone()).data)

    @extend_schema(
        request=serializers.MilestonePatchSerializer, responses=serializers.MilestoneSerializer
    )
    def patch(self, request, slug: str, pk: int):
        milestone = self._milestone()
        data = serializers.MilestonePatchSerializer(milestone, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        if "version" not in data.validated_data:
            raise ValidationError({"version": ["This field is required."]})
        values = dict(data.validated_data)
        version = values.pop("version")
        saved = services.milestone_save(
            measure=milestone.measure,
            by=request.user,
            milestone=milestone,
            expected_version=version,
            values=values,
        )
        return Response(serializers.MilestoneSerializer(saved).data)


class IndicatorValues(APIView):
    """An indicator's measured values; pilots and co-pilots record one (replacing that date's)."""

    def _indicator(self) -> Indicator:
        return get_object_or_404(
            Indicator.objects.select_related("measure__programme"),
            pk=self.kwargs["pk"],
            measure__programme__slug=self.kwargs["slug"],
        )

    @extend_schema(responses=serializers.ValueSerializer(many=True))
    def get(self, request, slug: str, pk: int):
        return Response(
            serializers.ValueSerializer(self._indicator().values.order_by("date"), many=True).data
        )

    @extend_schema(
        request=serializers.ValueSerializer, responses={201: serializers.ValueSerializer}
    )
    def post(self, request, slug: str, pk: int):
        indicator = self._indicator()
        data = serializers.ValueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        value = services.indicator_value_record(
            indicator=indicator,
            by=request.user,
            on=data.validated_data["date"],
            value=data.validated_data["value"],
            source=data.validated_data.get("source", ""),
            comment=data.validated_data.get("comment", ""),
        )
        return Response(serializers.ValueSerializer(value).data, status=status.HTTP_201_CREATED)
