"""Registrations to events: capacity, waiting list, promotion, cancellation.

The event row is locked for the whole decision (SELECT … FOR UPDATE on PostgreSQL; SQLite takes
the write lock at the start of the transaction), so two people cannot both take the last seat.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.mobilisation import mail, tokens
from alliances.mobilisation.enums import RegistrationStatus
from alliances.mobilisation.models import Event, Registration

REGISTRATION_CLOSED = _("Registration for this event is not open.")
ALREADY_REGISTERED = _("This e-mail address is already registered for this event.")
ALREADY_CANCELLED = _("This registration is already cancelled.")
INVALID_LINK = _("This cancellation link is not valid.")
NAME_REQUIRED = _("Give your name.")


def _seats_taken(event: Event) -> int:
    return event.registrations.confirmed().count()


def cancel_url(registration: Registration) -> str:
    return reverse(
        "web:registration_cancel", kwargs={"token": tokens.registration_token(registration)}
    )


def _send_confirmation(registration: Registration) -> None:
    event = registration.event
    if registration.status == RegistrationStatus.CONFIRMED:
        subject = gettext("Registration confirmed: %(title)s") % {"title": event.title}
    else:
        subject = gettext("Waiting list: %(title)s") % {"title": event.title}
    mail.send(
        to=registration.email,
        subject=subject,
        template="registration",
        context={
            "registration": registration,
            "event": event,
            "waiting": registration.status == RegistrationStatus.WAITING,
            "event_url": mail.absolute(event.get_absolute_url()),
            "cancel_url": mail.absolute(cancel_url(registration)),
        },
    )


@transaction.atomic
def registration_create(
    *, event: Event, name: str, email: str, organisation: str = "", user=None, now=None
) -> Registration:
    """Register someone: a confirmed seat while there is one, the waiting list otherwise."""
    name = name.strip()
    email = email.strip().lower()
    if not name:
        raise DomainError(NAME_REQUIRED)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.registration_open(now):
        raise DomainError(REGISTRATION_CLOSED)
    if event.registrations.active().filter(email=email).exists():
        raise DomainError(ALREADY_REGISTERED)
    full = event.capacity is not None and _seats_taken(event) >= event.capacity
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                user=user if user is not None and user.is_authenticated else None,
                name=name,
                email=email,
                organisation=organisation.strip(),
                status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            )
    except IntegrityError as error:
        raise DomainError(ALREADY_REGISTERED) from error
    # robust: an unreachable mail server is logged; the registration stands.
    transaction.on_commit(lambda: _send_confirmation(registration), robust=True)
    return registration


def _promote_waiting(event: Event, *, now) -> list[Registration]:
    """Fill freed seats from the waiting list, first come first served (event row locked)."""
    promoted = []
    if event.capacity is None:
        free = event.registrations.waiting().count()
    else:
        free = max(0, event.capacity - _seats_taken(event))
    for registration in list(event.registrations.waiting()[:free]):
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        promoted.append(registration)
    for registration in promoted:
        transaction.on_commit(
            lambda registration=registration: _send_promotion(registration), robust=True
        )
    return promoted


def _send_promotion(registration: Registration) -> None:
    event = registration.event
    mail.send(
        to=registration.email,
        subject=gettext("A seat is yours: %(title)s") % {"title": event.title},
        template="promotion",
        context={
            "registration": registration,
            "event": event,
            "event_url": mail.absolute(event.get_absolute_url()),
            "cancel_url": mail.absolute(cancel_url(registration)),
        },
    )


@transaction.atomic
def registration_cancel(*, registration: Registration, now=None) -> list[Registration]:
    """Cancel a registration; returns the people promoted from the waiting list."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise DomainError(ALREADY_CANCELLED)
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if was_confirmed and not event.is_past(now):
        return _promote_waiting(event, now=now)
    return []


def registration_from_token(token: str) -> Registration:
    """The registration a cancellation link points to; the e-mail must still match."""
    found = tokens.registration_from_token(token)
    if found is None:
        raise DomainError(INVALID_LINK)
    pk, email = found
    registration = Registration.objects.select_related("event").filter(pk=pk, email=email).first()
    if registration is None:
        raise DomainError(INVALID_LINK)
    return registration


@transaction.atomic
def event_capacity_change(*, event: Event, capacity: int | None, now=None) -> list[Registration]:
    """Change the number of seats; extra seats go to the waiting list at once."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.capacity = capacity
    event.save(update_fields=["capacity", "updated_at"])
    return _promote_waiting(event, now=now or timezone.now())
