"""Writes to the SDG framework: loading the 17 goals and 169 targets."""

from pathlib import Path

from django.db import transaction

from alliances.core import reference
from alliances.sdg.models import Goal, Target

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = [DATA_DIR / "goals.csv", DATA_DIR / "targets.csv"]
DATASET = "sdg"


def sdg_load(*, force: bool = False) -> reference.LoadReport:
    """Upsert the goals and targets from the committed files; a no-op when already loaded."""
    files_checksum = reference.checksum(FILES)
    in_database = Goal.objects.count() + Target.objects.count()
    if not force and reference.is_current(DATASET, files_checksum, in_database):
        return reference.LoadReport(DATASET, in_database, skipped=True)

    with transaction.atomic():
        Goal.objects.bulk_create(
            [
                Goal(
                    number=int(row["number"]),
                    short_fr=row["short_fr"],
                    short_en=row["short_en"],
                    title_fr=row["title_fr"],
                    title_en=row["title_en"],
                )
                for row in reference.read_csv(DATA_DIR / "goals.csv")
            ],
            update_conflicts=True,
            unique_fields=["number"],
            update_fields=["short_fr", "short_en", "title_fr", "title_en"],
        )
        goals = dict(Goal.objects.values_list("number", "id"))
        Target.objects.bulk_create(
            [
                Target(
                    goal_id=goals[int(row["goal"])],
                    code=row["code"],
                    position=position,
                    title_fr=row["title_fr"],
                    title_en=row["title_en"],
                )
                for position, row in enumerate(reference.read_csv(DATA_DIR / "targets.csv"))
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["goal", "position", "title_fr", "title_en"],
        )
        rows = Goal.objects.count() + Target.objects.count()
        reference.mark_loaded(DATASET, files_checksum, rows)
    return reference.LoadReport(DATASET, rows, skipped=False)
