"""Writes on the registry, by the rules of the pages: the same forms, services and permissions.

- anyone signed in proposes an alliance (it waits in the moderation queue, as from the public
  form) and reports a correction on a record;
- moderators move alliances in the publication workflow, handle correction requests, and
  create or edit organisations (as in the administration).
"""

from django import forms
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.forms import References, validated
from alliances.api.registry import views
from alliances.api.registry import write_serializers as serializers
from alliances.api.registry.serializers import OrganisationSerializer
from alliances.core.errors import NotAllowed
from alliances.registry import perms
from alliances.registry.enums import Source
from alliances.registry.identifiers import compact
from alliances.registry.models import Alliance, CorrectionRequest, Membership, Organisation
from alliances.registry.services.alliances import (
    alliance_submit,
    alliance_transition,
    correction_handle,
    correction_report,
)
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory
from alliances.web.forms.registry import AllianceSubmitForm, CorrectionForm

MODERATORS_ONLY = _("Only the registry's moderators may do this.")
EDITORS_ONLY = _("Only the organisation's administrators and the moderators may change it.")
UNKNOWN_DEPARTEMENT = _("No département has the INSEE code “%(value)s”.")
UNKNOWN_COMMUNE = _("No commune has the INSEE code “%(value)s”.")
UNKNOWN_GOAL = _("There is no Sustainable Development Goal number %(value)s.")


def _submission(alliance: Alliance) -> dict:
    alliance = (
        Alliance.objects.prefetch_related(
            "territories",
            "goals",
            "targets",
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
        )
        .filter(pk=alliance.pk)
        .get()
    )
    return serializers.AllianceSubmissionSerializer(alliance).data


def _moderator(user, record=None) -> None:
    """Moderators everywhere; catalysts for the records of the territories they serve."""
    if not perms.can_moderate(user, record):
        raise NotAllowed(MODERATORS_ONLY)


def _member_path(name: str):
    """`member_1_identifier` (the form's) is `members[1].identifier` (the API's)."""
    if name.startswith("member_"):
        _prefix, index, part = name.split("_", 2)
        return ("members", int(index), part)
    return {"commune_code": ("commune",)}.get(name, (name,))


class AllianceListCreate(views.AllianceList):
    """Published alliances; POST proposes one (it waits for a moderator, state `submitted`)."""

    @extend_schema(
        request=serializers.AllianceSubmitSerializer,
        responses={201: serializers.AllianceSubmissionSerializer},
    )
    def post(self, request):
        body = serializers.AllianceSubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        refs = References()
        form_data = {
            "title": data["title"],
            "summary": data["summary"],
            "description": data.get("description", ""),
            "alliance_type": data["alliance_type"],
            "departement": refs.one(
                Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT),
                "code",
                data["departement"],
                ("departement",),
                UNKNOWN_DEPARTEMENT,
            ),
            "commune_code": data.get("commune", ""),
            "goals": refs.many(
                Goal.objects.all(), "number", data.get("goals"), ("goals",), UNKNOWN_GOAL
            ),
            "contact_email": data.get("contact_email") or request.user.email,
        }
        refs.check()
        for index, member in enumerate(data["members"]):
            for part in ("name", "identifier", "world", "role"):
                form_data[f"member_{index}_{part}"] = member[part]
        form = AllianceSubmitForm(form_data)
        validated(form, _member_path)
        alliance = alliance_submit(**form.submission(), by=request.user)
        return Response(_submission(alliance), status=status.HTTP_201_CREATED)


class AlliancePublication(APIView):
    """Moderators move an alliance in the publication workflow (publish, archive, back to
    draft…), as from the moderation queue."""

    @extend_schema(
        request=serializers.PublicationMoveSerializer,
        responses=serializers.AllianceSubmissionSerializer,
    )
    def post(self, request, pk: int):
        alliance = get_object_or_404(Alliance, pk=pk)
        _moderator(request.user, alliance)
        body = serializers.PublicationMoveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        moved = alliance_transition(
            alliance=alliance,
            to_state=body.validated_data["to"],
            by=request.user,
            note=body.validated_data.get("note", ""),
        )
        return Response(_submission(moved))


def _report(request, record) -> Response:
    body = serializers.CorrectionReportSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    cleaned = validated(CorrectionForm(body.validated_data))
    correction = correction_report(
        record=record, message=cleaned["message"], contact_email=cleaned["contact_email"]
    )
    return Response(
        serializers.CorrectionSerializer(correction).data, status=status.HTTP_201_CREATED
    )


class AllianceCorrections(APIView):
    """Report a correction on a published alliance; moderators review it."""

    @extend_schema(
        request=serializers.CorrectionReportSerializer,
        responses={201: serializers.CorrectionSerializer},
    )
    def post(self, request, pk: int):
        return _report(request, get_object_or_404(Alliance.objects.published(), pk=pk))


class OrganisationCorrections(APIView):
    """Report a correction on an organisation; moderators review it."""

    @extend_schema(
        request=serializers.CorrectionReportSerializer,
        responses={201: serializers.CorrectionSerializer},
    )
    def post(self, request, pk: int):
        return _report(request, get_object_or_404(Organisation, pk=pk))


class CorrectionHandle(APIView):
    """Moderators accept or reject a correction request (once)."""

    @extend_schema(
        request=serializers.CorrectionHandleSerializer,
        responses=serializers.CorrectionSerializer,
    )
    def post(self, request, pk: int):
        correction = get_object_or_404(
            CorrectionRequest.objects.select_related("alliance", "organisation"), pk=pk
        )
        _moderator(request.user, correction)
        body = serializers.CorrectionHandleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        handled = correction_handle(
            correction=correction, status=body.validated_data["status"], by=request.user
        )
        return Response(serializers.CorrectionSerializer(handled).data)


# What a moderator enters: every field the API shows but those the platform sets (the key, the
# département taken from the commune, the source, the demonstration flag).
ORGANISATION_FIELDS = [
    name
    for name in OrganisationSerializer.Meta.fields
    if name not in ("id", "departement", "source", "is_demo")
]


class OrganisationForm(forms.ModelForm):
    """The organisation as the administration edits it: the model's validators decide."""

    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS


def _organisation_form_data(data: dict, instance: Organisation | None) -> dict:
    """The form's data: the record's current values (a new record's defaults), overlaid with
    what the client sent."""
    form_data = forms.model_to_dict(instance or Organisation(), fields=ORGANISATION_FIELDS)
    form_data["goals"] = [goal.pk for goal in form_data["goals"]]
    refs = References()
    for name, value in data.items():
        if name in ("siren", "siret", "rna_id"):
            value = compact(value or "")
        elif name == "commune":
            value = refs.one(
                Territory.objects.filter(kind=TerritoryKind.COMMUNE),
                "code",
                value,
                ("commune",),
                UNKNOWN_COMMUNE,
            )
        elif name == "goals":
            value = refs.many(Goal.objects.all(), "number", value, ("goals",), UNKNOWN_GOAL)
        form_data[name] = value
    refs.check()
    for name in ("created_on", "closed_on"):
        if form_data.get(name) is None:
            form_data[name] = ""
    for name in ("siren", "rna_id", "commune"):
        if form_data.get(name) is None:
            form_data[name] = ""
    return form_data


def _organisation(organisation: Organisation) -> dict:
    organisation = (
        Organisation.objects.select_related("commune", "departement")
        .prefetch_related("goals")
        .get(pk=organisation.pk)
    )
    return OrganisationSerializer(organisation).data


class OrganisationListCreate(views.OrganisationList):
    """Organisations; POST creates one (moderators)."""

    @extend_schema(
        request=serializers.OrganisationWriteSerializer,
        responses={201: OrganisationSerializer},
    )
    def post(self, request):
        if not perms.can_merge(request.user):  # platform moderators, as for merges and imports
            raise NotAllowed(MODERATORS_ONLY)
        body = serializers.OrganisationWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = OrganisationForm(_organisation_form_data(body.validated_data, None))
        validated(form)
        with transaction.atomic():
            organisation = form.save(commit=False)
            organisation.source = Source.MANUAL
            organisation.save()
            form.save_m2m()
        return Response(_organisation(organisation), status=status.HTTP_201_CREATED)


class OrganisationDetailUpdate(views.OrganisationDetail):
    """An organisation; PATCH changes the fields sent (moderators)."""

    @extend_schema(
        request=serializers.OrganisationPatchSerializer, responses=OrganisationSerializer
    )
    def patch(self, request, pk: int):
        organisation = get_object_or_404(Organisation, pk=pk)
        if not perms.can_edit_organisation(request.user, organisation):
            raise NotAllowed(EDITORS_ONLY)
        body = serializers.OrganisationPatchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = OrganisationForm(
            _organisation_form_data(body.validated_data, organisation), instance=organisation
        )
        validated(form)
        with transaction.atomic():
            form.save()
        return Response(_organisation(organisation))
