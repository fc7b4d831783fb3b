from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from alliances.core.errors import DomainError
from alliances.kit import selectors
from alliances.kit.models import Answer, Assessment
from alliances.kit.services.compass import (
    ANSWER_MISSING,
    NOT_APPLICABLE_REFUSED,
    AnswerErrors,
    assessment_submit,
)
from tests.factories import UserFactory
from tests.kit.conftest import HAND_CASE, answers_by_code
from tests.kit.factories import ResourceFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    "vision": Decimal("66.7"),
    "governance": Decimal("0.0"),
    "means": Decimal("66.7"),
    "coconstruction": Decimal("66.7"),
    "evaluation": Decimal("33.3"),
    "anchoring": Decimal("100.0"),
}


def _scores(assessment) -> dict:
    return {score.axis: score.score for score in assessment.scores.all()}


def test_service_scores_the_hand_computed_case(organisation_compass):
    assessment = assessment_submit(
        questionnaire=organisation_compass,
        answers=answers_by_code(organisation_compass, HAND_CASE),
        profile="association",
    )
    assert _scores(assessment) == EXPECTED
    assert assessment.overall == Decimal("55.6")
    assert assessment.maturity == "structure"
    # The conditional answer given anyway is not stored; "not applicable" is.
    codes = set(
        Answer.objects.filter(assessment=assessment).values_list("question__code", flat=True)
    )
    assert "gouv-regles" not in codes
    assert Answer.objects.get(assessment=assessment, question__code="moyens-budget").not_applicable


def test_the_form_gives_the_same_scores_as_the_service(client, organisation_compass):
    answers = answers_by_code(organisation_compass, HAND_CASE)
    data = {f"q_{pk}": value for pk, value in answers.items()} | {"profile": "association"}
    response = client.post(reverse("web:compass_answer", args=[organisation_compass.slug]), data)
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == assessment.get_absolute_url()
    assert _scores(assessment) == EXPECTED
    assert assessment.overall == Decimal("55.6")
    assert assessment.user is None

    page = client.get(assessment.get_absolute_url())
    html = page.content.decode()
    assert "55,6" in html or "55.6" in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "<svg" in html and "<table>" in html


def test_missing_and_refused_answers_are_reported_per_question(organisation_compass, english):
    scores = dict(HAND_CASE)
    scores["gouv-partenariat"] = 3  # now the two conditional questions are asked
    scores.pop("gouv-instance", None)
    scores["vision-raison"] = "na"  # not allowed on this question
    with pytest.raises(AnswerErrors) as raised:
        assessment_submit(
            questionnaire=organisation_compass,
            answers=answers_by_code(organisation_compass, scores),
            profile="association",
        )
    errors = {code: str(message) for code, message in _codes(raised.value.errors).items()}
    assert errors == {
        "gouv-instance": str(ANSWER_MISSING),
        "vision-raison": str(NOT_APPLICABLE_REFUSED),
    }
    assert Assessment.objects.count() == 0


def _codes(errors):
    from alliances.kit.models import Question

    return {Question.objects.get(pk=pk).code: message for pk, message in errors.items()}


def test_the_form_shows_errors_without_saving(client, organisation_compass):
    url = reverse("web:compass_answer", args=[organisation_compass.slug])
    response = client.post(url, {"profile": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "form-errors" in html
    assert Assessment.objects.count() == 0
    response = client.post(url, {"profile": "association"})
    assert response.status_code == 400
    assert "Répondez à cette question." in response.content.decode()


def test_an_old_version_cannot_be_answered(organisation_compass):
    organisation_compass.is_current = False
    organisation_compass.save()
    with pytest.raises(DomainError):
        assessment_submit(
            questionnaire=organisation_compass,
            answers=answers_by_code(organisation_compass, HAND_CASE),
            profile="association",
        )


def _submit(questionnaire, level: int, user=None, profile="association"):
    scores = {code: level if value != "na" else "na" for code, value in HAND_CASE.items()}
    scores["gouv-partenariat"] = 3
    scores["gouv-instance"] = level
    scores["gouv-regles"] = level
    return assessment_submit(
        questionnaire=questionnaire,
        answers=answers_by_code(questionnaire, scores),
        profile=profile,
        user=user,
    )


@override_settings(KIT_PEER_MINIMUM=3)
def test_peer_comparison_is_hidden_below_the_minimum(client, organisation_compass):
    mine = _submit(organisation_compass, 2)
    _submit(organisation_compass, 1)
    _submit(organisation_compass, 3)
    _submit(organisation_compass, 0, profile="company")  # another profile: not a peer
    results = selectors.assessment_results(mine)
    assert selectors.peer_comparison(mine, results) is None
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "Médiane des pairs" not in page

    _submit(organisation_compass, 3)
    comparison = selectors.peer_comparison(mine, results)
    assert comparison.peers == 3
    # Peers overall: level 1 → 33.3, level 3 → 100, level 3 → 100; mine 66.7 beats one of three.
    assert comparison.overall_percentile == 33
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "Médiane des pairs" in page


def test_default_peer_minimum_is_ten(organisation_compass):
    mine = _submit(organisation_compass, 2)
    for _number in range(9):
        _submit(organisation_compass, 1)
    results = selectors.assessment_results(mine)
    assert selectors.peer_comparison(mine, results) is None
    _submit(organisation_compass, 1)
    assert selectors.peer_comparison(mine, results).peers == 10


def test_recommendations_match_gap_axis_profile_and_maturity(organisation_compass):
    assessment = assessment_submit(
        questionnaire=organisation_compass,
        answers=answers_by_code(organisation_compass, HAND_CASE),
        profile="association",
    )
    good = ResourceFactory(published=True, axes=["governance"], maturity="discover")
    next_level = ResourceFactory(published=True, axes=["governance"], maturity="start")
    ResourceFactory(published=True, axes=["governance"], maturity="scale")  # too far ahead
    ResourceFactory(published=True, axes=["governance"], profiles=["company"], maturity="discover")
    ResourceFactory(axes=["governance"], maturity="discover")  # draft
    ResourceFactory(published=True, axes=["vision"], maturity="discover")  # not a gap
    results = selectors.assessment_results(assessment)
    matched = {
        gap.axis: resources for gap, resources in selectors.recommendations(assessment, results)
    }
    # Gaps: governance (0.0, discovering) and evaluation (33.3, getting started).
    assert set(matched) == {"governance", "evaluation"}
    assert set(matched["governance"]) == {good, next_level}
    assert matched["evaluation"] == []


def test_signed_in_history_shows_evolution_to_its_owner_only(client, organisation_compass):
    user = UserFactory()
    first = _submit(organisation_compass, 1, user=user)
    second = _submit(organisation_compass, 2, user=user)
    assert [a.pk for a in selectors.assessment_history(second)] == [first.pk, second.pk]
    client.force_login(user)
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Votre évolution" in page
    client.logout()
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Votre évolution" not in page


def test_the_api_gives_the_same_scores_as_the_form(client, organisation_compass):
    from tests.kit.conftest import option_for

    answers = {
        code: "na" if score == "na" else option_for(organisation_compass, code, score).order
        for code, score in HAND_CASE.items()
    }
    response = client.post(
        f"/api/v1/questionnaires/{organisation_compass.slug}/assessments/",
        {"profile": "association", "answers": answers},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert {row["axis"]: Decimal(str(row["score"])) for row in body["scores"]} == EXPECTED
    assert body["overall"] == 55.6 and body["maturity"] == "structure"
    assert body["peers"] is None
    assert {row["axis"] for row in body["recommendations"]} == {"governance", "evaluation"}
    again = client.get(f"/api/v1/assessments/{body['token']}/").json()
    assert again["scores"] == body["scores"]
    assessment = Assessment.objects.get(token=body["token"])
    assert _scores(assessment) == EXPECTED
    # A missing answer is reported by question code; nothing is saved.
    answers.pop("gouv-partenariat")
    response = client.post(
        f"/api/v1/questionnaires/{organisation_compass.slug}/assessments/",
        {"profile": "association", "answers": answers},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]["answers"]) == ["gouv-partenariat"]
    assert Assessment.objects.count() == 1
