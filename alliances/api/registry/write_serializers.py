"""Request bodies of the registry's writes: shape and JSON types only. The rules (identifiers,
communes in the département, members…) are the page forms' and the services' own."""

from rest_framework import serializers

from alliances.api.fields import StrictBooleanField, StrictCharField, StrictIntegerField
from alliances.api.registry.serializers import AllianceSerializer
from alliances.registry.enums import (
    AllianceType,
    CorrectionStatus,
    MembershipRole,
    OrganisationStatus,
    Publication,
    SizeBand,
    WaldecTheme,
    World,
)
from alliances.registry.models import CorrectionRequest
from alliances.web.forms.registry import MEMBER_ROWS

GOAL = {"min_value": 1, "max_value": 17}


class MemberInputSerializer(serializers.Serializer):
    name = StrictCharField(max_length=300)
    identifier = StrictCharField(max_length=20, help_text="SIREN (9 digits) or RNA number.")
    world = serializers.ChoiceField(choices=World.choices)
    role = serializers.ChoiceField(choices=MembershipRole.choices)


class AllianceSubmitSerializer(serializers.Serializer):
    """An alliance proposal, as on the public form; it waits for a moderator."""

    title = StrictCharField(max_length=200)
    summary = StrictCharField(max_length=500)
    description = StrictCharField(required=False, allow_blank=True, max_length=20000)
    alliance_type = serializers.ChoiceField(choices=AllianceType.choices)
    departement = StrictCharField(max_length=3, help_text="INSEE code of the département.")
    commune = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=5,
        help_text="INSEE code of the commune, for an alliance that covers one commune.",
    )
    goals = serializers.ListField(
        child=StrictIntegerField(**GOAL), required=False, max_length=17, help_text="SDG numbers."
    )
    members = serializers.ListField(
        child=MemberInputSerializer(), min_length=2, max_length=MEMBER_ROWS
    )
    contact_email = serializers.EmailField(
        required=False,
        max_length=254,
        help_text="For the moderators only; the account's address when left out.",
    )


class AllianceSubmissionSerializer(AllianceSerializer):
    """An alliance as its author or a moderator sees it: with its publication state."""

    class Meta(AllianceSerializer.Meta):
        fields = [*AllianceSerializer.Meta.fields, "publication"]


class PublicationMoveSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=Publication.choices, help_text="The state to move to.")
    note = StrictCharField(required=False, allow_blank=True, max_length=500)


class CorrectionReportSerializer(serializers.Serializer):
    message = StrictCharField(max_length=4000, help_text="What should be corrected.")
    contact_email = serializers.EmailField(required=False, allow_blank=True, max_length=254)


class CorrectionSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    alliance = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = CorrectionRequest
        fields = ["id", "organisation", "alliance", "message", "status", "created_at", "handled_at"]


class CorrectionHandleSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            (CorrectionStatus.ACCEPTED.value, "accepted"),
            (CorrectionStatus.REJECTED.value, "rejected"),
        ]
    )


class OrganisationWriteSerializer(serializers.Serializer):
    """An organisation as a moderator enters it. Identifiers are checked as everywhere: SIREN
    and SIRET by the Luhn check (La Poste excepted), RNA as W and 9 digits or capitals."""

    name = StrictCharField(max_length=300)
    short_name = StrictCharField(required=False, allow_blank=True, max_length=120)
    world = serializers.ChoiceField(choices=World.choices)
    siren = StrictCharField(required=False, allow_blank=True, allow_null=True, max_length=20)
    siret = StrictCharField(required=False, allow_blank=True, max_length=30)
    rna_id = StrictCharField(required=False, allow_blank=True, allow_null=True, max_length=20)
    legal_category = StrictCharField(required=False, allow_blank=True, max_length=4)
    naf = StrictCharField(required=False, allow_blank=True, max_length=6)
    waldec_theme = serializers.ChoiceField(choices=[("", ""), *WaldecTheme.choices], required=False)
    ess = StrictBooleanField(required=False)
    size_band = serializers.ChoiceField(choices=[("", ""), *SizeBand.choices], required=False)
    address = StrictCharField(required=False, allow_blank=True, max_length=300)
    postcode = StrictCharField(required=False, allow_blank=True, max_length=5)
    commune = StrictCharField(
        required=False, allow_blank=True, allow_null=True, max_length=5, help_text="INSEE code."
    )
    website = StrictCharField(required=False, allow_blank=True, max_length=200)
    status = serializers.ChoiceField(choices=OrganisationStatus.choices, required=False)
    created_on = serializers.DateField(required=False, allow_null=True)
    closed_on = serializers.DateField(required=False, allow_null=True)
    goals = serializers.ListField(
        child=StrictIntegerField(**GOAL), required=False, max_length=17, help_text="SDG numbers."
    )


class OrganisationPatchSerializer(OrganisationWriteSerializer):
    """Any of the organisation's fields; those left out keep their value."""

    name = StrictCharField(max_length=300, required=False)
    world = serializers.ChoiceField(choices=World.choices, required=False)
