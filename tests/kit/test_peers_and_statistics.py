"""Peers share a world (organisation compass) or a kind of territory (territory compass); the
observatory's statistics keep means only for groups of at least ten."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from alliances.core.errors import DomainError
from alliances.kit import selectors
from alliances.kit.models import CompassStatistic
from alliances.kit.services.compass import TERRITORY_REQUIRED, assessment_submit
from alliances.kit.services.statistics import compass_statistics_refresh
from alliances.territories.models import Territory
from tests.kit.conftest import HAND_CASE, answers_by_code
from tests.registry.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _organisation_answers(questionnaire, level: int) -> dict:
    scores = {code: level if value != "na" else "na" for code, value in HAND_CASE.items()}
    scores.update({"gouv-partenariat": 3, "gouv-instance": level, "gouv-regles": level})
    return answers_by_code(questionnaire, scores)


def _submit(questionnaire, level, **context):
    context.setdefault("profile", "association")
    return assessment_submit(
        questionnaire=questionnaire, answers=_organisation_answers(questionnaire, level), **context
    )


def _territory_answers(questionnaire, level: int) -> dict:
    answers = {}
    for axis in questionnaire.axes.all():
        for question in axis.questions.all():
            options = sorted(question.options.all(), key=lambda option: option.score)
            answers[question.pk] = str(options[min(level, len(options) - 1)].pk)
    return answers


def test_world_comes_from_the_organisation_or_the_profile(organisation_compass):
    company = OrganisationFactory(company=True)
    assessment = _submit(organisation_compass, 2, organisation=company)
    assert assessment.world == "company"
    assert assessment.territory == company.commune  # recorded from the organisation
    assert _submit(organisation_compass, 2, profile="local_authority").world == "public"


def test_peers_are_the_same_world_and_hidden_under_ten(organisation_compass):
    mine = _submit(organisation_compass, 2)
    for _number in range(9):
        _submit(organisation_compass, 1)
    # Same profile field but another world through the organisation: not a peer.
    for _number in range(3):
        _submit(organisation_compass, 3, organisation=OrganisationFactory(company=True))
    results = selectors.assessment_results(mine)
    assert selectors.peer_comparison(mine, results) is None
    _submit(organisation_compass, 3)
    comparison = selectors.peer_comparison(mine, results)
    # Peers overall: nine at level 1 (33.3) and one at level 3 (100): mine (66.7) beats nine.
    assert (comparison.peers, comparison.overall_percentile) == (10, 90)


def test_territory_peers_share_the_kind_of_territory(territory_compass):
    with pytest.raises(DomainError) as raised:
        assessment_submit(
            questionnaire=territory_compass,
            answers=_territory_answers(territory_compass, 1),
            profile="local_authority",
        )
    assert str(raised.value) == str(TERRITORY_REQUIRED)
    communes = list(Territory.objects.filter(kind="commune").order_by("code")[:12])
    departement = Territory.objects.get(kind="departement", code="69")
    mine = assessment_submit(
        questionnaire=territory_compass,
        answers=_territory_answers(territory_compass, 2),
        profile="local_authority",
        territory=communes[0],
    )
    for commune in communes[1:10]:
        assessment_submit(
            questionnaire=territory_compass,
            answers=_territory_answers(territory_compass, 1),
            profile="catalyst",
            territory=commune,
        )
    for _number in range(5):  # another kind of territory: not peers of a commune
        assessment_submit(
            questionnaire=territory_compass,
            answers=_territory_answers(territory_compass, 0),
            profile="local_authority",
            territory=departement,
        )
    results = selectors.assessment_results(mine)
    assert selectors.peer_comparison(mine, results) is None  # 9 communes only
    assessment_submit(
        questionnaire=territory_compass,
        answers=_territory_answers(territory_compass, 3),
        profile="catalyst",
        territory=communes[10],
    )
    comparison = selectors.peer_comparison(mine, results)
    assert comparison.peers == 10
    assert comparison.overall_percentile == 90


def test_statistics_keep_means_only_for_groups_of_ten(client, organisation_compass):
    rhone = Territory.objects.get(kind="departement", code="69")
    ain = Territory.objects.get(kind="departement", code="01")
    for _number in range(6):
        _submit(organisation_compass, 1, territory=rhone)
    for _number in range(4):
        _submit(organisation_compass, 3, territory=ain)
    _submit(organisation_compass, 2, profile="company")  # no territory: France and world only
    call_command("refresh_insights", verbosity=0)
    region = rhone.region
    assert region == ain.region  # both in Auvergne-Rhône-Alpes

    def row(**filters):
        return CompassStatistic.objects.get(questionnaire="boussole-organisation", **filters)

    # Overall of one assessment: level 1 → five axes at 33.3 and governance (3 + 1 + 1) / 9 =
    # 55.6 → 222.1 / 6 = 37.0; level 3 → 100.0; level 2 → (5 × 66.7 + 77.8) / 6 = 68.55 → 68.6.
    # The région: (6 × 37.0 + 4 × 100.0) / 10 = 62.2 overall
    assert (row(territory=region, axis="").assessments, row(territory=region, axis="").mean) == (
        10,
        Decimal("62.2"),
    )
    # vision: (6 × 33.3 + 4 × 100.0) / 10 = 59.98 → 60.0
    assert row(territory=region, axis="vision").mean == Decimal("60.0")
    # A département under ten: the count, never a mean.
    assert (row(territory=rhone, axis="").assessments, row(territory=rhone, axis="").mean) == (
        6,
        None,
    )
    assert row(territory=None, world="association", axis="").assessments == 10
    assert row(territory=None, world="company", axis="").mean is None
    country = row(territory=None, world="", axis="")
    assert country.assessments == 11  # (622.0 + 68.6) / 11 = 62.78 → 62.8
    assert country.mean == Decimal("62.8")

    page = client.get(reverse("web:diagnostic", args=["region", region.code])).content.decode()
    assert "compass-statistics" in page and "60,0" in page
    page = client.get(reverse("web:diagnostic", args=["departement", "69"])).content.decode()
    assert "compass-statistics" in page and "60,0" not in page

    data = client.get(f"/api/v1/compass-statistics/region/{region.code}/").json()
    assert data[0]["rows"][0]["assessments"] == 10
    assert data[0]["rows"][0]["overall"] == 62.2
    assert data[0]["rows"][0]["axes"]["vision"] == 60.0
    data = client.get("/api/v1/compass-statistics/").json()
    labels = {row["label"]: row for row in data[0]["rows"]}
    assert labels["France"]["overall"] == 62.8
    assert client.get("/api/v1/compass-statistics/commune/01053/").status_code == 404


def test_statistics_count_a_signed_in_persons_latest_answer_only(organisation_compass):
    from tests.factories import UserFactory

    user = UserFactory()
    _submit(organisation_compass, 0, user=user)
    _submit(organisation_compass, 3, user=user)
    assert compass_statistics_refresh() > 0
    overall = CompassStatistic.objects.get(territory=None, world="", axis="")
    assert overall.assessments == 1


def test_the_form_records_organisation_and_territory(
    client, territory_compass, organisation_compass
):
    url = reverse("web:compass_answer", args=[territory_compass.slug])
    data = {"profile": "local_authority"} | {
        f"q_{pk}": value for pk, value in _territory_answers(territory_compass, 2).items()
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    response = client.post(url, {**data, "territory_kind": "departement", "territory_code": "99"})
    assert response.status_code == 400
    assert "Aucun territoire de ce type" in response.content.decode()
    response = client.post(url, {**data, "territory_kind": "departement", "territory_code": "69"})
    assert response.status_code == 302
    assessment = territory_compass.assessments.get()
    assert (assessment.territory.code, assessment.world) == ("69", "public")

    organisation = OrganisationFactory(company=True, rna_id="W691000001")
    data = {"profile": "association", "organisation": "w691000001"} | {
        f"q_{pk}": value for pk, value in _organisation_answers(organisation_compass, 1).items()
    }
    response = client.post(reverse("web:compass_answer", args=[organisation_compass.slug]), data)
    assert response.status_code == 302
    assessment = organisation_compass.assessments.get()
    assert (assessment.organisation, assessment.world) == (organisation, "company")
    assert assessment.territory == organisation.commune
