"""Writes on mobilisation, by the rules of the pages: registering to an event and cancelling
(capacity and waiting list handled by the same service), contributing to an alliance or a
measure (with the same posting limits) and reporting a contribution.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.forms import validated
from alliances.api.mobilisation import write_serializers as serializers
from alliances.core.errors import NotAllowed
from alliances.mobilisation import perms, selectors
from alliances.mobilisation.models import Contribution
from alliances.mobilisation.services import contributions as contribution_services
from alliances.mobilisation.services import registrations as registration_services
from alliances.program.models import Measure
from alliances.registry.models import Alliance
from alliances.web.forms.mobilisation import ContributionForm, RegistrationForm, ReportForm

NOT_REGISTERED = _("You are not registered for this event.")
NOT_ALLOWED_CONTRIBUTE = _("You may not contribute.")
NOT_ALLOWED_REPORT = _("You may not report this contribution.")

# The records people contribute to, as on the pages.
TARGETS = {"measure": Measure.objects.all, "alliance": Alliance.objects.published}


class EventRegistration(APIView):
    """The signed-in person's registration to an event.

    POST registers (a confirmed seat while there is one, else the waiting list: see `status`);
    DELETE cancels, and the first person waiting takes the freed seat.
    """

    @extend_schema(
        request=serializers.RegistrationRequestSerializer,
        responses={201: serializers.RegistrationSerializer},
    )
    def post(self, request, pk: int):
        event = selectors.event_get(pk)
        body = serializers.RegistrationRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = {
            "name": request.user.display_name,
            "email": request.user.email,
            "organisation": "",
            **body.validated_data,
        }
        cleaned = validated(RegistrationForm(data))
        registration = registration_services.registration_create(
            event=event,
            name=cleaned["name"],
            email=cleaned["email"],
            organisation=cleaned["organisation"],
            user=request.user,
        )
        return Response(
            serializers.RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Cancelled.")})
    def delete(self, request, pk: int):
        event = selectors.event_get(pk)
        registration = selectors.user_registration(event, request.user)
        if registration is None:
            raise NotFound(NOT_REGISTERED)
        registration_services.registration_cancel(registration=registration)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ContributionCreate(APIView):
    """Contribute to a published alliance or a measure: a proposal (with a stance), a
    testimony or a comment. Posting limits are the pages' (a few in ten minutes,
    some more a day)."""

    @extend_schema(
        request=serializers.ContributionRequestSerializer,
        responses={201: serializers.ContributionSerializer},
    )
    def post(self, request):
        if not perms.can_contribute(request.user):
            raise NotAllowed(NOT_ALLOWED_CONTRIBUTE)
        body = serializers.ContributionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        target = get_object_or_404(TARGETS[data["target_kind"]](), pk=data["target_id"])
        cleaned = validated(
            ContributionForm(
                {"kind": data["kind"], "stance": data.get("stance", ""), "body": data["body"]}
            )
        )
        contribution = contribution_services.contribution_create(
            target=target,
            author=request.user,
            kind=cleaned["kind"],
            stance=cleaned["stance"],
            body=cleaned["body"],
        )
        contribution = Contribution.objects.select_related("author", "content_type").get(
            pk=contribution.pk
        )
        return Response(
            serializers.ContributionSerializer(contribution).data, status=status.HTTP_201_CREATED
        )


class ContributionReport(APIView):
    """Report someone else's visible contribution to the moderators (once)."""

    @extend_schema(
        request=serializers.ReportRequestSerializer,
        responses={201: serializers.ReportSerializer},
    )
    def post(self, request, pk: int):
        contribution = get_object_or_404(
            Contribution.objects.visible().select_related("author"), pk=pk
        )
        if not perms.can_report(request.user, contribution):
            raise NotAllowed(NOT_ALLOWED_REPORT)
        body = serializers.ReportRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        cleaned = validated(ReportForm(body.validated_data))
        report = contribution_services.contribution_report(
            contribution=contribution, reporter=request.user, reason=cleaned["reason"]
        )
        return Response(serializers.ReportSerializer(report).data, status=status.HTTP_201_CREATED)
