"""The freshness loop: remind the pilots of measures due or overdue for an update.

Freshness comes from the roadmap's own computation (`program.selectors.programme_state`, which
applies `program.progress.freshness` with the programme's thresholds), never recomputed here.
A reminder is recorded before it is sent and is unique per measure, pilot and ISO week, so
running the job again (or twice at once) within the week sends nothing more.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.mobilisation import mail
from alliances.mobilisation.models import NotificationSettings, Reminder
from alliances.program import perms as program_perms
from alliances.program.enums import Freshness, UpdateStatus
from alliances.program.models import Measure, Programme
from alliances.program.selectors import programme_state
from alliances.program.services.measures import progress_update_create

STILL_ACCURATE = _("Still accurate: the pilot confirmed the measure's state without change.")
NOT_ALLOWED = _("You are not allowed to do this.")


def period_of(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class ReminderReport:
    stale: int
    sent: int
    already_sent: int
    opted_out: int


def freshness_reminders_send(*, today: date | None = None) -> ReminderReport:
    today = today or timezone.localdate()
    period = period_of(today)
    stale = sent = already = opted_out = 0
    for programme in Programme.objects.all():
        state = programme_state(programme, as_of=today)
        for measure_state in state.measures:
            if measure_state.freshness == Freshness.FRESH:
                continue
            stale += 1
            measure = measure_state.measure
            pilots = [pilot for pilot in measure.pilots.all() if pilot.is_active]
            declined = set(
                NotificationSettings.objects.filter(
                    user__in=pilots, freshness_reminders=False
                ).values_list("user_id", flat=True)
            )
            for pilot in pilots:
                if pilot.pk in declined:
                    opted_out += 1
                    continue
                if _send_once(measure_state, pilot, period=period):
                    sent += 1
                else:
                    already += 1
    return ReminderReport(stale=stale, sent=sent, already_sent=already, opted_out=opted_out)


def _send_once(measure_state, pilot, *, period: str) -> bool:
    measure = measure_state.measure
    try:
        with transaction.atomic():
            Reminder.objects.create(
                measure=measure,
                recipient=pilot,
                period=period,
                freshness=measure_state.freshness,
            )
            # Inside the transaction: if the e-mail cannot leave, no reminder is recorded.
            mail.send(
                to=pilot.email,
                subject=gettext("Measure %(code)s is waiting for an update")
                % {"code": measure.code},
                template="reminder",
                context={
                    "measure": measure,
                    "overdue": measure_state.freshness == Freshness.OVERDUE,
                    "last_update": measure_state.last_update,
                    "measure_url": mail.absolute(measure.get_absolute_url()),
                    "confirm_url": mail.absolute(
                        reverse(
                            "web:measure_confirm",
                            kwargs={"slug": measure.programme.slug, "code": measure.code},
                        )
                    ),
                    "settings_url": mail.absolute(reverse("web:notification_settings")),
                },
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def measure_confirm_still_accurate(*, measure: Measure, by, today: date | None = None):
    """The one-click answer to a reminder: a progress update that keeps the last status."""
    if not program_perms.can_edit_measure(by, measure):
        raise DomainError(NOT_ALLOWED)
    today = today or timezone.localdate()
    last = measure.updates.order_by("-date", "-id").first()
    return progress_update_create(
        measure=measure,
        by=by,
        on=today,
        status=last.status if last else UpdateStatus.ON_TRACK,
        narrative=str(STILL_ACCURATE),
        today=today,
    )
