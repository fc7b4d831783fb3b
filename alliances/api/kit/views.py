"""The kit over the API: published resources, the compass questionnaires, answers and results,
alliance evaluations and the observatory's compass statistics."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.authentication import TokenScopePermission
from alliances.api.kit import serializers
from alliances.kit import perms, scoring, selectors
from alliances.kit.enums import QuestionnaireAudience
from alliances.kit.models import Assessment, Resource
from alliances.kit.models.compass import Axis, Question, Questionnaire
from alliances.kit.services.compass import (
    MEMBERS_ONLY,
    AnswerErrors,
    assessment_submit,
    questionnaire_questions,
)
from alliances.registry.models import Alliance, Organisation
from alliances.territories.models import Territory

UNKNOWN_ORGANISATION = _("No organisation of the registry has this number.")
UNKNOWN_TERRITORY = _("No territory of this kind has this code.")


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
    """The questionnaires in use (the two compasses and the alliance evaluation), with axes,
    questions (single or multiple choice, conditions) and scored options."""

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


# --- The compass: answers in, scores and recommendations out ------------------------------------

ANSWER_SHAPE = _("Give an option's order number, a list of them, or “na”.")
UNKNOWN_QUESTION = _("This questionnaire has no question with this code.")
UNKNOWN_ORDER = _("This question has no option with this order number.")


def _raw_answers(questions, answers: dict) -> dict:
    """API answers (question code → option order, list of orders, or "na") → the service's raw
    answers (question pk → option pk as text, list of them, or "na"); field errors by code."""
    by_code = {question.code: question for question in questions}
    raw, errors = {}, {}
    for code, value in answers.items():
        question = by_code.get(code)
        if question is None:
            errors[code] = [str(UNKNOWN_QUESTION)]
            continue
        if value == scoring.NOT_APPLICABLE:
            raw[question.pk] = scoring.NOT_APPLICABLE
            continue
        orders = value if isinstance(value, list) else [value]
        if not orders or any(isinstance(o, bool) or not isinstance(o, int) for o in orders):
            errors[code] = [str(ANSWER_SHAPE)]
            continue
        by_order = {option.order: option.pk for option in question.options.all()}
        if any(order not in by_order for order in orders):
            errors[code] = [str(UNKNOWN_ORDER)]
            continue
        pks = [str(by_order[order]) for order in orders]
        raw[question.pk] = pks if isinstance(value, list) else pks[0]
    if errors:
        raise ValidationError({"answers": errors})
    return raw


def _submit(request, questionnaire, data: dict, **context) -> Assessment:
    questions = questionnaire_questions(questionnaire)
    try:
        return assessment_submit(
            questionnaire=questionnaire,
            answers=_raw_answers(questions, data["answers"]),
            profile=data["profile"],
            user=request.user,
            **context,
        )
    except AnswerErrors as error:
        codes = {question.pk: question.code for question in questions}
        raise ValidationError(
            {"answers": {codes[pk]: [str(message)] for pk, message in error.errors.items()}}
        ) from error


def result_data(request, assessment: Assessment) -> dict:
    """The same result as the web page, as data."""
    results = selectors.assessment_results(assessment)
    peers = selectors.peer_comparison(assessment, results)
    return {
        "token": assessment.token,
        "questionnaire": assessment.questionnaire.slug,
        "version": assessment.questionnaire.version,
        "created_at": assessment.created_at,
        "profile": assessment.profile,
        "world": assessment.world,
        "territory": assessment.territory,
        "alliance": assessment.alliance_id,
        "overall": assessment.overall,
        "maturity": assessment.maturity,
        "scores": [
            {
                "axis": result.axis,
                "label": result.label,
                "score": result.score,
                "maturity": result.maturity,
                "is_strength": result.is_strength,
            }
            for result in results
        ],
        "recommendations": [
            {
                "axis": gap.axis,
                "maturity": gap.maturity,
                "resources": [
                    {
                        "id": resource.pk,
                        "title": resource.title,
                        "url": request.build_absolute_uri(resource.get_absolute_url()),
                    }
                    for resource in resources
                ],
            }
            for gap, resources in selectors.recommendations(assessment, results)
        ],
        "peers": None
        if peers is None
        else {
            "peers": peers.peers,
            "overall_percentile": peers.overall_percentile,
            "axes": [
                {"label": label, "median": median, "percentile": percentile}
                for label, median, percentile in peers.axes
            ],
        },
        "result_url": request.build_absolute_uri(assessment.get_absolute_url()),
        "pdf_url": request.build_absolute_uri(
            reverse("web:compass_result_pdf", kwargs={"token": assessment.token})
        ),
    }


def _assessment(token: str) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related("questionnaire", "territory"), token=token
    )


class AssessmentCreate(APIView):
    """Answer a compass questionnaire (no account needed): the answer is the result, with its
    secret token. Signed-in people keep it in their history."""

    permission_classes = [permissions.AllowAny, TokenScopePermission]

    @extend_schema(
        request=serializers.AssessmentInputSerializer,
        responses={201: serializers.AssessmentResultSerializer},
    )
    def post(self, request, slug: str):
        questionnaire = get_object_or_404(
            Questionnaire.objects.exclude(audience=QuestionnaireAudience.ALLIANCE),
            slug=slug,
            is_current=True,
        )
        data = serializers.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        organisation = None
        if values.get("organisation"):
            number = values["organisation"].replace(" ", "").upper()
            organisation = (
                Organisation.objects.filter(siren=number).first()
                or Organisation.objects.filter(rna_id=number).first()
            )
            if organisation is None:
                raise ValidationError({"organisation": [str(UNKNOWN_ORGANISATION)]})
        territory = None
        if values.get("territory"):
            territory = Territory.objects.filter(
                kind=values["territory"]["kind"], code=values["territory"]["code"].upper()
            ).first()
            if territory is None:
                raise ValidationError({"territory": [str(UNKNOWN_TERRITORY)]})
        assessment = _submit(
            request, questionnaire, values, organisation=organisation, territory=territory
        )
        return Response(
            serializers.AssessmentResultSerializer(result_data(request, assessment)).data,
            status=status.HTTP_201_CREATED,
        )


class AssessmentDetail(APIView):
    """A result by its secret token: scores per axis, strengths and gaps, recommended resources,
    the comparison with peers (null under the privacy minimum)."""

    permission_classes = [permissions.AllowAny, TokenScopePermission]

    @extend_schema(responses=serializers.AssessmentResultSerializer)
    def get(self, request, token: str):
        return Response(
            serializers.AssessmentResultSerializer(result_data(request, _assessment(token))).data
        )


def _evaluation_data(alliance) -> dict:
    evaluation = selectors.alliance_evaluation(alliance)
    return {
        "alliance": alliance.pk,
        "questionnaire": evaluation.questionnaire.slug if evaluation.questionnaire else None,
        "respondents": evaluation.respondents,
        "minimum": evaluation.minimum,
        "overall": evaluation.overall,
        "angles": [
            {"axis": angle.axis, "label": angle.label, "mean": angle.mean}
            for angle in evaluation.angles
        ],
    }


class AllianceEvaluation(APIView):
    """The members' partnership evaluation of a published alliance: GET the aggregate (means per
    angle from the privacy minimum of respondents on), POST the answers of a person belonging to
    one of its member organisations (`organisation`: that organisation's id, optional when they
    belong to only one)."""

    def _alliance(self):
        return get_object_or_404(Alliance.objects.published(), pk=self.kwargs["pk"])

    @extend_schema(responses=serializers.AllianceEvaluationSerializer)
    def get(self, request, pk: int):
        return Response(
            serializers.AllianceEvaluationSerializer(_evaluation_data(self._alliance())).data
        )

    @extend_schema(
        request=serializers.EvaluationInputSerializer,
        responses={201: serializers.AssessmentResultSerializer},
    )
    def post(self, request, pk: int):
        alliance = self._alliance()
        questionnaire = selectors.evaluation_questionnaire()
        if questionnaire is None:
            raise NotFound()
        if not perms.can_evaluate_alliance(request.user, alliance):
            raise PermissionDenied(MEMBERS_ONLY)
        data = serializers.EvaluationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organisation = None
        if data.validated_data.get("organisation"):
            organisation = Organisation.objects.filter(
                pk=data.validated_data["organisation"]
            ).first()
            if organisation is None:
                raise ValidationError({"organisation": [str(UNKNOWN_ORGANISATION)]})
        assessment = _submit(
            request,
            questionnaire,
            data.validated_data,
            organisation=organisation,
            alliance=alliance,
        )
        return Response(
            serializers.AssessmentResultSerializer(result_data(request, assessment)).data,
            status=status.HTTP_201_CREATED,
        )


def _statistics_data(territory) -> list[dict]:
    return [
        {
            "questionnaire": table.questionnaire.slug,
            "minimum": table.minimum,
            "rows": [
                {
                    "label": row.label,
                    "assessments": row.assessments,
                    "overall": row.overall,
                    "axes": {
                        code: mean for (code, _name), mean in zip(table.axes, row.axes, strict=True)
                    },
                }
                for row in table.rows
            ],
        }
        for table in selectors.compass_statistics(territory)
    ]


class CompassStatistics(APIView):
    """Anonymised compass statistics of the observatory: France and each world (without a
    territory), or one région or département; means only for groups of at least the minimum."""

    @extend_schema(
        operation_id="compass_statistics_france",
        responses=serializers.CompassStatisticsSerializer(many=True),
    )
    def get(self, request, kind: str | None = None, code: str | None = None):
        territory = None
        if kind is not None:
            territory = get_object_or_404(
                Territory.objects.filter(kind__in=["region", "departement"]), kind=kind, code=code
            )
        return Response(
            serializers.CompassStatisticsSerializer(_statistics_data(territory), many=True).data
        )


class CompassStatisticsTerritory(CompassStatistics):
    """The compass statistics of one région or département."""

    @extend_schema(
        operation_id="compass_statistics_territory",
        responses=serializers.CompassStatisticsSerializer(many=True),
    )
    def get(self, request, kind: str | None = None, code: str | None = None):
        return super().get(request, kind, code)
