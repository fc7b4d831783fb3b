"""Partner suggestions on a hand-made neighbourhood of Bourg-en-Bresse: the answer is known."""

import pytest
from django.utils import translation

from alliances.insights.suggestions import Proximity, partner_suggestions
from alliances.registry.enums import OrganisationStatus, Publication, World
from alliances.sdg.models import Goal
from alliances.territories.models import Territory
from tests.registry.factories import (
    AllianceFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)


def org(name: str, world: str, place: str = "01053", goals=(), **fields):
    organisation = OrganisationFactory(name=name, world=world, commune=commune(place), **fields)
    organisation.goals.set(Goal.objects.filter(number__in=goals))
    return organisation


def ally(*members, publication=Publication.PUBLISHED):
    alliance = AllianceFactory(publication=publication)
    for member in members:
        MembershipFactory(alliance=alliance, organisation=member)
    return alliance


@pytest.fixture
def neighbourhood(db):
    me = org("Les Jardins partagés", World.ASSOCIATION, goals=(1, 13))
    partner = org("Boulangerie du centre", World.COMPANY, goals=(1,))
    ally(me, partner)
    places = {
        "neighbour_company": org("Entreprise voisine", World.COMPANY, goals=(1,)),
        "town_hall": org("Mairie de Bourg", World.PUBLIC, goals=(1, 13)),
        "lab": org("Laboratoire de l'Ain", World.ACADEMIC, goals=(1,)),
        "oyonnax_lab": org("Institut d'Oyonnax", World.ACADEMIC, "01283", goals=(13,)),
        # Never suggested:
        "same_world": org("Autre association", World.ASSOCIATION, goals=(1,)),
        "dissolved": org(
            "Société dissoute", World.COMPANY, goals=(1,), status=OrganisationStatus.DISSOLVED
        ),
        "lyon": org("Société lyonnaise", World.COMPANY, "69123", goals=(1,)),
        "allied_in_draft": org("Fondation amie", World.FOUNDATION, goals=(1,)),
        "other_goal": org("Collectif vélo", World.CITIZEN, goals=(11,)),
    }
    ally(me, places["allied_in_draft"], publication=Publication.DRAFT)
    # The neighbour company is a partner of my partner; the lab is three ties away.
    ally(partner, places["neighbour_company"])
    middle = org("Intermédiaire", World.OTHER)
    ally(partner, middle)
    ally(middle, places["lab"])
    return {"me": me, "partner": partner, **places}


def test_ranked_with_reasons(neighbourhood):
    with translation.override("en"):
        suggestions = partner_suggestions(neighbourhood["me"])
    names = [s.organisation.name for s in suggestions]
    # town hall: 2 goals (6) + commune (2) + new world (1) = 9; neighbour company: 3 + 2 + partner
    # of a partner (2) = 7; lab: 3 + 2 + three ties (1) + new world (1) = 7; Oyonnax: 3 + 1 + 1.
    assert names == [
        "Mairie de Bourg",
        "Entreprise voisine",
        "Laboratoire de l'Ain",
        "Institut d'Oyonnax",
    ]
    assert [s.score for s in suggestions] == [9, 7, 7, 5]
    town_hall, company, lab, oyonnax = suggestions
    assert [goal.number for goal in town_hall.shared_goals] == [1, 13]
    assert town_hall.reasons[0] == "Works on the same goals: SDG 1, 13."
    assert "In the same commune." in town_hall.reasons
    assert town_hall.new_world and not company.new_world
    assert (company.distance, company.via) == (2, neighbourhood["partner"])
    assert "Already a partner of its partner Boulangerie du centre." in company.reasons
    assert lab.distance == 3 and "Three ties away in the alliance network." in lab.reasons
    assert oyonnax.proximity == Proximity.DEPARTEMENT
    assert "In the same département." in oyonnax.reasons
    assert oyonnax.reasons[-1].startswith("Brings a world none of its partners has yet")


def test_departement_only_when_the_commune_has_too_few(neighbourhood):
    suggestions = partner_suggestions(neighbourhood["me"], limit=2)
    assert [s.organisation.name for s in suggestions] == ["Mairie de Bourg", "Entreprise voisine"]
    assert {s.proximity for s in suggestions} == {Proximity.COMMUNE}


def test_nothing_for_dissolved_or_goalless_organisations(neighbourhood):
    assert partner_suggestions(neighbourhood["dissolved"]) == []
    assert partner_suggestions(org("Sans objectif", World.COMPANY)) == []
    homeless = OrganisationFactory(name="Sans commune", world=World.COMPANY, commune=None)
    homeless.goals.set(Goal.objects.filter(number=1))
    assert partner_suggestions(homeless) == []


def test_arrondissement_counts_in_its_commune(db):
    arrondissements = Territory.objects.filter(kind="arrondissement")
    me = OrganisationFactory(name="Asso du 3e", commune=arrondissements.get(code="69383"))
    me.goals.set(Goal.objects.filter(number=4))
    other = OrganisationFactory(
        name="Société du 7e", world=World.COMPANY, commune=arrondissements.get(code="69387")
    )
    other.goals.set(Goal.objects.filter(number=4))
    [suggestion] = partner_suggestions(me)
    assert (suggestion.organisation, suggestion.proximity) == (other, Proximity.COMMUNE)


def test_organisation_page_shows_suggestions_with_reasons(
    client, neighbourhood, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client.get(neighbourhood["me"].get_absolute_url())
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Partenaires possibles" in html
    assert html.index("Mairie de Bourg") < html.index("Entreprise voisine")
    assert "Déjà partenaire de son partenaire Boulangerie du centre." in html
    assert "9 points" in html
    # A company with no goal gets no section at all.
    lonely = client.get(org("Sans objectif", World.COMPANY).get_absolute_url())
    assert "Partenaires possibles" not in lonely.content.decode()
