from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.backup import database_restore
from alliances.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Replace the whole database with a file written by `alliances backup`. Asks for "
        "confirmation unless --noinput is given; stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup file.")
        parser.add_argument("--database", default="default", help="The database alias.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, source: str, database: str, interactive: bool = True, **options):
        if interactive:
            answer = input(
                f"Every row of the database '{database}' will be replaced by {source}. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            report = database_restore(source=Path(source), alias=database)
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(report)))
