from django.core.management.base import BaseCommand, CommandError

from alliances.accounts.retention import AUDIT_DAYS, UNVERIFIED_DAYS, retention_purge


class Command(BaseCommand):
    help = (
        "Apply the retention periods: delete audit events and sign-in attempt logs older than "
        "--audit-days, erase accounts never verified nor used after --unverified-days. Dry run "
        "unless --commit; schedule it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--audit-days", type=int, default=AUDIT_DAYS)
        parser.add_argument("--unverified-days", type=int, default=UNVERIFIED_DAYS)
        parser.add_argument("--commit", action="store_true", help="Delete (default: count only).")

    def handle(self, *args, audit_days: int, unverified_days: int, commit: bool, **options):
        if audit_days < 30 or unverified_days < 1:
            raise CommandError("--audit-days must be at least 30 and --unverified-days at least 1.")
        report = retention_purge(
            audit_days=audit_days, unverified_days=unverified_days, commit=commit
        )
        self.stdout.write(self.style.SUCCESS(str(report)))
