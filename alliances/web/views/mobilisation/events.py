from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliances.core.errors import DomainError
from alliances.mobilisation import attendees, calendar, perms, selectors
from alliances.mobilisation.enums import RegistrationStatus
from alliances.mobilisation.models import Event
from alliances.mobilisation.services import registrations as services
from alliances.web.forms.mobilisation import EventFilterForm, RegistrationForm

PER_PAGE = 20
FEED_MONTHS_BACK = 12


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


@require_safe
def event_list(request):
    form = EventFilterForm(request.GET or None)
    when, kind, territory = selectors.WHEN_UPCOMING, "", None
    if form.is_valid():
        when = form.cleaned_data["when"] or selectors.WHEN_UPCOMING
        kind = form.cleaned_data["kind"]
        territory = form.cleaned_data["territory"]
    page = Paginator(
        selectors.events(when=when, kind=kind, territory=territory), PER_PAGE
    ).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "web/mobilisation/event_list.html",
        {
            "section": "events",
            "form": form,
            "page": page,
            "past": when == selectors.WHEN_PAST,
            "filters_query": filters.urlencode(),
        },
    )


def _registration_context(request, event: Event, form=None) -> dict:
    registration = selectors.user_registration(event, request.user)
    if form is None and event.registration_open() and registration is None:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.display_name, "email": request.user.email}
        form = RegistrationForm(initial=initial)
    return {
        "section": "events",
        "event": event,
        "seats": selectors.event_seats(event),
        "is_past": event.is_past(),
        "registration_open": event.registration_open(),
        "registration": registration,
        "registration_waiting": registration is not None
        and registration.status == RegistrationStatus.WAITING,
        "cancel_url": services.cancel_url(registration) if registration else "",
        "form": form,
        "can_manage": perms.can_manage_event(request.user, event),
    }


@require_safe
def event_detail(request, pk: int):
    event = selectors.event_get(pk)
    return render(
        request, "web/mobilisation/event_detail.html", _registration_context(request, event)
    )


@require_POST
def event_register(request, pk: int):
    event = selectors.event_get(pk)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_create(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                user=request.user,
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("You are registered. A confirmation was sent by e-mail.")
                )
            else:
                messages.warning(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will e-mail you if "
                        "a seat frees up."
                    ),
                )
            return redirect(event)
    return render(
        request,
        "web/mobilisation/event_detail.html",
        _registration_context(request, event, form),
        status=400,
    )


@require_http_methods(["GET", "POST"])
def registration_cancel(request, token: str):
    try:
        registration = services.registration_from_token(token)
    except DomainError as error:
        return render(
            request,
            "web/mobilisation/registration_cancel.html",
            {"section": "events", "error": str(error)},
            status=404,
        )
    cancelled = registration.status == RegistrationStatus.CANCELLED
    if request.method == "POST" and not cancelled:
        try:
            services.registration_cancel(registration=registration)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(registration.event)
    return render(
        request,
        "web/mobilisation/registration_cancel.html",
        {"section": "events", "registration": registration, "cancelled": cancelled},
    )


@require_safe
def event_ical(request, pk: int):
    event = selectors.event_get(pk)
    response = HttpResponse(
        calendar.event_ical(event, base_url=_base_url(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="evenement-{event.pk}.ics"'
    return response


@require_safe
def events_feed(request):
    since = timezone.now() - timedelta(days=31 * FEED_MONTHS_BACK)
    events = (
        Event.objects.select_related("territory").filter(ends_at__gte=since).order_by("starts_at")
    )
    return HttpResponse(
        calendar.events_ical(events, name=_("Alliances events"), base_url=_base_url(request)),
        content_type="text/calendar; charset=utf-8",
    )


@require_safe
def event_attendees(request, pk: int, fmt: str):
    event = selectors.event_get(pk)
    if not perms.can_manage_event(request.user, event):
        raise PermissionDenied
    if fmt == "csv":
        content, content_type = attendees.attendees_csv(event), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content = attendees.attendees_xlsx(event)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="inscrits-{event.pk}.{fmt}"'
    return response
