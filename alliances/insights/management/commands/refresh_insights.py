from django.core.management.base import BaseCommand

from alliances.insights.services.refresh import insights_refresh


class Command(BaseCommand):
    help = (
        "Rebuild the territorial observatory's read models (counts by territory, alliance reach, "
        "SDG coverage, alliance networks of France and the régions) from the registry. Run after "
        "imports and edits."
    )

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(str(insights_refresh())))
