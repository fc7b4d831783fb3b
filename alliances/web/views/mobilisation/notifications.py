"""A person's notifications and settings, one-click unsubscribe, one-click freshness check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliances.core.errors import DomainError
from alliances.mobilisation import tokens
from alliances.mobilisation.services import confirmations, reminders
from alliances.mobilisation.services import notifications as services
from alliances.program import perms as program_perms
from alliances.program.models import Measure
from alliances.web.forms.mobilisation import NotificationSettingsForm

PER_PAGE = 50


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    current = services.settings_for(request.user)
    form = NotificationSettingsForm(
        request.POST or None,
        initial={
            "frequency": current.frequency,
            "freshness_reminders": current.freshness_reminders,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.notification_settings_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your settings are saved."))
        return redirect("web:notification_settings")
    items = list(request.user.notifications.all()[:PER_PAGE])
    unread = [item.pk for item in items if item.read_at is None]
    services.notifications_mark_read(user=request.user)
    return render(
        request,
        "web/mobilisation/notifications.html",
        {
            "section": "notifications",
            "notifications": items,
            "unread": unread,
            "form": form,
            "follows": request.user.follows.select_related("content_type")[:100],
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    if tokens.user_id_from_unsubscribe_token(token) is None:
        return render(
            request,
            "web/mobilisation/unsubscribe.html",
            {"error": _("This unsubscribe link is not valid.")},
            status=404,
        )
    done = False
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
        except DomainError as error:
            return render(
                request, "web/mobilisation/unsubscribe.html", {"error": str(error)}, status=404
            )
        done = True
    return render(request, "web/mobilisation/unsubscribe.html", {"done": done})


@login_required
@require_http_methods(["GET", "POST"])
def measure_confirm(request, slug: str, code: str):
    measure = get_object_or_404(
        Measure.objects.select_related("programme"), programme__slug=slug, code=code
    )
    if not program_perms.can_edit_measure(request.user, measure):
        raise PermissionDenied
    if request.method == "POST":
        reminders.measure_confirm_still_accurate(measure=measure, by=request.user)
        messages.success(request, _("Thank you: the measure is confirmed as still accurate."))
        return redirect(measure)
    return render(
        request,
        "web/mobilisation/measure_confirm.html",
        {"section": "program", "measure": measure, "programme": measure.programme},
    )


@require_http_methods(["GET", "POST"])
def record_confirm(request, token: str):
    """The signed "still accurate" link of a yearly reminder; no sign-in needed."""
    try:
        record, _user = confirmations.record_from_token(token)
    except DomainError as error:
        return render(
            request, "web/mobilisation/record_confirm.html", {"error": str(error)}, status=404
        )
    if request.method == "POST":
        confirmations.record_confirm(token=token)
        messages.success(request, _("Thank you: the record is confirmed as still accurate."))
        return redirect(record)
    return render(
        request,
        "web/mobilisation/record_confirm.html",
        {"record": record, "kind": record._meta.verbose_name},
    )
