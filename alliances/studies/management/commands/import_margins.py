from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.studies.errors import StudyError
from alliances.studies.margins_import import margins_import
from alliances.studies.models import Wave


class Command(BaseCommand):
    help = (
        "Import the margin targets of a wave from a CSV or XLSX file with the columns margin, "
        "category, target_share (percent). Dry run unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("study", help="Slug of the study.")
        parser.add_argument("wave", type=int, help="Wave number.")
        parser.add_argument("path", type=Path, help="CSV or XLSX file")
        parser.add_argument("--source", default="", help="Where the targets come from.")
        parser.add_argument("--commit", action="store_true", help="Write to the database.")

    def handle(self, *args, study, wave, path, source, commit, **options):
        target = Wave.objects.filter(study__slug=study, number=wave).first()
        if target is None:
            raise CommandError(f"No wave {wave} in a study with the slug “{study}”.")
        try:
            report = margins_import(
                wave=target,
                content=path.read_bytes(),
                filename=path.name,
                commit=commit,
                source=source,
            )
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        except StudyError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stdout.write(f"line {problem.line}: {problem.message}")
        for variable, targets in report.margins.items():
            shares = ", ".join(f"{code} {share:g} %" for code, share in targets.items())
            self.stdout.write(f"{variable}: {shares}")
        self.stdout.write(report.summary())
        if commit and not report.committed:
            raise CommandError("Nothing was written: fix the problems listed above.")
