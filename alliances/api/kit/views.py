"""The kit over the API: published resources and the compass questionnaires (read only)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics

from alliances.api.kit import serializers
from alliances.kit import selectors
from alliances.kit.models import Resource
from alliances.kit.models.compass import Axis, Question, Questionnaire


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter(name, OpenApiTypes.STR)
            for name in ("q", "kind", "profile", "maturity", "goal", "theme", "sort")
        ]
    )
)
class ResourceList(generics.ListAPIView):
    """Published resources (methods, examples, data, tools, skills), filtered as on the site."""

    serializer_class = serializers.ResourceSerializer

    def get_queryset(self):
        params = self.request.query_params
        filters = selectors.ResourceFilters(
            query=params.get("q", "")[:100],
            kind=params.get("kind", ""),
            profile=params.get("profile", ""),
            maturity=params.get("maturity", ""),
            goal=params.get("goal", ""),
            theme=params.get("theme", ""),
            sort=params.get("sort", ""),
        )
        return (
            selectors.resource_search(filters)
            .select_related("territory")
            .prefetch_related("themes")
        )


class ResourceDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ResourceDetailSerializer

    def get_object(self):
        return get_object_or_404(
            Resource.objects.published()
            .select_related("author_organisation", "territory")
            .prefetch_related("goals", "themes", "audiences", "links"),
            pk=self.kwargs["pk"],
        )


def _questionnaires():
    return Questionnaire.objects.prefetch_related(
        Prefetch(
            "axes",
            queryset=Axis.objects.prefetch_related(
                Prefetch("questions", queryset=Question.objects.prefetch_related("options"))
            ),
        )
    )


class QuestionnaireList(generics.ListAPIView):
    """The compass questionnaires in use, with axes, questions and scored options."""

    serializer_class = serializers.QuestionnaireSerializer
    pagination_class = None

    def get_queryset(self):
        return (
            _questionnaires()
            .filter(pk__in=selectors.current_questionnaires().values("pk"))
            .order_by("audience", "slug")
        )


class QuestionnaireDetail(generics.RetrieveAPIView):
    serializer_class = serializers.QuestionnaireSerializer

    def get_object(self):
        return get_object_or_404(_questionnaires(), slug=self.kwargs["slug"], is_current=True)
