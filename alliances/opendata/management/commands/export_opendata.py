from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from alliances.opendata.services import opendata_export


class Command(BaseCommand):
    help = (
        "Write every public dataset as CSV and XLSX, with the Data Package (datapackage.json), "
        "the DCAT-AP catalogue (JSON-LD, Turtle) and the alliances Table Schema, into the "
        "directory served at /donnees/ (OPENDATA_DIR unless --output). Run it from a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Directory (default: OPENDATA_DIR)")

    def handle(self, *args, output, **options):
        directory = (output or settings.OPENDATA_DIR).resolve()
        base_url = settings.OPENDATA_BASE_URL.rstrip("/")
        with translation.override("fr"):
            page_url = base_url + reverse("web:opendata")
            files_url = base_url + reverse("web:opendata_file", args=["x"])[:-1]
        try:
            report = opendata_export(
                directory=directory, base_url=base_url, files_url=files_url, page_url=page_url
            )
        except OSError as error:
            raise CommandError(f"{directory}: {error.strerror or error}") from error
        self.stdout.write(report.summary())
