from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.errors import DomainError
from alliances.registry.importers.sirene import Selection
from alliances.registry.management.commands.import_rna import progress
from alliances.registry.services.sirene import sirene_import

KINDS = ["associations", "foundations", "local-authorities", "epci", "ess"]


class Command(BaseCommand):
    help = (
        "Import legal units from INSEE's SIRENE stock (StockUniteLegale_utf8.csv, or a zip): "
        "associations, foundations, local authorities, EPCI and the social and solidarity "
        "economy by default, companies with --min-employees. Dry run unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="StockUniteLegale CSV file or zip")
        parser.add_argument("--commit", action="store_true", help="Write to the database.")
        parser.add_argument(
            "--only",
            action="append",
            choices=KINDS,
            help="Keep only these kinds of legal unit (repeatable; default: all five).",
        )
        parser.add_argument(
            "--min-employees",
            type=int,
            default=None,
            help="Also keep any legal unit with at least this many employees.",
        )
        parser.add_argument(
            "--rejects",
            type=Path,
            default=Path("sirene-rejects.csv"),
            help="Where to write rejected lines (default: sirene-rejects.csv).",
        )

    def handle(self, *args, path, commit, only, min_employees, rejects, **options):
        kinds = set(only or KINDS)
        selection = Selection(
            associations="associations" in kinds,
            foundations="foundations" in kinds,
            local_authorities="local-authorities" in kinds,
            epci="epci" in kinds,
            ess="ess" in kinds,
            min_employees=min_employees,
        )
        try:
            report = sirene_import(
                path=path,
                selection=selection,
                commit=commit,
                rejects_path=rejects,
                progress=progress(self.stderr),
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        if report.rejected:
            self.stderr.write(f"Rejected lines and reasons: {report.rejects_path}")
        self.stdout.write(f"SIRENE: {report.summary()}")
