"""Published survey results loaded as reference data: real figures, with their source.

The Observatoire des partenariats' survey by Comisis & OpinionWay, published on 7 May 2020, is
known to us only through its published aggregate results: it is loaded as an aggregate-only
study. Figures its publication does not give (sample size, fieldwork dates, mode, exact wording)
are left empty and shown as "not published in the source", never guessed.
"""

import datetime
from pathlib import Path

from django.db import transaction

from alliances.core import reference
from alliances.studies.enums import StudyStatus, SurveyMode
from alliances.studies.models import PublishedEstimate, Question, Study, Wave

DATA_DIR = Path(__file__).resolve().parent / "data"
FILE = DATA_DIR / "observatoire_partenariats_2020.csv"
DATASET = "studies"
SLUG = "observatoire-partenariats-covid-2020"
SOURCE = "Comisis & OpinionWay pour l'Observatoire des partenariats, mai 2020"
QUESTION_VARIABLE = "jouer_collectif"


def _study_defaults() -> dict:
    return {
        "title_fr": "Jouer collectif pour sortir de la crise du Covid-19",
        "title_en": "Working together to get out of the Covid-19 crisis",
        "population_fr": "Français",
        "population_en": "French people",
        "organisation": "Comisis & OpinionWay pour l'Observatoire des partenariats",
        "published_on": datetime.date(2020, 5, 7),
        "mode": SurveyMode.NOT_PUBLISHED,
        "sample_size": None,
        "methodology_fr": (
            "Sondage réalisé par Comisis et OpinionWay pour l'Observatoire des partenariats, "
            "publié le 7 mai 2020 lors de la remise des conclusions de la mission ministérielle "
            "sur les alliances stratégiques entre associations, entreprises et collectivités. "
            "Seuls les résultats agrégés publiés sont disponibles : la taille de l'échantillon, "
            "les dates et le mode de recueil, la méthode de redressement et la formulation exacte "
            "de la question ne sont pas publiés dans la source ; aucun intervalle de confiance "
            "ne peut donc être calculé. La question est résumée d'après la publication."
        ),
        "methodology_en": (
            "Survey by Comisis and OpinionWay for the Observatoire des partenariats, published "
            "on 7 May 2020 when the ministerial mission on strategic alliances between "
            "associations, companies and local authorities presented its conclusions. Only the "
            "published aggregate results are available: sample size, fieldwork dates and mode, "
            "weighting method and the exact wording of the question are not published in the "
            "source, so no confidence interval can be computed. The question is summarised "
            "from the publication."
        ),
        "status": StudyStatus.PUBLISHED,
        "is_demo": False,
    }


def studies_reference_load(*, force: bool = False) -> reference.LoadReport:
    """Load the published aggregate results committed in the project; a no-op when current."""
    files_checksum = reference.checksum([FILE])
    in_database = PublishedEstimate.objects.filter(question__study__slug=SLUG).count()
    if not force and reference.is_current(DATASET, files_checksum, in_database):
        return reference.LoadReport(DATASET, in_database, skipped=True)
    with transaction.atomic():
        study, _created = Study.objects.update_or_create(slug=SLUG, defaults=_study_defaults())
        wave, _created = Wave.objects.update_or_create(
            study=study, number=1, defaults={"label": "Mai 2020", "sample_size": None}
        )
        question, _created = Question.objects.update_or_create(
            study=study,
            variable=QUESTION_VARIABLE,
            defaults={
                "text_fr": (
                    "Pour sortir de la crise du Covid-19, « jouer collectif » entre associations, "
                    "collectivités, entreprises et initiatives citoyennes, c'est…"
                ),
                "text_en": (
                    "To get out of the Covid-19 crisis, “working together” between associations, "
                    "local authorities, companies and citizen initiatives is…"
                ),
            },
        )
        question.estimates.all().delete()
        PublishedEstimate.objects.bulk_create(
            PublishedEstimate(
                question=question,
                wave=wave,
                code=row["code"],
                label_fr=row["label_fr"],
                label_en=row["label_en"],
                part_of=row["part_of"],
                position=position,
                share=float(row["share"]),
                base=None,
                base_description_fr="Français",
                base_description_en="French people",
                source=SOURCE,
                is_aggregate_only=True,
            )
            for position, row in enumerate(reference.read_csv(FILE))
        )
        rows = question.estimates.count()
        reference.mark_loaded(DATASET, files_checksum, rows)
    return reference.LoadReport(DATASET, rows, skipped=False)
