from rest_framework import serializers

from alliances.sdg.models import Goal, Target
from alliances.territories.models import Territory


class TerritorySerializer(serializers.ModelSerializer):
    region = serializers.CharField(
        source="region.code", default=None, read_only=True, allow_null=True
    )
    departement = serializers.CharField(
        source="departement.code", default=None, read_only=True, allow_null=True
    )
    epci = serializers.CharField(source="epci.code", default=None, read_only=True, allow_null=True)
    commune = serializers.CharField(
        source="commune.code", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Territory
        fields = [
            "kind",
            "code",
            "name",
            "zone",
            "population",
            "epci_type",
            "postal_codes",
            "siren",
            "region",
            "departement",
            "epci",
            "commune",
        ]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["code", "title_fr", "title_en"]


class GoalSerializer(serializers.ModelSerializer):
    colour = serializers.CharField(read_only=True)

    class Meta:
        model = Goal
        fields = ["number", "short_fr", "short_en", "title_fr", "title_en", "colour"]


class GoalDetailSerializer(GoalSerializer):
    targets = TargetSerializer(many=True, read_only=True)

    class Meta(GoalSerializer.Meta):
        fields = [*GoalSerializer.Meta.fields, "targets"]
