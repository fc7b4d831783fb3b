from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.errors import DomainError
from alliances.registry.services.rna import rna_import


class Command(BaseCommand):
    help = (
        "Import associations from RNA extractions (rna_waldec_*.csv, rna_import_*.csv, or a zip of "
        "them). Dry run unless --commit. Rejected lines go to a CSV file with line and reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="CSV files or zips")
        parser.add_argument("--commit", action="store_true", help="Write to the database.")
        parser.add_argument(
            "--rejects",
            type=Path,
            default=Path("rna-rejects.csv"),
            help="Where to write rejected lines (default: rna-rejects.csv).",
        )

    def handle(self, *args, paths, commit, rejects, **options):
        try:
            report = rna_import(
                paths=paths, commit=commit, rejects_path=rejects, progress=progress(self.stderr)
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 1:
            for name, encoding in report.encodings.items():
                self.stderr.write(f"{name}: {encoding}")
        if report.rejected:
            self.stderr.write(f"Rejected lines and reasons: {report.rejects_path}")
        self.stdout.write(f"RNA: {report.summary()}")


def progress(stream):
    """A one-line progress counter, only on a terminal."""
    if not stream.isatty():
        return None

    def show(read: int) -> None:
        stream.write(f"\r{read:,} lines read…", ending="")
        stream.flush()

    return show
