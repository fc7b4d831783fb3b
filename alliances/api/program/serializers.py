from datetime import date
from decimal import Decimal

from rest_framework import serializers

from alliances.api.fields import RoundedDecimalField, StrictCharField, StrictModelSerializer
from alliances.program.enums import Attainment, MeasureStatus, UpdateStatus
from alliances.program.models import (
    Dimension,
    Indicator,
    IndicatorValue,
    Measure,
    Milestone,
    Programme,
    ProgrammeInstance,
    ProgressUpdate,
)
from alliances.program.selectors import IndicatorState, MeasureState


class DimensionSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    progress = serializers.SerializerMethodField()
    measures = serializers.SerializerMethodField()

    class Meta:
        model = Dimension
        fields = [
            "code",
            "position",
            "name",
            "name_fr",
            "name_en",
            "effect_from_months",
            "effect_to_months",
            "progress",
            "measures",
        ]

    def _state(self, dimension):
        state = self.context["state"]
        return next(d for d in state.dimensions if d.dimension.pk == dimension.pk)

    def get_progress(self, dimension) -> float | None:
        return self._state(dimension).progress

    def get_measures(self, dimension) -> list[str]:
        return [item.measure.code for item in self._state(dimension).measures]


class InstanceSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)

    class Meta:
        model = ProgrammeInstance
        fields = ["kind", "date", "title", "title_fr", "title_en", "description"]


class ProgrammeListSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = [
            "slug",
            "title",
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "start_date",
            "url",
        ]

    def get_url(self, programme) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/programmes/{programme.slug}/")


class ProgrammeSerializer(ProgrammeListSerializer):
    progress = serializers.SerializerMethodField()
    dimensions = serializers.SerializerMethodField()
    instances = InstanceSerializer(many=True, read_only=True)

    class Meta(ProgrammeListSerializer.Meta):
        fields = [
            *ProgrammeListSerializer.Meta.fields,
            "source",
            "freshness_due_days",
            "freshness_overdue_days",
            "progress",
            "dimensions",
            "instances",
        ]

    def get_progress(self, programme) -> float | None:
        return self.context["state"].progress

    def get_dimensions(self, programme) -> list[dict]:
        return DimensionSerializer(programme.dimensions.all(), many=True, context=self.context).data


class MilestoneSerializer(serializers.ModelSerializer):
    late = serializers.SerializerMethodField()

    class Meta:
        model = Milestone
        fields = [
            "id",
            "external_id",
            "kind",
            "title",
            "description",
            "due_date",
            "done_date",
            "weight",
            "evidence_url",
            "is_demo",
            "version",
            "late",
        ]
        read_only_fields = ["id", "external_id", "is_demo", "version", "late"]

    def get_late(self, milestone) -> bool:
        from django.utils import timezone

        today = timezone.localdate()
        return bool(milestone.due_date and milestone.due_date < today and not milestone.done_date)


class MilestoneWriteSerializer(StrictModelSerializer):
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="The version you edited; required to update."
    )
    weight = RoundedDecimalField(
        max_digits=6, decimal_places=2, min_value=Decimal("0"), required=False
    )

    class Meta:
        model = Milestone
        fields = [
            "kind",
            "title",
            "description",
            "due_date",
            "done_date",
            "weight",
            "evidence_url",
            "version",
        ]


class MilestonePatchSerializer(MilestoneWriteSerializer):
    """A change to a milestone: any of its fields, and the `version` that was read."""

    version = serializers.IntegerField(min_value=1, help_text="The version you edited.")

    class Meta(MilestoneWriteSerializer.Meta):
        extra_kwargs = {
            name: {"required": False}
            for name in MilestoneWriteSerializer.Meta.fields
            if name != "version"
        }


class ValueSerializer(StrictModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "source", "comment"]


class IndicatorSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    automatic_status = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    latest = serializers.SerializerMethodField()
    values = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = [
            "id",
            "external_id",
            "name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "weight",
            "status",
            "automatic_status",
            "status_override",
            "status_override_reason",
            "progress",
            "latest",
            "values",
            "is_demo",
            "version",
        ]

    def _state(self, indicator) -> IndicatorState:
        return self.context["indicator_states"][indicator.pk]

    def get_status(self, indicator) -> str:
        return str(self._state(indicator).status)

    def get_automatic_status(self, indicator) -> str:
        return str(self._state(indicator).automatic_status)

    def get_progress(self, indicator) -> float | None:
        return self._state(indicator).progress

    def get_latest(self, indicator) -> dict | None:
        latest = self._state(indicator).latest
        return ValueSerializer(latest).data if latest else None

    def get_values(self, indicator) -> list[dict]:
        return ValueSerializer(self._state(indicator).values, many=True).data


class MeasureSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    dimension = serializers.CharField(source="dimension.code", read_only=True)
    progress = serializers.SerializerMethodField()
    freshness = serializers.SerializerMethodField()
    last_update = serializers.SerializerMethodField()
    late_milestones = serializers.SerializerMethodField()
    objectives = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    stakeholder_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    depends_on = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "code",
            "dimension",
            "number",
            "position",
            "title",
            "title_fr",
            "title_en",
            "description_fr",
            "description_en",
            "status",
            "weight",
            "start_date",
            "due_date",
            "owner_organisations",
            "objectives",
            "stakeholder_groups",
            "depends_on",
            "attainment",
            "attainment_justification",
            "progress",
            "freshness",
            "last_update",
            "late_milestones",
            "version",
        ]

    def _state(self, measure) -> MeasureState:
        return self.context["measure_states"][measure.code]

    def get_progress(self, measure) -> float | None:
        return self._state(measure).progress

    def get_freshness(self, measure) -> str:
        return str(self._state(measure).freshness)

    def get_last_update(self, measure) -> date | None:
        return self._state(measure).last_update

    def get_late_milestones(self, measure) -> int:
        return len(self._state(measure).late_milestones)


class MeasureDetailSerializer(MeasureSerializer):
    milestones = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()

    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "milestones", "indicators"]

    def get_milestones(self, measure) -> list[dict]:
        return MilestoneSerializer(measure.milestones.all(), many=True).data

    def get_indicators(self, measure) -> list[dict]:
        return IndicatorSerializer(measure.indicators.all(), many=True, context=self.context).data


class MeasureUpdateSerializer(serializers.Serializer):
    """Fields a pilot may change; attainment is for co-pilots. `version` is required."""

    version = serializers.IntegerField(min_value=1)
    status = serializers.ChoiceField(choices=MeasureStatus.choices, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    weight = RoundedDecimalField(
        max_digits=6, decimal_places=2, min_value=Decimal("0"), required=False
    )
    owner_organisations = StrictCharField(required=False, allow_blank=True, max_length=5000)
    description_fr = StrictCharField(required=False, allow_blank=True, max_length=20000)
    description_en = StrictCharField(required=False, allow_blank=True, max_length=20000)
    attainment = serializers.ChoiceField(choices=[("", ""), *Attainment.choices], required=False)
    attainment_justification = StrictCharField(required=False, allow_blank=True, max_length=5000)


class ProgressUpdateSerializer(StrictModelSerializer):
    author = serializers.StringRelatedField()
    status = serializers.ChoiceField(choices=UpdateStatus.choices)

    class Meta:
        model = ProgressUpdate
        fields = ["id", "date", "status", "narrative", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]
