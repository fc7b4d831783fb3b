from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.errors import DomainError
from alliances.insights.services.indicators import indicator_values_import


class Command(BaseCommand):
    help = (
        "Import territorial indicator values from a CSV or XLSX file (columns territory_kind, "
        "territory_code, indicator, year, value, source; see docs/indicators.md). Dry run "
        "unless --commit; any rejected line means nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="Write the values.")

    def handle(self, *args, file: Path, commit: bool = False, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            report = indicator_values_import(
                raw=file.read_bytes(), filename=file.name, commit=commit
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for rejection in report.rejections[:200]:
            self.stderr.write(str(rejection))
        if len(report.rejections) > 200:
            self.stderr.write(f"… and {len(report.rejections) - 200} more rejected lines.")
        if report.rejections:
            raise CommandError(str(report))
        self.stdout.write(self.style.SUCCESS(str(report)))
