from django.core.management.base import BaseCommand

from alliances.insights.reference import indicators_load
from alliances.kit.services.questionnaires import kit_reference_load
from alliances.program.services.seed import programme_seed_load
from alliances.sdg.services import sdg_load
from alliances.studies.reference import studies_reference_load
from alliances.territories.services import territories_load


class Command(BaseCommand):
    help = (
        "Load the reference data committed in the project: INSEE territories (COG 2026), the "
        "UN SDG framework, the seed's 21-measure programme, published survey results, the kit's "
        "themes and compass questionnaires, and the catalogue of territorial indicators. "
        "Idempotent: a dataset already loaded from the same files is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Reload even when the files have not changed."
        )

    def handle(self, *args, force: bool = False, **options):
        reports = [
            territories_load(force=force),
            sdg_load(force=force),
            programme_seed_load(force=force),
            studies_reference_load(force=force),
            kit_reference_load(force=force),
            indicators_load(force=force),
        ]
        for report in reports:
            self.stdout.write(str(report))
        self.stdout.write(
            self.style.SUCCESS(
                "Reference data: " + ", ".join(f"{r.dataset} {r.rows}" for r in reports)
            )
        )
