"""Contributions and debate on records, their moderation, and following records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliances.accounts import roles
from alliances.core.errors import DomainError
from alliances.mobilisation import perms, selectors
from alliances.mobilisation.models import Contribution, Debate, ModerationLog
from alliances.mobilisation.services import contributions as services
from alliances.mobilisation.services import notifications
from alliances.program.models import Measure
from alliances.registry.enums import Publication
from alliances.registry.models import Alliance
from alliances.territories.models import Territory
from alliances.web.forms.mobilisation import ContributionForm, HideForm, ReplyForm, ReportForm

# The records people contribute to and follow, by the name used in URLs.
CONTRIBUTION_TARGETS = {
    "measure": Measure.objects.all(),
    "alliance": Alliance.objects.filter(publication=Publication.PUBLISHED),
    "debate": Debate.objects.select_related("measure"),
}
FOLLOW_TARGETS = {**CONTRIBUTION_TARGETS, "territory": Territory.objects.all()}


def _target(targets: dict, kind: str, pk: int):
    if kind not in targets:
        raise Http404
    return get_object_or_404(targets[kind], pk=pk)


def _back(request, fallback):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return redirect(url)
    return redirect(fallback)


def _anchor(contribution: Contribution) -> str:
    return f"{contribution.target.get_absolute_url()}#contribution-{contribution.pk}"


@login_required
@require_POST
def contribution_add(request, kind: str, pk: int):
    target = _target(CONTRIBUTION_TARGETS, kind, pk)
    form = ContributionForm(request.POST)
    if form.is_valid():
        try:
            contribution = services.contribution_create(
                target=target,
                author=request.user,
                kind=form.cleaned_data["kind"],
                stance=form.cleaned_data["stance"],
                body=form.cleaned_data["body"],
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your contribution is published."))
            return redirect(_anchor(contribution))
    return render(
        request,
        "web/mobilisation/contribution_form.html",
        {"form": form, "target": target, "action": request.path},
        status=400,
    )


def _visible_contribution(pk: int) -> Contribution:
    return get_object_or_404(Contribution.objects.visible().select_related("author"), pk=pk)


@login_required
@require_POST
def contribution_reply(request, pk: int):
    parent = _visible_contribution(pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            reply = services.contribution_reply(
                parent=parent, author=request.user, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your reply is published."))
            return redirect(_anchor(reply))
    return render(
        request,
        "web/mobilisation/contribution_form.html",
        {"form": form, "target": parent.target, "parent": parent, "action": request.path},
        status=400,
    )


@login_required
@require_POST
def contribution_react(request, pk: int):
    contribution = _visible_contribution(pk)
    try:
        services.reaction_toggle(
            contribution=contribution, user=request.user, kind=request.POST.get("kind", "")
        )
    except DomainError as error:
        messages.error(request, str(error))
    return redirect(_anchor(contribution))


@login_required
@require_http_methods(["GET", "POST"])
def contribution_report(request, pk: int):
    contribution = _visible_contribution(pk)
    if not perms.can_report(request.user, contribution):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_report(
                contribution=contribution, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: a moderator will look at it."))
            return redirect(_anchor(contribution))
    return render(
        request,
        "web/mobilisation/contribution_report.html",
        {"form": form, "contribution": contribution},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def moderation_queue(request):
    if not perms.can_moderate(request.user):
        raise PermissionDenied
    reported = selectors.moderation_queue()
    hidden = Contribution.objects.filter(visibility="hidden")
    if not roles.is_moderator(request.user):
        # A catalyst's queue: contributions on the records of the territories they serve.
        in_scope = selectors.contributions_in_territories(roles.scopes(request.user).territories)
        reported, hidden = reported.filter(in_scope), hidden.filter(in_scope)
    return render(
        request,
        "web/mobilisation/moderation.html",
        {
            "section": "moderation",
            "reported": reported[:50],
            "hidden": hidden.select_related("author").order_by("-updated_at")[:50],
            "log": ModerationLog.objects.select_related("moderator")[:30],
            "hide_form": HideForm(),
        },
    )


@login_required
@require_POST
def contribution_moderate(request, pk: int):
    if not perms.can_moderate(request.user):
        raise PermissionDenied
    contribution = get_object_or_404(Contribution, pk=pk)
    if not perms.can_moderate(request.user, contribution):
        raise PermissionDenied
    try:
        services.contribution_moderate(
            contribution=contribution,
            moderator=request.user,
            action=request.POST.get("action", ""),
            reason=request.POST.get("reason", ""),
        )
    except (DomainError, ValueError) as error:
        message = str(error) if isinstance(error, DomainError) else _("Unknown action.")
        messages.error(request, message)
    else:
        messages.success(request, _("Done; the action is logged."))
    return redirect("web:contribution_moderation")


@login_required
@require_POST
def follow_toggle(request, kind: str, pk: int):
    target = _target(FOLLOW_TARGETS, kind, pk)
    following = notifications.follow_toggle(user=request.user, target=target)
    if following:
        messages.success(request, _("You follow it now: you will be notified of what happens."))
    else:
        messages.success(request, _("You no longer follow it."))
    return _back(request, target.get_absolute_url())
