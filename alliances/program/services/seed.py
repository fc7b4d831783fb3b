"""Loading the seed's programme: 21 measures in 3 dimensions, verbatim, and its instances."""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from alliances.core import reference
from alliances.program.models import (
    Dimension,
    Measure,
    Objective,
    Programme,
    ProgrammeInstance,
    StakeholderGroup,
)

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "programme_2020.json"
DATASET = "programme_2020"


def programme_seed_load(*, force: bool = False) -> reference.LoadReport:
    """Create or update the seed programme; user edits to other fields are kept."""
    files_checksum = reference.checksum([DATA_FILE])
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    slug = data["programme"]["slug"]
    existing = Measure.objects.filter(programme__slug=slug).count()
    if not force and reference.is_current(DATASET, files_checksum, existing):
        return reference.LoadReport(DATASET, existing, skipped=True)

    with transaction.atomic():
        fields = data["programme"]
        programme, _created = Programme.objects.update_or_create(
            slug=slug,
            defaults={
                "title_fr": fields["title_fr"],
                "title_en": fields["title_en"],
                "summary_fr": fields["summary_fr"],
                "summary_en": fields["summary_en"],
                "start_date": date.fromisoformat(fields["start_date"]),
                "source": data["source"],
            },
        )
        dimensions = {}
        for row in data["dimensions"]:
            dimensions[row["code"]], _ = Dimension.objects.update_or_create(
                programme=programme,
                code=row["code"],
                defaults={key: value for key, value in row.items() if key != "code"},
            )
        for model, key in ((Objective, "objectives"), (StakeholderGroup, "stakeholder_groups")):
            for row in data[key]:
                model.objects.update_or_create(
                    programme=programme,
                    code=row["code"],
                    defaults={k: v for k, v in row.items() if k != "code"},
                )
        for row in data["instances"]:
            ProgrammeInstance.objects.update_or_create(
                programme=programme,
                title_fr=row["title_fr"],
                defaults={
                    "kind": row["kind"],
                    "date": date.fromisoformat(row["date"]),
                    "title_en": row["title_en"],
                    "description": row["description"],
                },
            )
        for row in data["measures"]:
            measure = Measure.objects.filter(programme=programme, code=row["code"]).first()
            values = {
                "dimension": dimensions[row["dimension"]],
                "number": row["number"],
                "position": row["position"],
                "title_fr": row["title_fr"],
                "title_en": row["title_en"],
            }
            if measure is None:
                Measure.objects.create(programme=programme, code=row["code"], **values)
            elif any(getattr(measure, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(measure, field, value)
                measure.version += 1
                measure.save()
        rows = Measure.objects.filter(programme=programme).count()
        reference.mark_loaded(DATASET, files_checksum, rows)
    return reference.LoadReport(DATASET, rows, skipped=False)
