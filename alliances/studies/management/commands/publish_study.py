from django.core.management.base import BaseCommand, CommandError

from alliances.studies.errors import StudyError
from alliances.studies.models import Study
from alliances.studies.services import study_publish


class Command(BaseCommand):
    help = (
        "Compute the published estimates of a study from its weighted microdata (nationally and "
        "by région above the minimum cell size) and publish it."
    )

    def add_arguments(self, parser):
        parser.add_argument("study", help="Slug of the study.")
        parser.add_argument("--source", default="", help="Source line (default: its organisation).")

    def handle(self, *args, study, source, **options):
        target = Study.objects.filter(slug=study).first()
        if target is None:
            raise CommandError(f"No study with the slug “{study}”.")
        try:
            rows = study_publish(study=target, source=source)
        except StudyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{target.slug}: {rows} estimates published")
