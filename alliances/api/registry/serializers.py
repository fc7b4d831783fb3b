from rest_framework import serializers

from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.territories.models import Territory


class TerritoryRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Territory
        fields = ["kind", "code", "name"]


class OrganisationSerializer(serializers.ModelSerializer):
    """An actor; for sole traders who opted out of publication, no name nor address is given."""

    name = serializers.CharField(source="display_name", read_only=True)
    commune = serializers.CharField(
        source="commune.code", default=None, read_only=True, allow_null=True
    )
    departement = serializers.CharField(
        source="departement.code", default=None, read_only=True, allow_null=True
    )
    goals = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    address = serializers.SerializerMethodField()
    postcode = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "short_name",
            "world",
            "siren",
            "siret",
            "rna_id",
            "legal_category",
            "naf",
            "waldec_theme",
            "ess",
            "size_band",
            "address",
            "postcode",
            "commune",
            "departement",
            "website",
            "status",
            "created_on",
            "closed_on",
            "goals",
            "source",
            "is_demo",
        ]

    def get_address(self, organisation) -> str:
        return organisation.address if organisation.diffusible else ""

    def get_postcode(self, organisation) -> str:
        return organisation.postcode if organisation.diffusible else ""


class MemberSerializer(serializers.ModelSerializer):
    organisation = serializers.IntegerField(source="organisation_id", read_only=True)
    name = serializers.CharField(source="organisation.display_name", read_only=True)
    world = serializers.CharField(source="organisation.world", read_only=True)

    class Meta:
        model = Membership
        fields = ["organisation", "name", "world", "role"]


class AllianceSerializer(serializers.ModelSerializer):
    territories = TerritoryRefSerializer(many=True, read_only=True)
    goals = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    targets = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    members = MemberSerializer(source="memberships", many=True, read_only=True)

    class Meta:
        model = Alliance
        fields = [
            "id",
            "title",
            "summary",
            "description",
            "alliance_type",
            "status",
            "start_date",
            "end_date",
            "resources",
            "results",
            "evidence_url",
            "inspiring",
            "territories",
            "goals",
            "targets",
            "members",
            "published_at",
            "is_demo",
        ]


class CatalystSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer(read_only=True, allow_null=True)
    territories = TerritoryRefSerializer(many=True, read_only=True)

    class Meta:
        model = Catalyst
        fields = [
            "id",
            "person_name",
            "description",
            "contact_url",
            "organisation",
            "territories",
            "is_demo",
        ]
