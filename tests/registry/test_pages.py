"""Registry pages: search, facets, records, the public forms and the moderation queue."""

import pytest

from alliances.registry.enums import CorrectionStatus, MembershipRole, Publication, World
from alliances.registry.models import Alliance, CorrectionRequest, Organisation, PublicationEvent
from alliances.registry.services.demo import registry_demo_load
from tests.factories import UserFactory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return response, html


def test_search_is_accent_and_case_insensitive(client):
    OrganisationFactory(name="Fédération des Œuvres laïques")
    OrganisationFactory(name="Club de tennis")
    AllianceFactory(title="Alliance de la Fédération")
    _response, html = html_of(client, "/registre/?q=FEDERATION")
    assert "Fédération des Œuvres laïques" in html
    assert "Alliance de la Fédération" in html
    assert "Club de tennis" not in html
    assert "1 acteur" in html and "1 alliance" in html


def test_organisation_list_has_facets_with_counts_and_filters(
    client, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(3)
    OrganisationFactory(company=True)
    OrganisationFactory(name="Dissoute", status="dissolved")
    OrganisationFactory(name="Radiée", status="deleted")
    with django_assert_max_num_queries(12):
        response, html = html_of(client, "/organisations/")
    facets = {facet.param: facet for facet in response.context["facets"]}
    assert [(v.value, v.count) for v in facets["world"].values] == [
        ("association", 4),
        ("company", 1),
    ]
    assert [(v.label, v.count) for v in facets["departement"].values] == [("Ain", 5)]
    assert "Radiée" not in html
    response, html = html_of(client, "/organisations/?world=company")
    assert response.context["page"].paginator.count == 1
    assert 'aria-current="true"' in html


def test_alliance_list_shows_published_only_with_region_facet(
    client, django_assert_max_num_queries
):
    registry_demo_load()
    AllianceFactory(title="Proposition en attente", submitted=True)
    with django_assert_max_num_queries(14):
        response, html = html_of(client, "/alliances/")
    assert response.context["page"].paginator.count == 20
    assert "Proposition en attente" not in html
    regions = {f.param: f for f in response.context["facets"]}["region"]
    counts = {v.label: v.count for v in regions.values}
    assert (
        counts["Auvergne-Rhône-Alpes"] == 7
    )  # Lyon, Villeurbanne, Rhône, Bresse, Ain, Clermont, network
    response, _html = html_of(client, "/alliances/?region=84")
    assert response.context["page"].paginator.count == 7
    response, _html = html_of(client, "/alliances/?goal=14&type=sponsorship")
    assert {a.title for a in response.context["page"]} == {
        "Calanques propres",
        "Littoral corse vivant",
    }


def test_alliance_page_groups_members_by_world_and_role(client):
    registry_demo_load()
    alliance = Alliance.objects.get(title="Inclusion numérique à Lille")
    response, html = html_of(client, alliance.get_absolute_url())
    groups = [(g.world, [m.role for m in g.memberships]) for g in response.context["member_groups"]]
    assert groups == [
        (World.ASSOCIATION, [MembershipRole.LEAD]),
        (World.PUBLIC, [MembershipRole.PARTNER]),
        (World.FOUNDATION, [MembershipRole.FUNDER]),
        (World.ACADEMIC, [MembershipRole.EVALUATOR]),
    ]
    assert 'href="/territoires/commune/59350/">Lille</a>' in html
    assert f'href="/signaler/alliance/{alliance.pk}/"' in html
    _response, html = html_of(client, "/en" + alliance.get_absolute_url())
    assert "Members" in html and "Report a correction" in html


def test_unpublished_alliance_is_hidden_from_the_public(client, admin_client):
    alliance = AllianceFactory(submitted=True)
    html_of(client, alliance.get_absolute_url(), status=404)
    _response, html = html_of(admin_client, alliance.get_absolute_url())
    assert "soumise à modération" in html


def test_organisation_page_shows_identifiers_and_alliances(client):
    membership = MembershipFactory(
        organisation=OrganisationFactory(siren="732829320", rna_id="W012000001")
    )
    _response, html = html_of(client, membership.organisation.get_absolute_url())
    assert "732829320" in html and "W012000001" in html
    assert membership.alliance.title in html
    assert "Signaler une correction" in html


def test_catalyst_directory_filters_by_territory(client):
    CatalystFactory(person_name="Camille Ain")
    _response, html = html_of(client, "/catalyseurs/?q=ain")
    assert "Camille Ain" in html
    _response, html = html_of(client, "/catalyseurs/?q=bretagne")
    assert "Camille Ain" not in html


def submission(**overrides):
    data = {
        "title": "Cantine durable",
        "summary": "Une commune et des producteurs.",
        "alliance_type": "purchasing",
        "departement": "",
        "commune_code": "01053",
        "goals": [],
        "contact_email": "porteur@example.org",
        "member_0_name": "Fédération des Œuvres laïques",
        "member_0_identifier": "W012000001",
        "member_0_world": "association",
        "member_0_role": "lead",
        "member_1_name": "Ville",
        "member_1_identifier": "210 100 533",
        "member_1_world": "public",
        "member_1_role": "partner",
    }
    return data | overrides


def test_public_submission_goes_to_moderation_then_is_published(client, admin_client):
    from alliances.territories.models import Territory

    ain = Territory.objects.get(kind="departement", code="01")
    existing = OrganisationFactory(rna_id="W012000001")
    response = client.post("/alliances/proposer/", submission(departement=ain.pk))
    assert response.status_code == 302
    alliance = Alliance.objects.get(title="Cantine durable")
    assert alliance.publication == Publication.SUBMITTED
    assert set(alliance.memberships.values_list("organisation__rna_id", flat=True)) == {
        "W012000001",
        None,
    }
    assert alliance.memberships.filter(organisation=existing).exists()
    assert Organisation.objects.get(siren="210100533").source == "form"
    assert [t.code for t in alliance.territories.all()] == ["01053"]
    _response, html = html_of(admin_client, "/moderation/")
    assert "Cantine durable" in html
    admin_client.post(f"/moderation/alliances/{alliance.pk}/", {"to": "published"})
    alliance.refresh_from_db()
    assert alliance.publication == Publication.PUBLISHED
    assert alliance.published_at is not None
    events = list(PublicationEvent.objects.filter(alliance=alliance).order_by("at", "pk"))
    assert [(e.from_state, e.to_state) for e in events] == [
        ("", "submitted"),
        ("submitted", "published"),
    ]
    assert events[1].by.is_staff


def test_invalid_identifiers_are_refused_in_the_form(client):
    from alliances.territories.models import Territory

    ain = Territory.objects.get(kind="departement", code="01")
    response = client.post(
        "/alliances/proposer/",
        submission(departement=ain.pk, member_1_identifier="123456789"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "« 123456789 » n’est ni un SIREN valide" in html or "123456789" in html
    assert response.context["form"].errors["member_1_identifier"]
    assert not Alliance.objects.exists()


def test_forbidden_transitions_are_refused():
    from alliances.core.errors import DomainError
    from alliances.registry.services.alliances import alliance_transition

    staff = UserFactory(staff=True)
    alliance = AllianceFactory(publication=Publication.DRAFT)
    with pytest.raises(DomainError):
        alliance_transition(alliance=alliance, to_state=Publication.ARCHIVED, by=staff)
    alliance_transition(alliance=alliance, to_state=Publication.PUBLISHED, by=staff)
    alliance_transition(alliance=alliance, to_state=Publication.ARCHIVED, by=staff)
    with pytest.raises(DomainError):
        alliance_transition(alliance=alliance, to_state=Publication.SUBMITTED, by=staff)


def test_correction_reports_reach_the_moderated_queue(client, admin_client):
    organisation = OrganisationFactory(name="Club à corriger")
    response = client.post(
        f"/signaler/organisation/{organisation.pk}/", {"message": "Le club a déménagé."}
    )
    assert response.status_code == 302
    correction = CorrectionRequest.objects.get()
    assert (correction.organisation, correction.status) == (organisation, CorrectionStatus.OPEN)
    _response, html = html_of(admin_client, "/moderation/")
    assert "Le club a déménagé." in html
    admin_client.post(f"/moderation/corrections/{correction.pk}/", {"status": "accepted"})
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.ACCEPTED and correction.handled_by is not None


def test_moderation_is_for_staff_only(client):
    alliance = AllianceFactory(submitted=True)
    assert client.get("/moderation/").status_code == 403
    client.force_login(UserFactory())
    assert (
        client.post(f"/moderation/alliances/{alliance.pk}/", {"to": "published"}).status_code == 403
    )
    alliance.refresh_from_db()
    assert alliance.publication == Publication.SUBMITTED


def test_demo_load_is_idempotent():
    assert registry_demo_load() == (36, 20)
    assert registry_demo_load() == (36, 20)
    assert Organisation.objects.filter(is_demo=True).count() == 36
    assert Alliance.objects.filter(is_demo=True).count() == 20
    assert set(Organisation.objects.values_list("world", flat=True)) >= {
        "association",
        "company",
        "public",
        "foundation",
        "academic",
        "citizen",
    }
