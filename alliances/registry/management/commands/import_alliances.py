from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.core.errors import DomainError
from alliances.registry.services.alliance_import import TO_CONFIRM, alliances_import


class Command(BaseCommand):
    help = (
        "Import alliances from a spreadsheet made from the template (XLSX or CSV, one row per "
        "alliance–member). Dry run unless --commit: prints, line by line, what would be done "
        "and the matches to confirm in the organisation_id column."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="XLSX or CSV file")
        parser.add_argument("--commit", action="store_true", help="Write to the database.")

    def handle(self, *args, path, commit, **options):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            report = alliances_import(content=content, filename=path.name, commit=commit)
        except DomainError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stdout.write(f"line {problem.line}: {problem.message}")
        for plan in report.alliances:
            state = "existing" if plan.existing else "new"
            self.stdout.write(f"[{plan.ref}] {plan.values['title']} ({state})")
            for member in plan.members:
                row = member.row
                if member.action == TO_CONFIRM:
                    proposals = "; ".join(
                        f"#{p.organisation_id} {p.name} (score {p.score:.0f})"
                        for p in member.proposals
                    )
                    self.stdout.write(
                        f"  line {row.line}: {row.name} — to confirm: {proposals} — write the "
                        "number or “new” in organisation_id"
                    )
                elif member.organisation is not None:
                    already = ", already a member" if member.already_member else ""
                    self.stdout.write(
                        f"  line {row.line}: {row.name} → #{member.organisation.pk} "
                        f"{member.organisation.display_name} ({member.matched_by}{already})"
                    )
                else:
                    self.stdout.write(f"  line {row.line}: {row.name} → new organisation")
        self.stdout.write(report.summary())
        if commit and not report.committed:
            raise CommandError("Nothing was written: fix the problems and confirm the matches.")
