from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.errors import DomainError
from alliances.program.exchange.importer import programme_import
from alliances.program.models import Programme


class Command(BaseCommand):
    help = (
        "Import a programme file in the export format (XLSX or ZIP of CSV). Dry run by default: "
        "prints a line-by-line report; --commit applies it atomically when there is no problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("programme", help="The programme's slug.")
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="Apply the changes.")

    def handle(self, *args, programme, file: Path, commit: bool, **options):
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            raise CommandError(f"No programme '{programme}'.")
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        try:
            report = programme_import(
                programme=found,
                content=file.read_bytes(),
                filename=file.name,
                by=None,
                commit=commit,
                check_permission=False,
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stdout.write(f"{problem.sheet}, line {problem.line}: {problem.message}")
        for change in report.changes:
            self.stdout.write(
                f"{change.sheet}, line {change.line}: {change.action} {change.key} "
                f"({', '.join(change.fields)})"
            )
        self.stdout.write(report.summary())
        if report.problems:
            raise CommandError("The file has problems: nothing was written.")
