from rest_framework import serializers

from alliances.api.registry.serializers import TerritoryRefSerializer
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
        fields = ["code", "order", "text_fr", "text_en", "allows_not_applicable", "options"]


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
