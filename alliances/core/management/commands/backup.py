from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alliances.core.backup import database_backup
from alliances.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Back up the database to one file: pg_dump's custom format on PostgreSQL, the online "
        "backup API on SQLite (consistent while the site runs). "
        "Restore it with `alliances restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            help="The file to write (default: alliances-<date>.<dump|sqlite3> here).",
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, destination: str | None = None, database: str = "default", **options):
        from django.db import connections

        if destination is None:
            suffix = "dump" if connections[database].vendor == "postgresql" else "sqlite3"
            destination = f"alliances-{timezone.now():%Y%m%d-%H%M%S}.{suffix}"
        try:
            report = database_backup(destination=Path(destination), alias=database)
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(report)))
