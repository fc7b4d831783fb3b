"""Request bodies of the kit's writes: shape and JSON types only; the resource form and the
services hold the rules."""

from rest_framework import serializers

from alliances.api.fields import StrictCharField, StrictIntegerField
from alliances.api.kit.serializers import ResourceDetailSerializer
from alliances.kit.enums import (
    AudienceProfile,
    CompassAxis,
    Language,
    Maturity,
    ResourceKind,
    ResourceState,
)
from alliances.web.forms.kit import MAX_LINKS


class LinkSerializer(serializers.Serializer):
    label = StrictCharField(max_length=200)
    url = serializers.URLField(max_length=200)


class ResourceWriteSerializer(serializers.Serializer):
    """A resource as its author writes it on the page; it starts as a draft."""

    kind = serializers.ChoiceField(choices=ResourceKind.choices)
    title = StrictCharField(max_length=200)
    summary = StrictCharField(max_length=500)
    body = StrictCharField(
        required=False, allow_blank=True, max_length=50000, help_text="Markdown."
    )
    profiles = serializers.ListField(
        child=serializers.ChoiceField(choices=AudienceProfile.choices),
        min_length=1,
        max_length=len(AudienceProfile.values),
    )
    maturity = serializers.ChoiceField(choices=Maturity.choices)
    axes = serializers.ListField(
        child=serializers.ChoiceField(choices=CompassAxis.choices),
        required=False,
        max_length=len(CompassAxis.values),
    )
    goals = serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=17),
        required=False,
        max_length=17,
        help_text="SDG numbers.",
    )
    themes = serializers.ListField(
        child=StrictCharField(max_length=50), required=False, max_length=50, help_text="Slugs."
    )
    language = serializers.ChoiceField(choices=Language.choices)
    territory = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=9,
        help_text="INSEE code of a commune, département or region.",
    )
    author_organisation = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=20,
        help_text="SIREN or RNA number of an organisation of the registry.",
    )
    links = serializers.ListField(child=LinkSerializer(), required=False, max_length=MAX_LINKS)


class ResourcePatchSerializer(ResourceWriteSerializer):
    """Any of the resource's fields; those left out keep their value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class ResourceStateSerializer(ResourceDetailSerializer):
    """A resource with its workflow state, as its author or an editor sees it."""

    class Meta(ResourceDetailSerializer.Meta):
        fields = [*ResourceDetailSerializer.Meta.fields, "state"]


class ResourceMoveSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=ResourceState.choices, help_text="The state to move to.")
    note = StrictCharField(required=False, allow_blank=True, max_length=500)


class BookmarkSerializer(serializers.Serializer):
    resource = serializers.IntegerField()
    bookmarked = serializers.BooleanField()
