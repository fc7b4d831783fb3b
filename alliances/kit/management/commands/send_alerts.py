from django.core.management.base import BaseCommand

from alliances.kit.services.alerts import alerts_send


class Command(BaseCommand):
    help = (
        "E-mail each person the resources newly published for their saved searches (one digest "
        "per person; a resource is never sent twice). Run it from a scheduler, e.g. daily."
    )

    def handle(self, *args, **options):
        report = alerts_send()
        self.stdout.write(
            f"Alerts: {report.users} digests sent, {report.resources} resources in them."
        )
