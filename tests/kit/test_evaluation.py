"""The partnership evaluation of an alliance: answered by the people of its member
organisations, for their organisation, aggregated per alliance (mean per angle), shown only from
three respondents."""

from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from alliances.accounts.models import OrganisationMembership
from alliances.core.errors import DomainError
from alliances.kit import selectors
from alliances.kit.models import Assessment, Questionnaire
from alliances.kit.services.compass import (
    MEMBERS_ONLY,
    NOT_A_MEMBER,
    NOT_YOUR_ORGANISATION,
    ORGANISATION_REQUIRED,
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


def member_of(organisation, user=None, role="member"):
    """A person belonging to `organisation` (a new one unless given)."""
    user = user or UserFactory()
    OrganisationMembership.objects.create(user=user, organisation=organisation, role=role)
    return user


def alliance_member(alliance):
    """A person of a new member organisation of `alliance`."""
    return member_of(MembershipFactory(alliance=alliance).organisation)


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
        user=member_of(member.organisation),
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


def test_only_people_of_member_organisations_for_their_organisation(evaluation):
    alliance = AllianceFactory()
    member = MembershipFactory(alliance=alliance)
    outsider_organisation = OrganisationFactory()

    def refused(**context):
        with pytest.raises(DomainError) as raised:
            assessment_submit(
                questionnaire=evaluation,
                answers=answers(evaluation, 1),
                profile="association",
                **{"alliance": alliance, **context},
            )
        return str(raised.value)

    assert refused() == str(SIGN_IN_REQUIRED)
    # A signed-in person who belongs to no member organisation.
    assert refused(user=UserFactory()) == str(MEMBERS_ONLY)
    assert refused(user=member_of(outsider_organisation)) == str(MEMBERS_ONLY)
    # An organisation that is not a member of the alliance, even one's own.
    assert refused(user=member_of(outsider_organisation), organisation=outsider_organisation) == (
        str(NOT_A_MEMBER)
    )
    # A member organisation the person does not belong to.
    assert refused(user=UserFactory(), organisation=member.organisation) == str(
        NOT_YOUR_ORGANISATION
    )
    # Someone in two member organisations says which one they answer for.
    both = member_of(member.organisation)
    member_of(MembershipFactory(alliance=alliance).organisation, user=both)
    assert refused(user=both) == str(ORGANISATION_REQUIRED)
    # An unpublished alliance.
    assert refused(user=both, alliance=AllianceFactory(submitted=True)) != ""
    assert Assessment.objects.count() == 0

    # Belonging to one member organisation only: it is the one answered for.
    person = member_of(member.organisation, role="admin")
    assessment = assessment_submit(
        questionnaire=evaluation,
        answers=answers(evaluation, 1),
        profile="association",
        user=person,
        alliance=alliance,
    )
    assert (assessment.user, assessment.organisation) == (person, member.organisation)
    assert assessment.world == member.organisation.world


def _evaluate(questionnaire, alliance, user, level):
    return assessment_submit(
        questionnaire=questionnaire,
        answers=answers(questionnaire, level),
        profile="association",
        user=user,
        alliance=alliance,
    )


def test_aggregate_is_hidden_under_three_respondents_and_uses_each_latest(client, evaluation):
    alliance, other = AllianceFactory(), AllianceFactory()
    first, second, third = (alliance_member(alliance) for _number in range(3))
    _evaluate(evaluation, alliance, first, 0)
    _evaluate(evaluation, alliance, first, 3)  # replaces the first answer of this person
    _evaluate(evaluation, alliance, second, 1)
    member_of(MembershipFactory(alliance=other).organisation, user=third)
    _evaluate(evaluation, other, third, 0)  # another alliance
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
    member, other_member = (MembershipFactory(alliance=alliance) for _number in range(2))
    url = reverse("web:alliance_evaluation", args=[alliance.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/compte/login/" in response["Location"]

    # Signed in but in no member organisation: no button on the page, refused with the reason.
    client.force_login(UserFactory())
    page = client.get(alliance.get_absolute_url()).content.decode()
    assert url not in page and "organisations membres" in page
    response = client.get(url)
    assert response.status_code == 403
    assert "organisations membres de l’alliance" in response.content.decode().replace("'", "’")

    user = member_of(member.organisation)
    client.force_login(user)
    assert url in client.get(alliance.get_absolute_url()).content.decode()
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    # Only the person's own member organisation is offered.
    assert list(form.fields["organisation"].queryset) == [member.organisation]
    data = {"profile": "company", "organisation": member.organisation.pk}
    for pk, value in answers(evaluation, 3).items():
        data[f"q_{pk}"] = value
    response = client.post(url, {**data, "organisation": other_member.organisation.pk})
    assert response.status_code == 400
    assert not Assessment.objects.exists()
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
    client.force_login(UserFactory())
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 403  # in no member organisation
    assert "organisations membres" in response.json()["message"]
    assert not Assessment.objects.exists()
    members = [alliance_member(alliance) for _number in range(3)]
    for person in members:
        client.force_login(person)
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 201, response.json()
    assert set(Assessment.objects.values_list("user", "organisation")) == {
        (person.pk, person.organisation_memberships.get().organisation_id) for person in members
    }
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
