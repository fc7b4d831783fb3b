from rest_framework import serializers

from alliances.api.registry.serializers import TerritoryRefSerializer
from alliances.kit.enums import AudienceProfile
from alliances.kit.models import Resource
from alliances.kit.models.compass import Axis, Option, Question, Questionnaire


class ResourceSerializer(serializers.ModelSerializer):
    goals = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    profiles = serializers.SerializerMethodField()
    territory = TerritoryRefSerializer(read_only=True, allow_null=True)
    author_organisation = serializers.CharField(
        source="author_organisation.display_name", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Resource
        fields = [
            "id",
            "kind",
            "title",
            "summary",
            "maturity",
            "language",
            "goals",
            "themes",
            "profiles",
            "territory",
            "author_organisation",
            "alliance",
            "published_at",
            "is_demo",
        ]

    def get_profiles(self, resource) -> list[str]:
        return [audience.profile for audience in resource.audiences.all()]


class ResourceDetailSerializer(ResourceSerializer):
    links = serializers.SerializerMethodField()

    class Meta(ResourceSerializer.Meta):
        fields = [*ResourceSerializer.Meta.fields, "body", "links"]

    def get_links(self, resource) -> list[dict]:
        return [{"label": link.label, "url": link.url} for link in resource.links.all() if link.url]


class OptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Option
        fields = ["order", "label_fr", "label_en", "score"]


class QuestionSerializer(serializers.ModelSerializer):
    options = OptionSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "code",
            "order",
            "kind",
            "max_score",
            "text_fr",
            "text_en",
            "allows_not_applicable",
            "depends_on",
            "depends_on_min_score",
            "options",
        ]

    depends_on = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)


class AxisSerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Axis
        fields = ["code", "order", "name_fr", "name_en", "questions"]


class QuestionnaireSerializer(serializers.ModelSerializer):
    axes = AxisSerializer(many=True, read_only=True)

    class Meta:
        model = Questionnaire
        fields = [
            "slug",
            "version",
            "audience",
            "title_fr",
            "title_en",
            "intro_fr",
            "intro_en",
            "axes",
        ]


# --- The compass: submitting answers and reading results ----------------------------------------

ANSWERS_HELP = (
    "Question code → the chosen option's `order`, a list of orders for a multiple-choice "
    'question, or "na" (not applicable, where the question allows it). Conditional questions '
    "whose condition does not hold may be left out."
)
TERRITORY_KINDS = ["region", "departement", "epci", "commune"]


class TerritoryInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TERRITORY_KINDS)
    code = serializers.CharField(max_length=9)


class AssessmentInputSerializer(serializers.Serializer):
    profile = serializers.ChoiceField(choices=AudienceProfile.choices)
    answers = serializers.DictField(child=serializers.JSONField(), help_text=ANSWERS_HELP)
    organisation = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=20,
        help_text="SIREN or RNA number of your organisation in the registry (optional).",
    )
    territory = TerritoryInputSerializer(
        required=False,
        allow_null=True,
        help_text="The territory answered for (required for a territory questionnaire).",
    )


class EvaluationInputSerializer(serializers.Serializer):
    profile = serializers.ChoiceField(choices=AudienceProfile.choices)
    answers = serializers.DictField(child=serializers.JSONField(), help_text=ANSWERS_HELP)
    organisation = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**31 - 1,
        help_text=(
            "Id of the member organisation you answer for; you must belong to it. Optional when "
            "you belong to only one of the alliance's member organisations."
        ),
    )


class AxisScoreSerializer(serializers.Serializer):
    axis = serializers.CharField()
    label = serializers.CharField()
    score = serializers.DecimalField(max_digits=5, decimal_places=1)
    maturity = serializers.CharField()
    is_strength = serializers.BooleanField()


class ResourceLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class RecommendationSerializer(serializers.Serializer):
    axis = serializers.CharField()
    maturity = serializers.CharField()
    resources = ResourceLinkSerializer(many=True)


class PeerAxisSerializer(serializers.Serializer):
    label = serializers.CharField()
    median = serializers.DecimalField(max_digits=5, decimal_places=1)
    percentile = serializers.IntegerField()


class PeersSerializer(serializers.Serializer):
    peers = serializers.IntegerField()
    overall_percentile = serializers.IntegerField()
    axes = PeerAxisSerializer(many=True)


class AssessmentResultSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Secret: whoever has it reads the result.")
    questionnaire = serializers.CharField()
    version = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    profile = serializers.CharField()
    world = serializers.CharField()
    territory = TerritoryRefSerializer(allow_null=True)
    alliance = serializers.IntegerField(allow_null=True)
    overall = serializers.DecimalField(max_digits=5, decimal_places=1)
    maturity = serializers.CharField()
    scores = AxisScoreSerializer(many=True)
    recommendations = RecommendationSerializer(many=True)
    peers = PeersSerializer(
        allow_null=True, help_text="Null below the privacy minimum of peers (or for an evaluation)."
    )
    result_url = serializers.CharField()
    pdf_url = serializers.CharField()


class AngleMeanSerializer(serializers.Serializer):
    axis = serializers.CharField()
    label = serializers.CharField()
    mean = serializers.DecimalField(max_digits=5, decimal_places=1)


class AllianceEvaluationSerializer(serializers.Serializer):
    alliance = serializers.IntegerField()
    questionnaire = serializers.CharField(allow_null=True)
    respondents = serializers.IntegerField()
    minimum = serializers.IntegerField(help_text="Respondents needed before means are shown.")
    overall = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    angles = AngleMeanSerializer(many=True, help_text="Empty below the minimum.")


class StatisticRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    assessments = serializers.IntegerField()
    overall = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    axes = serializers.DictField(
        child=serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True),
        help_text="Axis code → mean score, null below the privacy minimum.",
    )


class CompassStatisticsSerializer(serializers.Serializer):
    questionnaire = serializers.CharField()
    minimum = serializers.IntegerField(help_text="Assessments a group needs before its means.")
    rows = StatisticRowSerializer(many=True)
