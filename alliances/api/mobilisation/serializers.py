from rest_framework import serializers

from alliances.api.registry.serializers import TerritoryRefSerializer
from alliances.mobilisation.models import Debate, Event


class EventSerializer(serializers.ModelSerializer):
    territory = TerritoryRefSerializer(read_only=True, allow_null=True)
    goals = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    measures = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    alliances = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    confirmed = serializers.IntegerField(
        source="confirmed_count", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "title_fr",
            "title_en",
            "description_fr",
            "description_en",
            "kind",
            "starts_at",
            "ends_at",
            "time_zone",
            "territory",
            "address",
            "online_url",
            "organiser_name",
            "capacity",
            "confirmed",
            "registration_opens_at",
            "registration_closes_at",
            "goals",
            "measures",
            "alliances",
            "replay_url",
            "minutes",
            "is_demo",
        ]


class DebateSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(
        source="measure.programme", slug_field="slug", read_only=True
    )
    measure = serializers.SlugRelatedField(slug_field="code", read_only=True)
    state = serializers.SerializerMethodField()

    class Meta:
        model = Debate
        fields = [
            "id",
            "programme",
            "measure",
            "title",
            "framing",
            "opens_at",
            "closes_at",
            "state",
            "conclusion",
            "concluded_at",
            "is_demo",
        ]

    def get_state(self, debate) -> str:
        return debate.state()
