"""The observatory over the API: shapes of the diagnostic, the network and partner suggestions.

The objects serialised are the read-model rows and the dataclasses the pages use, so the API and
the pages always show the same numbers.
"""

from rest_framework import serializers

from alliances.api.registry.serializers import TerritoryRefSerializer


class SummarySerializer(serializers.Serializer):
    population = serializers.IntegerField(allow_null=True)
    actors_active = serializers.IntegerField()
    actors_dissolved = serializers.IntegerField()
    associations_active = serializers.IntegerField()
    actors_per_1000 = serializers.FloatField(allow_null=True)
    associations_per_1000 = serializers.FloatField(allow_null=True)
    alliances = serializers.IntegerField()
    alliances_per_100k = serializers.FloatField(allow_null=True)
    cross_world_alliances = serializers.IntegerField()
    cross_world_share = serializers.FloatField(allow_null=True)
    catalysts = serializers.IntegerField()
    goals_with_alliances = serializers.IntegerField()


class PeerSerializer(SummarySerializer):
    territory = TerritoryRefSerializer()


class ActorsByWorldSerializer(serializers.Serializer):
    world = serializers.CharField(source="key")
    active = serializers.IntegerField()
    dissolved = serializers.IntegerField()
    per_1000 = serializers.FloatField(allow_null=True)


class KeyCountSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class YearCountSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    count = serializers.IntegerField()


class GoalCoverageSerializer(serializers.Serializer):
    goal = serializers.IntegerField(source="goal.number")
    alliances = serializers.IntegerField()
    actors = serializers.IntegerField()


class PrioritySerializer(serializers.Serializer):
    goal = serializers.IntegerField(source="goal.number")
    indicator = serializers.CharField(source="indicator.code")
    indicator_name = serializers.CharField(source="indicator.name")
    unit = serializers.CharField(source="indicator.unit")
    year = serializers.IntegerField()
    value = serializers.FloatField()
    measured_at = serializers.CharField()
    reference_value = serializers.FloatField()
    reference = serializers.CharField(source="reference_name")
    alliances = serializers.IntegerField()
    alliances_per_100k = serializers.FloatField(allow_null=True)
    national_per_100k = serializers.FloatField(allow_null=True)
    is_demo = serializers.BooleanField()


class PerceptionSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()
    share = serializers.FloatField()
    national_share = serializers.FloatField(allow_null=True)
    source = serializers.CharField()


class DiagnosticSerializer(serializers.Serializer):
    """A territory's diagnostic, as of the last refresh (`as_of`); `summary` is null before it."""

    territory = TerritoryRefSerializer(allow_null=True)
    as_of = serializers.DateTimeField(source="refresh.finished_at", default=None)
    summary = SummarySerializer(allow_null=True)
    parent = TerritoryRefSerializer(allow_null=True, help_text="Null: France.")
    parent_summary = SummarySerializer(allow_null=True)
    national = SummarySerializer(allow_null=True)
    actors_by_world = ActorsByWorldSerializer(many=True)
    association_themes = KeyCountSerializer(many=True)
    alliance_types = KeyCountSerializer(many=True)
    alliance_years = YearCountSerializer(many=True)
    member_worlds = KeyCountSerializer(many=True)
    goals = GoalCoverageSerializer(many=True)
    empty_goals = serializers.SerializerMethodField()
    priorities = PrioritySerializer(many=True)
    perceptions = PerceptionSerializer(many=True)
    peers = PeerSerializer(many=True)

    def get_empty_goals(self, diagnostic) -> list[int]:
        return [goal.number for goal in diagnostic.empty_goals]


class NetworkNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="organisation_id")
    name = serializers.CharField(source="organisation.display_name")
    world = serializers.CharField(source="organisation.world")
    degree = serializers.IntegerField()
    strength = serializers.IntegerField(help_text="Published alliances shared with partners.")
    betweenness = serializers.FloatField(help_text="Normalised to [0, 1].")
    community = serializers.IntegerField(help_text="1 is the largest community.")
    cross_world_share = serializers.FloatField(
        help_text="Share of its partners that belong to another world (0–1)."
    )
    bridging = serializers.FloatField(
        help_text="Betweenness × cross_world_share: how much it connects different worlds."
    )
    partner_worlds = serializers.DictField(
        child=serializers.IntegerField(), help_text="Its partners counted by world."
    )


class NetworkTieSerializer(serializers.Serializer):
    source = serializers.IntegerField(help_text="Organisation id.")
    target = serializers.IntegerField(help_text="Organisation id.")
    weight = serializers.IntegerField(help_text="Published alliances they share.")


class NetworkSerializer(serializers.Serializer):
    """The network's figures, its most connected organisations and the ties between them."""

    territory = TerritoryRefSerializer(allow_null=True)
    computed_at = serializers.DateTimeField()
    organisations = serializers.IntegerField()
    ties = serializers.IntegerField()
    communities = serializers.IntegerField()
    components = serializers.IntegerField()
    modularity = serializers.FloatField(allow_null=True)
    approximate = serializers.BooleanField()
    top = NetworkNodeSerializer(many=True)
    top_ties = NetworkTieSerializer(many=True)
    cross_world_ties = serializers.IntegerField(help_text="Ties between two different worlds.")
    bridges = NetworkNodeSerializer(
        many=True, help_text="The organisations that bridge worlds the most (`bridging`)."
    )
    graphml = serializers.URLField()
    gexf = serializers.URLField()
    bipartite_graphml = serializers.URLField(
        help_text="Organisations and alliances, one edge per membership (GraphML)."
    )
    bipartite_gexf = serializers.URLField(
        help_text="Organisations and alliances, one edge per membership (GEXF)."
    )


class SuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="organisation.pk")
    name = serializers.CharField(source="organisation.display_name")
    world = serializers.CharField(source="organisation.world")
    commune = serializers.CharField(
        source="organisation.commune.code", default=None, allow_null=True
    )
    score = serializers.IntegerField()
    shared_goals = serializers.SerializerMethodField()
    proximity = serializers.ChoiceField(choices=["commune", "departement"])
    distance = serializers.IntegerField(
        allow_null=True, help_text="Ties between them in the alliance network (2 or 3)."
    )
    via = serializers.IntegerField(
        source="via.pk",
        default=None,
        allow_null=True,
        help_text="A partner they share (distance 2).",
    )
    new_world = serializers.BooleanField(help_text="No partner of this world yet.")
    reasons = serializers.ListField(child=serializers.CharField())

    def get_shared_goals(self, suggestion) -> list[int]:
        return [goal.number for goal in suggestion.shared_goals]


class ChallengeQuerySerializer(serializers.Serializer):
    goal = serializers.IntegerField(min_value=1, max_value=17)
    target = serializers.CharField(required=False, max_length=6, allow_blank=True)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)


class CatalystRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    organisation = serializers.IntegerField(source="organisation_id", allow_null=True)
    contact_url = serializers.CharField()


class ChallengeSuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="organisation.pk")
    name = serializers.CharField(source="organisation.display_name")
    world = serializers.CharField(source="organisation.world")
    commune = serializers.CharField(
        source="organisation.commune.code", default=None, allow_null=True
    )
    score = serializers.IntegerField()
    place = serializers.ChoiceField(
        choices=["inside", "departement"],
        help_text="In the territory, or elsewhere in its département.",
    )
    declares_goal = serializers.BooleanField()
    target_alliances = serializers.IntegerField(
        help_text="Published alliances on the target it is a member of."
    )
    goal_alliances = serializers.IntegerField(
        help_text="Published alliances on the goal it is a member of."
    )
    activity = serializers.CharField(help_text="The activity that serves the goal, if any.")
    missing_world = serializers.BooleanField(
        help_text="No organisation of its world is yet in an alliance on the goal here."
    )
    other_world_partners = serializers.IntegerField()
    catalyst = CatalystRefSerializer(allow_null=True)
    reasons = serializers.ListField(child=serializers.CharField())


class ChallengeSerializer(serializers.Serializer):
    goal = serializers.IntegerField(source="goal.number")
    target = serializers.CharField(source="target.code", default=None, allow_null=True)
    territory = TerritoryRefSerializer()
    worlds_engaged = serializers.ListField(child=serializers.CharField())
    catalysts = CatalystRefSerializer(many=True)
    suggestions = ChallengeSuggestionSerializer(many=True)
