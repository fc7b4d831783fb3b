"""Studies over the API: published studies, their waves and questions, published estimates."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from alliances.api.studies import serializers
from alliances.studies import selectors
from alliances.studies.models import PublishedEstimate


class StudyList(generics.ListAPIView):
    """Published studies (editors also see drafts)."""

    serializer_class = serializers.StudyListSerializer

    def get_queryset(self):
        return selectors.studies_visible(self.request.user).order_by("-published_on", "slug")


class StudyDetail(generics.RetrieveAPIView):
    """A study with its waves and published questions (codebook)."""

    serializer_class = serializers.StudySerializer

    def get_object(self):
        return selectors.study_get(slug=self.kwargs["slug"], user=self.request.user)


@extend_schema(
    parameters=[
        OpenApiParameter("question", OpenApiTypes.STR, description="Variable name."),
        OpenApiParameter("wave", {"type": "integer", "minimum": 1}),
        OpenApiParameter(
            "region", OpenApiTypes.STR, description="INSEE code, or `all` for every région."
        ),
    ]
)
class EstimateList(generics.ListAPIView):
    """Published estimates: national by default; by région with `region`."""

    serializer_class = serializers.EstimateSerializer

    def get_queryset(self):
        study = selectors.study_get(slug=self.kwargs["slug"], user=self.request.user)
        params = self.request.query_params
        estimates = PublishedEstimate.objects.filter(question__study=study).select_related(
            "question", "wave", "region"
        )
        if params.get("question"):
            estimates = estimates.filter(question__variable=params["question"])
        if params.get("wave"):
            if not params["wave"].isdigit() or int(params["wave"]) < 1:
                raise ValidationError({"wave": ["A whole number is required."]})
            estimates = estimates.filter(wave__number=int(params["wave"]))
        region = params.get("region", "")
        if not region:
            estimates = estimates.national()
        elif region != "all":
            estimates = estimates.filter(region__code=region)
        return estimates.order_by("question__position", "wave__number", "region__code", "position")
