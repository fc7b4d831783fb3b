"""Periodic jobs and when each is due. A scheduler (cron, systemd timer) runs `alliances run_jobs`
every few minutes; each job runs when its interval has passed since its last successful run.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from alliances.mobilisation.enums import DigestFrequency
from alliances.mobilisation.models import JobRun
from alliances.mobilisation.services import confirmations, notifications, reminders


def _reminders(now) -> str:
    report = reminders.freshness_reminders_send(today=timezone.localdate(now))
    return (
        f"{report.stale} stale measures, {report.sent} reminders sent, "
        f"{report.already_sent} already sent this week, {report.opted_out} opted out"
    )


def _confirmations(now) -> str:
    report = confirmations.confirmation_reminders_send(now=now)
    return (
        f"{report.stale} records to confirm, {report.emails} e-mails listing {report.reminded} "
        f"records, {report.already_sent} already reminded this month, {report.opted_out} opted out"
    )


def _daily(now) -> str:
    return f"{notifications.digests_send(frequency=DigestFrequency.DAILY, now=now)} digests sent"


def _weekly(now) -> str:
    return f"{notifications.digests_send(frequency=DigestFrequency.WEEKLY, now=now)} digests sent"


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    run: Callable
    description: str


# A little under the nominal interval so a scheduler's jitter never skips a day.
JOBS = [
    Job("freshness_reminders", timedelta(hours=23), _reminders, "remind pilots of stale measures"),
    Job(
        "confirmation_reminders",
        timedelta(hours=23),
        _confirmations,
        "ask owners to confirm organisations and alliances once a year",
    ),
    Job("daily_digest", timedelta(hours=23), _daily, "send daily notification digests"),
    Job("weekly_digest", timedelta(days=6, hours=23), _weekly, "send weekly digests"),
]


def last_run(job: Job) -> JobRun | None:
    return (
        JobRun.objects.filter(job=job.name, finished_at__isnull=False)
        .order_by("-started_at")
        .first()
    )


def is_due(job: Job, now) -> bool:
    run = last_run(job)
    return run is None or run.started_at + job.interval <= now


def run_job(job: Job, now=None) -> JobRun:
    now = now or timezone.now()
    run = JobRun.objects.create(job=job.name, started_at=now)
    run.summary = job.run(now)[:300]
    run.finished_at = timezone.now()
    run.save(update_fields=["summary", "finished_at"])
    return run
