"""A synthetic barometer for the demo: two waves of generated microdata, weighted and published.

Everything here is invented (marked `is_demo`) except the région shares used as a margin, which
are the real populations of the reference data. It goes through the real pipeline: import,
margins, raking, publication.
"""

import numpy as np
from django.db import transaction

from alliances.studies import services
from alliances.studies.enums import QuestionKind, SurveyMode
from alliances.studies.importers import CodebookEntry, Table
from alliances.studies.models import Study
from alliances.territories.models import Territory

SLUG = "demo-barometre-alliances"
RESPONDENTS_PER_WAVE = 1500
SEX = {"1": ("Homme", "Man"), "2": ("Femme", "Woman")}
AGE = {"1": ("18-34 ans", "18-34"), "2": ("35-64 ans", "35-64"), "3": ("65 ans et plus", "65+")}
SEX_TARGETS = {"1": 48.0, "2": 52.0}
AGE_TARGETS = {"1": 26.0, "2": 49.0, "3": 25.0}
COLLECTIVE = {
    "incontournable": ("Incontournable", "Indispensable"),
    "utile": ("Utile, sans être incontournable", "Useful, but not indispensable"),
    "secondaire": ("Secondaire", "Secondary"),
    "inutile": ("Inutile", "Useless"),
    "contre_productif": ("Contre-productif", "Counter-productive"),
    "nsp": ("Ne se prononce pas", "No answer"),
}
PARTNER = {"oui": ("Oui", "Yes"), "non": ("Non", "No"), "nsp": ("Ne sait pas", "Don't know")}
WAVES = [
    (1, "Vague 1 — 2025", [0.27, 0.52, 0.10, 0.05, 0.03, 0.03], [0.22, 0.70, 0.08]),
    (2, "Vague 2 — 2026", [0.33, 0.50, 0.08, 0.04, 0.02, 0.03], [0.30, 0.63, 0.07]),
]


def _codebook(regions: dict[str, str]) -> list[CodebookEntry]:
    def options(labels):
        return [(code, fr, en) for code, (fr, en) in labels.items()]

    return [
        CodebookEntry("sexe", QuestionKind.CATEGORICAL, "Sexe", "Sex", False, options(SEX)),
        CodebookEntry("age", QuestionKind.CATEGORICAL, "Âge", "Age", False, options(AGE)),
        CodebookEntry(
            "region",
            QuestionKind.CATEGORICAL,
            "Région de résidence",
            "Région of residence",
            False,
            [(code, name, name) for code, name in regions.items()],
        ),
        CodebookEntry(
            "collectif",
            QuestionKind.CATEGORICAL,
            "Pour relever les défis de votre territoire, « jouer collectif » entre associations, "
            "collectivités, entreprises et initiatives citoyennes, c'est…",
            "To meet the challenges of your territory, “working together” between associations, "
            "local authorities, companies and citizen initiatives is…",
            True,
            options(COLLECTIVE),
        ),
        CodebookEntry(
            "partenariat",
            QuestionKind.CATEGORICAL,
            "Avez-vous pris part, cette année, à une action menée en partenariat entre plusieurs "
            "types d'acteurs de votre territoire ?",
            "This year, did you take part in an action run in partnership by several kinds of "
            "actors of your territory?",
            True,
            options(PARTNER),
        ),
    ]


def _wave_table(rng, regions, region_shares, collective_p, partner_p) -> Table:
    n = RESPONDENTS_PER_WAVE
    # The raw sample over-represents women and older people: weighting has something to correct.
    sex = rng.choice(list(SEX), n, p=[0.42, 0.58])
    age = rng.choice(list(AGE), n, p=[0.18, 0.47, 0.35])
    region = rng.choice(list(regions), n, p=region_shares)
    collective = rng.choice(list(COLLECTIVE), n, p=collective_p)
    partner = rng.choice(list(PARTNER), n, p=partner_p)
    rows = [
        {
            "id": f"R{i + 1:05d}",
            "sexe": sex[i],
            "age": age[i],
            "region": region[i],
            "collectif": collective[i],
            "partenariat": partner[i],
        }
        for i in range(n)
    ]
    return Table(columns=["id", "sexe", "age", "region", "collectif", "partenariat"], rows=rows)


def studies_demo_load() -> tuple[Study, bool]:
    """Create the demo barometer once; returns (study, created)."""
    existing = Study.objects.filter(slug=SLUG).first()
    if existing is not None:
        return existing, False
    territories = list(Territory.objects.filter(kind="region").official().order_by("code"))
    regions = {t.code: t.name for t in territories}
    populations = np.array([t.population or 0 for t in territories], dtype=float)
    shares = populations / populations.sum()
    region_targets = dict(zip(regions, (shares * 100).round(4), strict=True))
    # Rounding may leave the total a hair off 100: put the remainder on the largest région.
    largest = max(region_targets, key=region_targets.get)
    region_targets[largest] += 100 - sum(region_targets.values())
    rng = np.random.default_rng(2026)
    with transaction.atomic():
        study = Study.objects.create(
            slug=SLUG,
            title_fr="Baromètre des alliances territoriales (démonstration)",
            title_en="Territorial alliances barometer (demo)",
            population_fr="Personnes de 18 ans et plus résidant en France",
            population_en="People aged 18 and over living in France",
            organisation="Données de démonstration générées par Alliances",
            mode=SurveyMode.ONLINE,
            sample_size=RESPONDENTS_PER_WAVE * len(WAVES),
            region_variable="region",
            methodology_fr=(
                "Données fictives, générées pour la démonstration. Deux vagues de 1 500 "
                "répondants chacune, redressées par calage (raking) sur le sexe, l'âge et la "
                "région, poids plafonnés à 3 fois le poids moyen. Intervalles de confiance à "
                "95 % tenant compte de l'effet du plan (Kish). Aucun résultat régional n'est "
                "montré sous 30 répondants."
            ),
            methodology_en=(
                "Fictitious data generated for the demo. Two waves of 1,500 respondents each, "
                "raked on sex, age and région, weights capped at 3 times the mean weight. 95% "
                "confidence intervals account for the design effect (Kish). No regional result "
                "is shown under 30 respondents."
            ),
            is_demo=True,
        )
        for number, label, collective_p, partner_p in WAVES:
            table = _wave_table(rng, regions, shares, collective_p, partner_p)
            services.survey_import(
                study=study,
                wave_number=number,
                wave_label=label,
                table=table,
                codebook=_codebook(regions),
                id_variable="id",
                commit=True,
            )
            wave = study.waves.get(number=number)
            services.margin_set(wave=wave, variable="sexe", targets=SEX_TARGETS, source="Démo")
            services.margin_set(wave=wave, variable="age", targets=AGE_TARGETS, source="Démo")
            services.margin_set(
                wave=wave, variable="region", targets=region_targets, source="INSEE (référentiel)"
            )
            services.wave_weight(wave=wave, cap=3.0)
        services.study_publish(study=study, source="Démonstration Alliances")
    return study, True
