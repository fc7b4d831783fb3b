from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alliances.accounts.services import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, demo_admin_ensure
from alliances.registry.services.demo import registry_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo data (marked as demo) on top of the reference data. Idempotent. "
        "Refused when DEBUG is off, unless --allow-production: demo accounts have public passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even when DEBUG is off (a public demonstration server).",
        )
        parser.add_argument(
            "--print-login", action="store_true", help="Only print the demo login and exit."
        )

    def handle(self, *args, allow_production=False, print_login=False, **options):
        if print_login:
            self.stdout.write(
                f"  Demo login (administrator): {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}"
            )
            return
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with public passwords. "
                "Pass --allow-production for a public demonstration server."
            )
        _user, created = demo_admin_ensure()
        organisations, alliances = registry_demo_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: administrator {DEMO_ADMIN_EMAIL} {'created' if created else 'kept'}; "
                f"registry: {organisations} organisations, {alliances} alliances."
            )
        )
