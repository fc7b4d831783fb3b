"""Retention: personal data is kept no longer than needed (RGPD art. 5-1-e).

- audit events and sign-in attempt logs older than `audit_days` (default one year, the CNIL's
  recommendation for access logs) are deleted;
- accounts whose e-mail address was never verified, never signed in, created more than
  `unverified_days` ago (default 30), are erased like a self-service deletion.
Dry run unless `commit`.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

AUDIT_DAYS = 365
UNVERIFIED_DAYS = 30


@dataclass(frozen=True)
class RetentionReport:
    audit_events: int
    attempt_logs: int
    unverified_accounts: int
    committed: bool

    def __str__(self) -> str:
        verb = "Deleted" if self.committed else "Would delete (dry run, add --commit)"
        return (
            f"{verb}: {self.audit_events} audit events, {self.attempt_logs} sign-in attempt logs, "
            f"{self.unverified_accounts} unverified accounts"
        )


def stale_unverified_accounts(*, before: datetime):
    from allauth.account.models import EmailAddress

    from alliances.accounts.models import User

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return User.objects.filter(
        date_joined__lt=before, last_login__isnull=True, is_staff=False, is_superuser=False
    ).exclude(Exists(verified))


def retention_purge(
    *,
    audit_days: int = AUDIT_DAYS,
    unverified_days: int = UNVERIFIED_DAYS,
    commit: bool = False,
    now: datetime | None = None,
) -> RetentionReport:
    from axes.models import AccessFailureLog, AccessLog

    from alliances.accounts.personal_data import account_delete
    from alliances.audit.models import AuditEvent

    now = now or timezone.now()
    audit_before = now - timedelta(days=audit_days)
    events = AuditEvent.objects.filter(at__lt=audit_before)
    logs = [
        AccessLog.objects.filter(attempt_time__lt=audit_before),
        AccessFailureLog.objects.filter(attempt_time__lt=audit_before),
    ]
    accounts = list(stale_unverified_accounts(before=now - timedelta(days=unverified_days)))
    report = RetentionReport(
        audit_events=events.count(),
        attempt_logs=sum(log.count() for log in logs),
        unverified_accounts=len(accounts),
        committed=commit,
    )
    if commit:
        with transaction.atomic():
            for user in accounts:
                account_delete(user=user)
            events.delete()
            for log in logs:
                log.delete()
    return report
