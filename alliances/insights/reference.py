"""The catalogue of territorial indicators, committed in `data/indicators.csv`."""

from pathlib import Path

from django.db import transaction

from alliances.core.reference import LoadReport, checksum, is_current, mark_loaded, read_csv
from alliances.insights.models import Indicator
from alliances.sdg.models import Goal

DATA = Path(__file__).resolve().parent / "data" / "indicators.csv"
DATASET = "insights.indicators"


def indicators_load(*, force: bool = False) -> LoadReport:
    files_checksum = checksum([DATA])
    if not force and is_current(DATASET, files_checksum, Indicator.objects.count()):
        return LoadReport(DATASET, Indicator.objects.count(), skipped=True)
    goals = {goal.number: goal for goal in Goal.objects.all()}
    with transaction.atomic():
        for row in read_csv(DATA):
            Indicator.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name_fr": row["name_fr"],
                    "name_en": row["name_en"],
                    "unit": row["unit"],
                    "goal": goals[int(row["goal"])],
                    "direction": row["direction"],
                },
            )
        rows = Indicator.objects.count()
        mark_loaded(DATASET, files_checksum, rows)
    return LoadReport(DATASET, rows, skipped=False)
