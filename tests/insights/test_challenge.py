"""Partners for a challenge (a goal or target in a territory), on a hand-made registry of Ain
whose right answer is worked out by hand below."""

import pytest
from django.urls import reverse
from django.utils import translation

from alliances.insights.challenge import Place, challenge_suggestions
from alliances.insights.services.refresh import insights_refresh
from alliances.registry.enums import OrganisationStatus, World
from alliances.sdg.models import Goal, Target
from alliances.territories.models import Territory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)


def org(name, world, place="01053", goals=(), **fields):
    organisation = OrganisationFactory(name=name, world=world, commune=commune(place), **fields)
    organisation.goals.set(Goal.objects.filter(number__in=goals))
    return organisation


@pytest.fixture
def climate(db):
    """Goal 13 around Bourg-en-Bresse (01053); Oyonnax (01283) is elsewhere in the Ain."""
    engaged = org("Association climat", World.ASSOCIATION, goals=(13,), waldec_theme="024")
    company = org("Énergies locales", World.COMPANY, naf="35.11Z")
    alliance = AllianceFactory(territories=[commune("01053")])
    alliance.goals.set([Goal.objects.get(number=13)])
    alliance.targets.set([Target.objects.get(code="13.3")])
    MembershipFactory(alliance=alliance, organisation=engaged)
    MembershipFactory(alliance=alliance, organisation=company)
    people = {
        "engaged": engaged,
        "company": company,
        "town_hall": org("Mairie de Bourg", World.PUBLIC, goals=(13,)),
        "lab": org("Laboratoire d'Oyonnax", World.ACADEMIC, "01283", goals=(13,)),
        "nature": org("Amis de la nature", World.ASSOCIATION, waldec_theme="024"),
        # Never suggested:
        "sports": org("Union sportive", World.ASSOCIATION, waldec_theme="011"),
        "dissolved": org(
            "Société dissoute", World.COMPANY, goals=(13,), status=OrganisationStatus.DISSOLVED
        ),
        "closed": org("Fondation fermée", World.FOUNDATION, goals=(13,), status="closed"),
        "lyon": org("Fondation lyonnaise", World.FOUNDATION, "69123", goals=(13,)),
        "other_goal": org("Collectif vélo", World.CITIZEN, goals=(11,)),
    }
    CatalystFactory(person_name="Camille Catalyse", territories=[commune("01053")])
    insights_refresh()
    return people


def names(challenge):
    return [s.organisation.name for s in challenge.suggestions]


def test_ranked_from_every_world_with_reasons(climate):
    goal, bourg = Goal.objects.get(number=13), commune("01053")
    with translation.override("en"):
        challenge = challenge_suggestions(goal, bourg)
    # engaged: declared 3 + goal alliance 2 + activity 1 + inside 2 + allied with a company 1
    #          + catalyst 1 = 10
    # town hall: 3 + 2 + public world not yet engaged 2 + catalyst 1 = 8
    # company: alliance 2 + NAF 35 1 + inside 2 + allied with an association 1 + catalyst 1 = 7
    # lab: 3 + same département 1 + academia not yet engaged 2 = 6 (no catalyst in Oyonnax)
    # nature: theme 024 1 + inside 2 + catalyst 1 = 4
    assert names(challenge) == [
        "Association climat",
        "Mairie de Bourg",
        "Énergies locales",
        "Laboratoire d'Oyonnax",
        "Amis de la nature",
    ]
    assert [s.score for s in challenge.suggestions] == [10, 8, 7, 6, 4]
    engaged, town_hall, company, lab, nature = challenge.suggestions
    assert engaged.reasons == [
        "Works on SDG 13.",
        "Member of 1 published alliance(s) on SDG 13.",
        "Its activity serves SDG 13: environment, living environment.",
        "Located in Bourg-en-Bresse.",
        "Already allied with 1 organisation(s) of other worlds.",
        "A territorial catalyst serves its area: Camille Catalyse.",
    ]
    assert town_hall.missing_world and not engaged.missing_world
    assert (
        "Brings a world not yet in an alliance on SDG 13 here: local authority or public body."
        in town_hall.reasons
    )
    assert company.activity == "35" and company.other_world_partners == 1
    assert lab.place == Place.DEPARTEMENT and lab.catalyst is None
    assert "Located in the same département." in lab.reasons
    assert nature.declares_goal is False and nature.activity
    assert challenge.worlds_engaged == ["association", "company"]
    assert [c.name for c in challenge.catalysts] == ["Camille Catalyse"]


def test_a_target_rewards_alliances_on_that_target(climate):
    goal, bourg = Goal.objects.get(number=13), commune("01053")
    challenge = challenge_suggestions(goal, bourg, target=Target.objects.get(code="13.3"))
    scores = {s.organisation.name: s.score for s in challenge.suggestions}
    # An alliance on the target is worth 3 instead of 2.
    assert scores["Association climat"] == 11 and scores["Énergies locales"] == 8
    with pytest.raises(ValueError):
        challenge_suggestions(goal, bourg, target=Target.objects.get(code="1.1"))


def test_an_alliance_on_one_of_the_goal_s_targets_counts_for_the_goal(climate):
    on_target = AllianceFactory(territories=[commune("01283")])
    on_target.targets.set([Target.objects.get(code="13.2")])  # no goal ticked, a target only
    MembershipFactory(alliance=on_target, organisation=climate["lab"])
    challenge = challenge_suggestions(Goal.objects.get(number=13), commune("01053"))
    lab = next(s for s in challenge.suggestions if s.organisation == climate["lab"])
    assert lab.goal_alliances == 1 and lab.score == 6 + 2


def test_inactive_far_and_unrelated_organisations_are_never_suggested(climate):
    goal = Goal.objects.get(number=13)
    for territory in (commune("01053"), Territory.objects.get(kind="departement", code="01")):
        found = set(names(challenge_suggestions(goal, territory)))
        assert not found & {
            "Union sportive",
            "Société dissoute",
            "Fondation fermée",
            "Fondation lyonnaise",
            "Collectif vélo",
        }
    # A département has no wider area: Oyonnax is inside it.
    ain = challenge_suggestions(goal, Territory.objects.get(kind="departement", code="01"))
    assert {s.place for s in ain.suggestions} == {Place.INSIDE}
    # Deterministic: the same registry gives the same list.
    first, second = (challenge_suggestions(goal, commune("01053")) for _ in range(2))
    assert [(s.organisation.pk, s.score) for s in first.suggestions] == [
        (s.organisation.pk, s.score) for s in second.suggestions
    ]


def test_challenge_page_form_and_results(client, climate):
    url = reverse("web:challenge")
    assert url == "/partenaires/defi/"
    empty = client.get(url)
    assert empty.status_code == 200 and 'name="goal"' in empty.content.decode()
    response = client.get(url, {"goal": "13", "target": "", "kind": "commune", "code": "01053"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert html.index("Association climat") < html.index("Mairie de Bourg")
    assert "Société dissoute" not in html and "Camille Catalyse" in html
    bad = client.get(url, {"goal": "13", "target": "1.1", "kind": "commune", "code": "99999"})
    bad_html = bad.content.decode()
    assert bad.status_code == 200 and 'role="alert"' in bad_html
    assert 'id="id_code-error"' in bad_html


def test_challenge_api(client, climate):
    url = reverse("api:challenge-partners", kwargs={"kind": "commune", "code": "01053"})
    response = client.get(url, {"goal": 13, "target": "13.3", "limit": 2})
    assert response.status_code == 200
    data = response.json()
    assert (data["goal"], data["target"], data["territory"]["code"]) == (13, "13.3", "01053")
    # With the target, the company (8) ties with the town hall (8): by name, "Énergies" first.
    assert [row["name"] for row in data["suggestions"]] == [
        "Association climat",
        "Énergies locales",
    ]
    first = data["suggestions"][0]
    assert first["score"] == 11 and first["target_alliances"] == 1 and first["reasons"]
    assert first["catalyst"]["name"] == "Camille Catalyse"
    without_target = client.get(url, {"goal": 13}).json()
    assert without_target["target"] is None and len(without_target["suggestions"]) == 5
    assert client.get(url, {"goal": 18}).status_code == 400
    assert client.get(url, {"goal": 13, "target": "1.1"}).status_code == 400
    assert client.get(url).status_code == 400
    missing = reverse("api:challenge-partners", kwargs={"kind": "commune", "code": "99999"})
    assert client.get(missing, {"goal": 13}).status_code == 404
