"""Request and response bodies of the mobilisation writes (shape and JSON types only)."""

from rest_framework import serializers

from alliances.api.fields import StrictCharField, StrictIntegerField
from alliances.mobilisation.enums import ContributionKind, Stance
from alliances.mobilisation.models import Contribution, ContributionReport, Registration
from alliances.mobilisation.services.contributions import BODY_MAX_LENGTH

TARGET_KINDS = [("alliance", "alliance"), ("measure", "measure")]


class RegistrationRequestSerializer(serializers.Serializer):
    """Who registers; the account's name and e-mail address when left out."""

    name = StrictCharField(required=False, max_length=200)
    email = serializers.EmailField(required=False, max_length=254)
    organisation = StrictCharField(required=False, allow_blank=True, max_length=200)


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "name",
            "email",
            "organisation",
            "status",
            "created_at",
            "promoted_at",
            "cancelled_at",
        ]


class ContributionRequestSerializer(serializers.Serializer):
    target_kind = serializers.ChoiceField(
        choices=TARGET_KINDS, help_text="What the contribution is about."
    )
    target_id = StrictIntegerField(
        min_value=1, max_value=2**31 - 1, help_text="The alliance's or the measure's id."
    )
    kind = serializers.ChoiceField(choices=ContributionKind.choices)
    stance = serializers.ChoiceField(
        choices=[("", ""), *Stance.choices], required=False, help_text="Proposals only."
    )
    body = StrictCharField(max_length=BODY_MAX_LENGTH, help_text="Plain text.")


class ContributionSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.display_name", read_only=True)
    target_kind = serializers.CharField(source="content_type.model", read_only=True)
    target_id = serializers.IntegerField(source="object_id", read_only=True)

    class Meta:
        model = Contribution
        fields = [
            "id",
            "target_kind",
            "target_id",
            "kind",
            "stance",
            "body",
            "author",
            "visibility",
            "created_at",
        ]


class ReportRequestSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=1000, help_text="Why a moderator should look at it.")


class ReportSerializer(serializers.ModelSerializer):
    contribution = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = ContributionReport
        fields = ["id", "contribution", "reason", "created_at"]
