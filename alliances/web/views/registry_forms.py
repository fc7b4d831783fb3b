"""Registry forms: propose an alliance, report a correction, and the moderators' queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliances.accounts import roles
from alliances.core.errors import DomainError
from alliances.registry import selectors
from alliances.registry.enums import CorrectionStatus, Publication
from alliances.registry.models import Alliance, CorrectionRequest, Organisation
from alliances.registry.perms import can_import, can_merge, can_moderate
from alliances.registry.services.alliances import (
    alliance_submit,
    alliance_transition,
    correction_handle,
    correction_report,
)
from alliances.web.forms.registry import AllianceSubmitForm, CorrectionForm


@require_http_methods(["GET", "HEAD", "POST"])
def alliance_submit_view(request):
    form = AllianceSubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            alliance_submit(**form.submission(), by=request.user)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you: your alliance was sent to the moderators. It will be published "
                    "once checked."
                ),
            )
            return redirect("web:alliance_list")
    return render(
        request, "web/registry/alliance_submit.html", {"section": "alliances", "form": form}
    )


RECORDS = {"organisation": Organisation, "alliance": Alliance}


@require_http_methods(["GET", "HEAD", "POST"])
def correction_report_view(request, kind: str, pk: int):
    if kind not in RECORDS:
        raise Http404
    queryset = RECORDS[kind].objects.all()
    if kind == "alliance":
        queryset = queryset.filter(publication=Publication.PUBLISHED)
    record = get_object_or_404(queryset, pk=pk)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        correction_report(
            record=record,
            message=form.cleaned_data["message"],
            contact_email=form.cleaned_data["contact_email"],
        )
        messages.success(request, _("Thank you: the moderators will review your report."))
        return redirect(record.get_absolute_url())
    return render(
        request,
        "web/registry/correction_form.html",
        {"section": f"{kind}s", "form": form, "record": record, "kind": kind},
    )


@require_http_methods(["GET", "HEAD"])
def moderation_queue(request):
    if not can_moderate(request.user):
        raise PermissionDenied
    submitted = Alliance.objects.filter(publication=Publication.SUBMITTED)
    corrections = CorrectionRequest.objects.filter(status=CorrectionStatus.OPEN)
    if not roles.is_moderator(request.user):
        # A catalyst's queue: the territories they serve.
        served = roles.scopes(request.user).territories
        submitted = selectors.alliances_in_territories(submitted, served)
        corrections = selectors.corrections_in_territories(corrections, served)
    return render(
        request,
        "web/registry/moderation.html",
        {
            "section": "moderation",
            "submitted": submitted.order_by("created_at"),
            "corrections": corrections.select_related("organisation", "alliance").order_by(
                "created_at"
            ),
            "can_import": can_import(request.user),
            "can_merge": can_merge(request.user),
        },
    )


@require_POST
def moderation_alliance(request, pk: int):
    if not can_moderate(request.user):
        raise PermissionDenied
    alliance = get_object_or_404(Alliance, pk=pk)
    if not can_moderate(request.user, alliance):
        raise PermissionDenied
    try:
        alliance_transition(
            alliance=alliance,
            to_state=request.POST.get("to", ""),
            by=request.user,
            note=request.POST.get("note", "")[:500],
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” updated.") % {"title": alliance.title})
    return redirect("web:moderation")


@require_POST
def moderation_correction(request, pk: int):
    if not can_moderate(request.user):
        raise PermissionDenied
    correction = get_object_or_404(CorrectionRequest, pk=pk)
    if not can_moderate(request.user, correction):
        raise PermissionDenied
    try:
        correction_handle(
            correction=correction, status=request.POST.get("status", ""), by=request.user
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Correction request handled."))
    return redirect("web:moderation")
