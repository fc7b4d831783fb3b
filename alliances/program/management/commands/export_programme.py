from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.program.exchange import export
from alliances.program.models import Programme


class Command(BaseCommand):
    help = "Export a programme (measures, milestones, indicators, values) to XLSX or a ZIP of CSV."

    def add_arguments(self, parser):
        parser.add_argument("programme", help="The programme's slug.")
        parser.add_argument("--format", choices=["xlsx", "zip"], default="xlsx")
        parser.add_argument("--output", help="File to write (default: <slug>.<format>).")

    def handle(self, *args, programme, format, output, **options):
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            raise CommandError(f"No programme '{programme}'.")
        content = export.to_xlsx(found) if format == "xlsx" else export.to_csv_zip(found)
        path = Path(output or f"{found.slug}.{format}")
        path.write_bytes(content)
        self.stdout.write(f"Programme {found.slug} exported to {path} ({len(content)} bytes).")
