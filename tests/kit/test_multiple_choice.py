"""Multiple-choice questions end to end: a questionnaire file of the test's own, loaded, answered
through the service, the form and the API, with scores computed by hand."""

from decimal import Decimal

import pytest
from django.urls import reverse

from alliances.kit.models import Answer, Assessment, Questionnaire
from alliances.kit.services.compass import (
    NOT_APPLICABLE_ALONE,
    ONE_ANSWER_ONLY,
    AnswerErrors,
    assessment_submit,
)
from alliances.kit.services.questionnaires import (
    QuestionnaireFileError,
    parse_questionnaire,
    questionnaire_load,
)

pytestmark = pytest.mark.django_db

QUESTIONNAIRE = """
slug: essai-multiple
version: 1
audience: organisation
title: {fr: "Essai", en: "Trial"}
scales:
  yes_no:
    - {label: {fr: "Non", en: "No"}, score: 0}
    - {label: {fr: "Oui", en: "Yes"}, score: 3}
axes:
  - code: means
    name: {fr: "Moyens", en: "Means"}
    questions:
      - code: pool
        text: {fr: "Que mettez-vous en commun ?", en: "What do you pool?"}
        kind: multiple
        max_score: 3
        not_applicable: true
        options:
          - {label: {fr: "Locaux", en: "Premises"}, score: 1}
          - {label: {fr: "Temps", en: "Time"}, score: 1}
          - {label: {fr: "Budget", en: "Budget"}, score: 2}
          - {label: {fr: "Données", en: "Data"}, score: 1}
          - {label: {fr: "Rien", en: "Nothing"}, score: 0}
      - code: budget
        text: {fr: "Un budget est voté.", en: "A budget is voted."}
        scale: yes_no
        depends_on: pool
        min_score: 2
  - code: vision
    name: {fr: "Vision", en: "Vision"}
    questions:
      - code: goals
        text: {fr: "Quels ODD ?", en: "Which SDGs?"}
        kind: multiple
        options:
          - {label: {fr: "ODD 1", en: "SDG 1"}, score: 1}
          - {label: {fr: "ODD 2", en: "SDG 2"}, score: 1}
          - {label: {fr: "ODD 17", en: "SDG 17"}, score: 2}
      - code: shared
        text: {fr: "La vision est partagée.", en: "The vision is shared."}
        scale: yes_no
        not_applicable: true
"""
# Hand-computed expected values (options numbered by their order, from 1):
# pool = Premises + Time + Budget = 1 + 1 + 2 = 4, capped at 3 → 3/3; budget asked (3 ≥ 2): Yes 3/3
#   → means 6 / 6 = 100.0
# goals = SDG 1 + SDG 17 = 3 of a maximum 4 (no cap: 1 + 1 + 2); shared "na" → vision 3/4 = 75.0
# overall = (100.0 + 75.0) / 2 = 87.5 → spreading
CASE = {"pool": [1, 2, 3], "budget": 2, "goals": [1, 3], "shared": "na"}
EXPECTED = {"means": Decimal("100.0"), "vision": Decimal("75.0")}
# Second case: pool = Data only = 1 < 2 → budget not asked (the answer given is ignored): 1/3;
# goals = SDG 2 = 1/4 = 25.0; shared = Yes 3/3 → vision 4/7 = 57.1; means 33.3
# overall = (33.3 + 57.1) / 2 = 45.2
CASE_TWO = {"pool": [4], "budget": 2, "goals": [2], "shared": 2}
EXPECTED_TWO = {"means": Decimal("33.3"), "vision": Decimal("57.1")}


@pytest.fixture
def questionnaire(tmp_path) -> Questionnaire:
    path = tmp_path / "essai.yaml"
    path.write_text(QUESTIONNAIRE, encoding="utf-8")
    return questionnaire_load(path=path).questionnaire


def _option_pks(questionnaire, case: dict) -> dict:
    """{code: order, [orders] or "na"} → the service's raw answers {pk: option pk(s) or "na"}."""
    raw = {}
    for axis in questionnaire.axes.all():
        for question in axis.questions.all():
            if question.code not in case:
                continue
            value = case[question.code]
            by_order = {option.order: str(option.pk) for option in question.options.all()}
            if value == "na":
                raw[question.pk] = "na"
            elif isinstance(value, list):
                raw[question.pk] = [by_order[order] for order in value]
            else:
                raw[question.pk] = by_order[value]
    return raw


def _scores(assessment) -> dict:
    return {score.axis: score.score for score in assessment.scores.all()}


def test_the_loader_keeps_kind_and_cap(questionnaire):
    pool = questionnaire.axes.get(code="means").questions.get(code="pool")
    goals = questionnaire.axes.get(code="vision").questions.get(code="goals")
    assert (pool.kind, pool.max_score, pool.maximum()) == ("multiple", 3, 3)
    assert (goals.kind, goals.max_score, goals.maximum()) == ("multiple", None, 4)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("        max_score: 3\n", "        max_score: 9\n"),
        ("        kind: multiple\n        max_score: 3\n", "        max_score: 3\n"),
        ("        kind: multiple\n        max_score: 3\n", "        kind: several\n"),
    ],
)
def test_the_loader_refuses_a_wrong_cap_or_kind(tmp_path, change, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(QUESTIONNAIRE.replace(change, reason, 1), encoding="utf-8")
    with pytest.raises(QuestionnaireFileError) as raised:
        parse_questionnaire(path)
    assert "axis 1, question 1" in str(raised.value)


def test_the_service_scores_multiple_choice_by_hand(questionnaire):
    first = assessment_submit(
        questionnaire=questionnaire, answers=_option_pks(questionnaire, CASE), profile="company"
    )
    assert _scores(first) == EXPECTED
    assert first.overall == Decimal("87.5")
    assert first.maturity == "scale"
    pool = Answer.objects.get(assessment=first, question__code="pool")
    assert pool.option is None and not pool.not_applicable
    assert sorted(pool.options.values_list("order", flat=True)) == [1, 2, 3]

    second = assessment_submit(
        questionnaire=questionnaire, answers=_option_pks(questionnaire, CASE_TWO), profile="company"
    )
    assert _scores(second) == EXPECTED_TWO
    assert second.overall == Decimal("45.2")
    assert not Answer.objects.filter(assessment=second, question__code="budget").exists()


def test_wrong_multiple_answers_are_refused(questionnaire):
    raw = _option_pks(questionnaire, CASE)
    pool = questionnaire.axes.get(code="means").questions.get(code="pool")
    shared = questionnaire.axes.get(code="vision").questions.get(code="shared")
    raw[pool.pk] = [*raw[pool.pk], "na"]
    raw[shared.pk] = [str(option.pk) for option in shared.options.all()]
    with pytest.raises(AnswerErrors) as raised:
        assessment_submit(questionnaire=questionnaire, answers=raw, profile="company")
    assert raised.value.errors == {pool.pk: NOT_APPLICABLE_ALONE, shared.pk: ONE_ANSWER_ONLY}
    assert Assessment.objects.count() == 0


def _form_data(questionnaire, case: dict) -> dict:
    data = {"profile": "company"}
    for pk, value in _option_pks(questionnaire, case).items():
        data[f"q_{pk}"] = value
    return data


def _api_body(case: dict) -> dict:
    return {"profile": "company", "answers": case}


@pytest.mark.parametrize(("case", "expected"), [(CASE, EXPECTED), (CASE_TWO, EXPECTED_TWO)])
def test_form_and_api_give_the_same_scores(client, questionnaire, case, expected):
    page = client.get(reverse("web:compass_answer", args=[questionnaire.slug]))
    assert 'type="checkbox"' in page.content.decode()
    response = client.post(
        reverse("web:compass_answer", args=[questionnaire.slug]), _form_data(questionnaire, case)
    )
    assert response.status_code == 302
    by_form = Assessment.objects.get()

    response = client.post(
        f"/api/v1/questionnaires/{questionnaire.slug}/assessments/",
        _api_body(case),
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    by_api = Assessment.objects.get(token=response.json()["token"])
    assert _scores(by_form) == _scores(by_api) == expected
    assert by_form.overall == by_api.overall
    body = response.json()
    assert {row["axis"]: Decimal(str(row["score"])) for row in body["scores"]} == expected
    assert Decimal(str(body["overall"])) == by_form.overall


def test_the_loader_refuses_a_wrong_condition_threshold(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(QUESTIONNAIRE.replace("min_score: 2", "min_score: deux"), encoding="utf-8")
    with pytest.raises(QuestionnaireFileError) as raised:
        parse_questionnaire(path)
    assert "axis 1, question 2" in str(raised.value)


def test_the_admin_refuses_a_cap_on_a_single_choice_question(questionnaire):
    from django.core.exceptions import ValidationError

    budget = questionnaire.axes.get(code="means").questions.get(code="budget")
    budget.max_score = 2
    with pytest.raises(ValidationError):
        budget.full_clean()
