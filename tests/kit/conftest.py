import pytest
from django.utils import translation

from alliances.kit.models import Option, Questionnaire


@pytest.fixture
def organisation_compass():
    return Questionnaire.objects.get(slug="boussole-organisation", is_current=True)


@pytest.fixture
def territory_compass():
    return Questionnaire.objects.get(slug="boussole-territoire", is_current=True)


def option_for(questionnaire, code: str, score: int) -> Option:
    return Option.objects.get(
        question__axis__questionnaire=questionnaire, question__code=code, score=score
    )


def answers_by_code(questionnaire, scores: dict[str, int | str]) -> dict[int, str]:
    """{question code: score or "na"} → the raw answers the form posts (option pk or "na")."""
    answers = {}
    for code, score in scores.items():
        question = (
            Option.objects.filter(question__axis__questionnaire=questionnaire, question__code=code)
            .first()
            .question
        )
        answers[question.pk] = (
            "na" if score == "na" else str(option_for(questionnaire, code, score).pk)
        )
    return answers


# Hand-computed case on the organisation compass (see test_compass.py).
HAND_CASE = {
    "vision-raison": 3,
    "vision-odd": 2,
    "vision-direction": 1,  # vision 6/9 = 66.7
    "gouv-partenariat": 0,  # "No": the two conditional questions are not asked → 0/3 = 0.0
    "gouv-regles": 3,  # answered anyway: ignored
    "moyens-temps": 2,
    "moyens-budget": "na",
    "moyens-competences": 2,  # means 4/6 = 66.7
    "cocon-diagnostic": 2,
    "cocon-ressources": 2,
    "cocon-valeur": 2,  # 6/9 = 66.7
    "eval-objectifs": 0,
    "eval-bilan": 1,
    "eval-impact": 2,  # 3/9 = 33.3
    "ancrage-acteurs": 3,
    "ancrage-catalyseur": 3,
    "ancrage-diagnostic": 3,  # 9/9 = 100.0
}
# overall = (66.7 + 0.0 + 66.7 + 66.7 + 33.3 + 100.0) / 6 = 333.4 / 6 = 55.57 → 55.6


@pytest.fixture
def english():
    with translation.override("en"):
        yield
