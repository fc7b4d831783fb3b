"""The people of an organisation edit its record and manage who acts for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliances.accounts import role_changes
from alliances.accounts.models import OrganisationMembership
from alliances.core.errors import DomainError
from alliances.registry import perms, selectors
from alliances.registry.services.organisations import organisation_update
from alliances.web.forms.registry import MemberAddForm, MemberRoleForm, OrganisationForm


def _organisation_for(request, pk: int, allowed):
    organisation = selectors.organisation_get(pk)
    if not allowed(request.user, organisation):
        raise PermissionDenied
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int):
    organisation = _organisation_for(request, pk, perms.can_edit_organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_update(
                organisation=organisation,
                by=request.user,
                data=form.changes(),
                goals=list(form.cleaned_data["goals"]),
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The organisation's record was saved."))
            return redirect(organisation.get_absolute_url())
    return render(
        request,
        "web/registry/organisation_edit.html",
        {"section": "organisations", "organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_members(request, pk: int):
    organisation = _organisation_for(request, pk, perms.can_manage_members)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            role_changes.organisation_member_add_by_email(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=request.user,
                request=request,
            )
        except DomainError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("The person was added."))
            return redirect("web:organisation_members", pk=organisation.pk)
    return render(
        request,
        "web/registry/organisation_members.html",
        {
            "section": "organisations",
            "organisation": organisation,
            "memberships": OrganisationMembership.objects.filter(organisation=organisation)
            .select_related("user")
            .order_by("role", "user__email"),
            "form": form,
            "role_form": MemberRoleForm(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def organisation_member_change(request, pk: int, member: int):
    organisation = _organisation_for(request, pk, perms.can_manage_members)
    membership = get_object_or_404(
        OrganisationMembership.objects.select_related("user"), pk=member, organisation=organisation
    )
    try:
        if request.POST.get("action") == "remove":
            role_changes.organisation_member_remove(
                membership=membership, by=request.user, request=request
            )
            messages.success(request, _("The person no longer acts for the organisation."))
        else:
            form = MemberRoleForm(request.POST)
            if not form.is_valid():
                raise DomainError(role_changes.UNKNOWN_ROLE)
            role_changes.organisation_member_set(
                organisation=organisation,
                user=membership.user,
                role=form.cleaned_data["role"],
                by=request.user,
                request=request,
            )
            messages.success(request, _("The role was changed."))
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("web:organisation_members", pk=organisation.pk)
