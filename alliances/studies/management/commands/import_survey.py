from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliances.studies.errors import StudyError
from alliances.studies.importers import codebook_from_table, read_table
from alliances.studies.models import Study
from alliances.studies.services import SurveyImportError, survey_import


class Command(BaseCommand):
    help = (
        "Import one wave of survey microdata (CSV, XLSX or SPSS .sav) with its codebook. "
        "Dry run by default: validates and reports; --commit replaces the wave's respondents."
    )

    def add_arguments(self, parser):
        parser.add_argument("study", help="Slug of the study (create it in the admin first).")
        parser.add_argument("data", type=Path, help="Microdata file: .csv, .xlsx or .sav.")
        parser.add_argument("--wave", type=int, default=1, help="Wave number (created if new).")
        parser.add_argument("--wave-label", default="", help="Label of a new wave.")
        parser.add_argument(
            "--codebook", type=Path, help="Codebook (.csv or .xlsx); optional for .sav files."
        )
        parser.add_argument("--id-variable", default="id", help="Column of respondent ids.")
        parser.add_argument("--weight-variable", help="Column of weights provided with the data.")
        parser.add_argument("--commit", action="store_true", help="Write to the database.")

    def handle(self, *args, **options):
        study = Study.objects.filter(slug=options["study"]).first()
        if study is None:
            raise CommandError(f"No study with the slug “{options['study']}”.")
        try:
            table = read_table(options["data"].read_bytes(), options["data"].name)
            codebook = None
            if options["codebook"]:
                path = options["codebook"]
                codebook, issues = codebook_from_table(read_table(path.read_bytes(), path.name))
                if issues:
                    raise SurveyImportError(issues)
            report = survey_import(
                study=study,
                wave_number=options["wave"],
                wave_label=options["wave_label"],
                table=table,
                codebook=codebook,
                id_variable=options["id_variable"],
                weight_variable=options["weight_variable"],
                commit=options["commit"],
            )
        except SurveyImportError as error:
            for issue in error.issues:
                self.stderr.write(str(issue))
            raise CommandError(str(error)) from error
        except (StudyError, ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        state = "imported" if report.committed else "valid (dry run: add --commit to write)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Survey {study.slug} wave {options['wave']}: {report.respondents} respondents, "
                f"{report.questions} variables {state}; {report.replaced} replaced."
            )
        )
