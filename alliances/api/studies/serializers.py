from rest_framework import serializers

from alliances.studies.models import AnswerOption, PublishedEstimate, Question, Study, Wave


class WaveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wave
        fields = ["number", "label", "fieldwork_start", "fieldwork_end", "sample_size"]


class StudyListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Study
        fields = [
            "slug",
            "title_fr",
            "title_en",
            "population_fr",
            "population_en",
            "organisation",
            "fieldwork_start",
            "fieldwork_end",
            "published_on",
            "mode",
            "sample_size",
            "is_demo",
        ]


class AnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = AnswerOption
        fields = ["code", "label_fr", "label_en"]


class QuestionSerializer(serializers.ModelSerializer):
    answers = AnswerSerializer(source="options", many=True, read_only=True)

    class Meta:
        model = Question
        fields = ["variable", "kind", "text_fr", "text_en", "answers"]


class StudySerializer(StudyListSerializer):
    waves = WaveSerializer(many=True, read_only=True)
    questions = serializers.SerializerMethodField()

    class Meta(StudyListSerializer.Meta):
        fields = [
            *StudyListSerializer.Meta.fields,
            "methodology_fr",
            "methodology_en",
            "source_url",
            "min_cell_size",
            "waves",
            "questions",
        ]

    def get_questions(self, study) -> list[dict]:
        questions = study.questions.filter(is_published=True).prefetch_related("options")
        return QuestionSerializer(questions, many=True).data


class EstimateSerializer(serializers.ModelSerializer):
    question = serializers.CharField(source="question.variable", read_only=True)
    wave = serializers.IntegerField(source="wave.number", read_only=True)
    region = serializers.CharField(
        source="region.code", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = PublishedEstimate
        fields = [
            "question",
            "wave",
            "region",
            "code",
            "label_fr",
            "label_en",
            "part_of",
            "share",
            "ci_low",
            "ci_high",
            "base",
            "effective_base",
            "base_description_fr",
            "base_description_en",
            "source",
            "is_aggregate_only",
        ]
