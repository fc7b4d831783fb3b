"""The account page: profile, API tokens, data export and deletion (authentication: allauth)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliances.accounts import personal_data, roles, tokens
from alliances.accounts.models import ApiToken
from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record
from alliances.core.errors import DomainError
from alliances.web.forms.account import DeleteAccountForm, ProfileForm, TokenForm

EXPORT_SALT = "alliances.personal-data-export"
EXPORT_LINK_SECONDS = 3600


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:account")
    return render(
        request,
        "web/account/index.html",
        {
            "section": "account",
            "form": form,
            "token_form": TokenForm(),
            "tokens": request.user.api_tokens.all(),
            "roles": roles.summary(request.user),
            "new_key": request.session.pop("new_api_key", None),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _token, key = tokens.api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                request=request,
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            # Shown once, on the next page only.
            request.session["new_api_key"] = key
    else:
        messages.error(request, _("Give the token a name and a scope."))
    return redirect(reverse("accounts:account") + "#tokens")


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.api_token_revoke(user=request.user, token=token, request=request)
    messages.success(request, _("The token was revoked."))
    return redirect(reverse("accounts:account") + "#tokens")


@login_required
@require_POST
def data_export_link(request):
    signed = signing.dumps({"user": request.user.pk}, salt=EXPORT_SALT)
    return render(
        request,
        "web/account/export_ready.html",
        {"section": "account", "signed": signed, "minutes": EXPORT_LINK_SECONDS // 60},
    )


@login_required
@require_safe
def data_export(request, signed: str):
    try:
        payload = signing.loads(signed, salt=EXPORT_SALT, max_age=EXPORT_LINK_SECONDS)
    except signing.BadSignature:
        raise Http404 from None
    if payload.get("user") != request.user.pk:
        raise Http404
    audit_record(
        action=AuditAction.EXPORT, actor=request.user, request=request, what="personal data"
    )
    response = HttpResponse(
        personal_data.personal_data_zip(request.user), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.zip"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.account_delete(user=user, request=request)
        messages.success(request, _("Your account and your personal data were deleted."))
        return redirect("web:home")
    return render(
        request,
        "web/account/delete.html",
        {"section": "account", "form": form},
        status=400 if request.method == "POST" else 200,
    )
