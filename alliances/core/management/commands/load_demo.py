from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alliances.accounts.services import (
    DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD,
    DEMO_CATALYST_EMAIL,
    DEMO_ORGANISATION_ADMIN_EMAIL,
    demo_admin_ensure,
    demo_roles_ensure,
)
from alliances.insights.demo import insights_demo_load
from alliances.kit.services.demo import kit_demo_load
from alliances.mobilisation.services.demo import mobilisation_demo_load
from alliances.program.services.demo import CO_PILOT_EMAIL, PILOT_EMAIL, programme_demo_load
from alliances.registry.services.demo import registry_demo_load
from alliances.studies.demo import studies_demo_load


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
                f"  Demo login (administrator): {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}\n"
                f"  Also: co-pilot {CO_PILOT_EMAIL}, measure pilot {PILOT_EMAIL}, "
                f"organisation administrator {DEMO_ORGANISATION_ADMIN_EMAIL}, "
                f"catalyst {DEMO_CATALYST_EMAIL} (same password)"
            )
            return
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with public passwords. "
                "Pass --allow-production for a public demonstration server."
            )
        _user, created = demo_admin_ensure()
        programme_demo_load()
        _study, study_created = studies_demo_load()
        organisations, alliances = registry_demo_load()
        demo_roles_ensure()
        events = mobilisation_demo_load()
        resources, paths = kit_demo_load()
        indicator_values, _refresh = insights_demo_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: administrator {DEMO_ADMIN_EMAIL} {'created' if created else 'kept'}; "
                "roadmap pilots and steering data; an organisation administrator and a catalyst; "
                f"demo barometer {'created' if study_created else 'kept'}; "
                f"registry: {organisations} organisations, {alliances} alliances; "
                f"{events} events; "
                f"kit: {resources} resources, {paths} guided paths; "
                f"observatory: {indicator_values} demo indicator values, read models refreshed."
            )
        )
