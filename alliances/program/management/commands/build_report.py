from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from alliances.core.errors import DomainError
from alliances.program.models import Programme
from alliances.program.report_pdf import render_report_pdf
from alliances.program.selectors import programme_state
from alliances.program.services import reports


class Command(BaseCommand):
    help = (
        "Build a follow-up report of a programme as of a date (recorded, so the next report "
        "can say what changed since), and write it as HTML or PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("programme", help="The programme's slug.")
        parser.add_argument("--date", required=True, help="As of this date, YYYY-MM-DD.")
        parser.add_argument("--format", choices=["html", "pdf"], default="html")
        parser.add_argument("--output", help="File to write (default: <slug>-<date>.<format>).")
        parser.add_argument("--language", choices=["fr", "en"], default="fr")

    def handle(self, *args, programme: str, date: str, format: str, output, language, **options):
        try:
            as_of = _parse_date(date)
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            slugs = ", ".join(Programme.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No programme '{programme}'. Known programmes: {slugs}.")
        with translation.override(language):
            try:
                report = reports.report_build(
                    programme=found, as_of=as_of, by=None, check_permission=False
                )
            except DomainError as error:
                raise CommandError(str(error)) from error
            previous = reports.previous_report(report)
            state = programme_state(found, as_of=as_of)
            changes = reports.changes_since(
                previous.snapshot if previous else None, report.snapshot
            )
            conclusions = reports.report_conclusions(report, previous)
            path = Path(output or f"{found.slug}-{as_of.isoformat()}.{format}")
            if format == "pdf":
                path.write_bytes(
                    render_report_pdf(
                        state, changes, reports.describe_change, conclusions=conclusions
                    )
                )
            else:
                html = render_to_string(
                    "web/program/report_print.html",
                    {
                        "programme": found,
                        "report": report,
                        "previous": previous,
                        "state": state,
                        "conclusions": conclusions,
                        **reports.report_labels(),
                        "changes": [
                            {
                                **entry,
                                "sentences": [reports.describe_change(c) for c in entry["changes"]],
                            }
                            for entry in changes
                        ],
                    },
                )
                path.write_text(html, encoding="utf-8")
        self.stdout.write(
            f"Report {report.pk} as of {as_of.isoformat()} written to {path} "
            f"({len(changes)} measures changed since "
            f"{previous.as_of.isoformat() if previous else 'no previous report'})."
        )


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD.") from None
