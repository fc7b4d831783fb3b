"""The partnership evaluation of an alliance: answered by signed-in members, aggregated per
alliance (mean per angle), shown only from three respondents."""

from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from alliances.core.errors import DomainError
from alliances.kit import selectors
from alliances.kit.models import Assessment, Questionnaire
from alliances.kit.services.compass import (
    NOT_A_MEMBER,
    SIGN_IN_REQUIRED,
    assessment_submit,
)
from tests.factories import UserFactory
from tests.registry.factories import AllianceFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ANGLES = [
    "performance",
    "coherence",
    "efficiency",
    "relevance",
    "contribution",
    "clarity",
    "meaning",
]


@pytest.fixture
def evaluation() -> Questionnaire:
    return Questionnaire.objects.get(slug="evaluation-alliance", is_current=True)


def answers(questionnaire, level: int, *, pooled=(1, 2, 3, 4), effects="na") -> dict:
    """Every single-choice question at `level` (0–3; the yes/no question at 3 when level ≥ 2),
    the pooled means and the effects as option orders (or "na")."""
    raw = {}
    for axis in questionnaire.axes.all():
        for question in axis.questions.all():
            options = list(question.options.all())
            if question.code == "eff-mutualisation":
                raw[question.pk] = [str(options[order - 1].pk) for order in pooled]
            elif question.code == "contrib-effets":
                raw[question.pk] = (
                    "na" if effects == "na" else [str(options[o - 1].pk) for o in effects]
                )
            elif len(options) == 2:
                raw[question.pk] = str(options[1 if level >= 2 else 0].pk)
            else:
                raw[question.pk] = str(options[level].pk)
    return raw


def test_the_questionnaire_has_the_seven_angles(evaluation):
    assert list(evaluation.axes.values_list("code", flat=True)) == ANGLES
    assert evaluation.audience == "alliance"


def test_one_members_scores_by_hand(evaluation):
    alliance = AllianceFactory()
    member = MembershipFactory(alliance=alliance)
    assessment = assessment_submit(
        questionnaire=evaluation,
        answers=answers(evaluation, 2, pooled=(1, 6), effects=(1, 2)),
        profile="association",
        user=UserFactory(),
        organisation=member.organisation,
        alliance=alliance,
    )
    scores = {score.axis: score.score for score in assessment.scores.all()}
    # performance: objectives Yes 3 → achievement asked, 2; delays 2 → 7 / 9 = 77.8
    # efficiency: means 2 + pooled (premises 1 + "none of these" 0 = 1, cap 3) → 3 / 6 = 50.0
    # contribution: SDG 2 + effects (1 + 1 = 2 of cap 3) → 4 / 6 = 66.7
    # every other angle at 2 of 3 per question → 66.7
    assert scores == {
        "performance": Decimal("77.8"),
        "coherence": Decimal("66.7"),
        "efficiency": Decimal("50.0"),
        "relevance": Decimal("66.7"),
        "contribution": Decimal("66.7"),
        "clarity": Decimal("66.7"),
        "meaning": Decimal("66.7"),
    }
    # (77.8 + 50.0 + 5 × 66.7) / 7 = 461.3 / 7 = 65.9
    assert assessment.overall == Decimal("65.9")
    assert assessment.world == "association"
    assert selectors.recommendations(assessment, selectors.assessment_results(assessment)) == []


def test_only_signed_in_people_and_member_organisations(evaluation):
    alliance = AllianceFactory()
    with pytest.raises(DomainError) as raised:
        assessment_submit(
            questionnaire=evaluation,
            answers=answers(evaluation, 1),
            profile="association",
            alliance=alliance,
        )
    assert str(raised.value) == str(SIGN_IN_REQUIRED)
    with pytest.raises(DomainError) as raised:
        assessment_submit(
            questionnaire=evaluation,
            answers=answers(evaluation, 1),
            profile="association",
            user=UserFactory(),
            organisation=OrganisationFactory(),
            alliance=alliance,
        )
    assert str(raised.value) == str(NOT_A_MEMBER)
    with pytest.raises(DomainError):
        assessment_submit(
            questionnaire=evaluation,
            answers=answers(evaluation, 1),
            profile="association",
            user=UserFactory(),
            alliance=AllianceFactory(submitted=True),
        )
    assert Assessment.objects.count() == 0


def _evaluate(questionnaire, alliance, user, level):
    return assessment_submit(
        questionnaire=questionnaire,
        answers=answers(questionnaire, level),
        profile="association",
        user=user,
        alliance=alliance,
    )


def test_aggregate_is_hidden_under_three_respondents_and_uses_each_latest(client, evaluation):
    alliance = AllianceFactory()
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    _evaluate(evaluation, alliance, first, 0)
    _evaluate(evaluation, alliance, first, 3)  # replaces the first answer of this person
    _evaluate(evaluation, alliance, second, 1)
    _evaluate(evaluation, AllianceFactory(), third, 0)  # another alliance
    result = selectors.alliance_evaluation(alliance)
    assert (result.respondents, result.angles, result.overall) == (2, [], None)
    page = client.get(alliance.get_absolute_url()).content.decode()
    assert "au moins 3 membres" in page
    assert "evaluation-caption" not in page

    _evaluate(evaluation, alliance, third, 2)
    result = selectors.alliance_evaluation(alliance)
    means = {angle.axis: angle.mean for angle in result.angles}
    # coherence: levels 3, 1, 2 → 100.0, 33.3, 66.7 → mean 66.7
    # performance: level 3 → 9/9 = 100.0; level 1 → objectives "No" (0), achievement not asked,
    #   delays 1 → 1/6 = 16.7; level 2 → 3 + 2 + 2 = 7/9 = 77.8 → mean 194.5 / 3 = 64.8
    assert result.respondents == 3
    assert means["coherence"] == Decimal("66.7")
    assert means["performance"] == Decimal("64.8")
    assert list(means) == ANGLES
    page = client.get(alliance.get_absolute_url()).content.decode()
    assert "evaluation-caption" in page and "<svg" in page
    assert "64,8" in page or "64.8" in page


@override_settings(KIT_EVALUATION_MINIMUM=1)
def test_the_web_form_records_a_members_evaluation(client, evaluation):
    alliance = AllianceFactory()
    member = MembershipFactory(alliance=alliance)
    url = reverse("web:alliance_evaluation", args=[alliance.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    user = UserFactory()
    client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    assert member.organisation.display_name in page.content.decode()
    data = {"profile": "company", "organisation": member.organisation.pk}
    for pk, value in answers(evaluation, 3).items():
        data[f"q_{pk}"] = value
    response = client.post(url, data)
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.alliance, assessment.user, assessment.organisation) == (
        alliance,
        user,
        member.organisation,
    )
    assert assessment.world == member.organisation.world
    # Every angle full except contribution: its effects are "not applicable" → SDG question 3/3.
    assert {score.score for score in assessment.scores.all()} == {Decimal("100.0")}
    response = client.post(url, {**data, "organisation": OrganisationFactory().pk})
    assert response.status_code == 400
    assert Assessment.objects.count() == 1


def test_the_api_submits_and_reads_the_aggregate(client, evaluation):
    alliance = AllianceFactory()
    url = f"/api/v1/alliances/{alliance.pk}/evaluation/"
    body = {
        "profile": "association",
        "answers": {
            "perf-objectifs": 2,
            "perf-atteinte": 3,
            "perf-delais": "na",
            "coh-membres": 4,
            "coh-territoire": 4,
            "eff-moyens": 1,
            "eff-mutualisation": [1, 2, 3, 4],
            "pert-besoin": 3,
            "pert-personnes": 3,
            "contrib-odd": 2,
            "contrib-effets": [5],
            "clar-roles": 1,
            "clar-decisions": 1,
            "clar-information": 1,
            "sens-partage": 4,
            "sens-engagement": 4,
        },
    }
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 401  # anonymous
    for _number in range(3):
        client.force_login(UserFactory())
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 201, response.json()
    scores = {row["axis"]: row["score"] for row in response.json()["scores"]}
    # performance: Yes (3) + achievement 2 of 3, delays n/a → 5/6 = 83.3
    # efficiency: 0 + min(4, 3) = 3 → 3/6 = 50.0; contribution: 1 + 0 → 1/6 = 16.7
    assert scores == {
        "performance": 83.3,
        "coherence": 100.0,
        "efficiency": 50.0,
        "relevance": 66.7,
        "contribution": 16.7,
        "clarity": 0.0,
        "meaning": 100.0,
    }
    aggregate = client.get(url).json()
    assert aggregate["respondents"] == 3
    assert {row["axis"]: row["mean"] for row in aggregate["angles"]} == scores
    bad = {**body, "answers": {**body["answers"], "perf-delais": [1, 2], "unknown": 1}}
    response = client.post(url, bad, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]["answers"]) == {"unknown"}
    bad = {**body, "answers": {**body["answers"], "perf-delais": [1, 2]}}
    response = client.post(url, bad, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]["answers"]) == {"perf-delais"}
