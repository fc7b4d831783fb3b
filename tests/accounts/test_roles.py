"""Roles as data: grants are audited, scopes follow organisations and territories, and the
pages that use them (organisation record and people, moderation queue, account page)."""

import pytest
from django.test import RequestFactory

from alliances.accounts import role_changes, roles
from alliances.accounts.admin import UserAdmin
from alliances.accounts.models import (
    CatalystAssignment,
    OrganisationMembership,
    PlatformRole,
    User,
)
from alliances.accounts.personal_data import account_delete
from alliances.audit.models import AuditAction, AuditEvent
from alliances.core.errors import DomainError
from alliances.mobilisation import perms as mobilisation_perms
from alliances.mobilisation.models import Contribution
from alliances.registry import perms as registry_perms
from alliances.registry.enums import Publication
from alliances.territories.models import Territory
from tests.factories import UserFactory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def territory(kind, code):
    return Territory.objects.get(kind=kind, code=code)


def fresh(user):
    return User.objects.get(pk=user.pk)


def role_events(user):
    return AuditEvent.objects.filter(
        action=AuditAction.ROLE_CHANGE, object_type="accounts.User", object_id=str(user.pk)
    )


def test_organisation_roles_are_granted_changed_and_withdrawn_with_an_audit_trail():
    organisation = OrganisationFactory()
    admin, person = UserFactory(), UserFactory()
    granter = UserFactory(platform_role=PlatformRole.MODERATOR)
    role_changes.organisation_member_set(
        organisation=organisation, user=admin, role="admin", by=granter
    )
    membership = role_changes.organisation_member_set(
        organisation=organisation, user=person, role="member", by=admin
    )
    assert roles.is_organisation_member(fresh(person), organisation)
    assert not roles.is_organisation_admin(fresh(person), organisation)
    role_changes.organisation_member_set(
        organisation=organisation, user=person, role="admin", by=admin
    )
    assert roles.is_organisation_admin(fresh(person), organisation)
    event = role_events(person).order_by("at", "pk").last()
    assert event.actor == admin
    assert event.detail == {
        "scope": "organisation",
        "organisation": organisation.pk,
        "previous": "member",
        "role": "admin",
    }
    membership.refresh_from_db()
    role_changes.organisation_member_remove(membership=membership, by=admin)
    assert not roles.is_organisation_member(fresh(person), organisation)
    assert role_events(person).count() == 3


def test_an_organisation_keeps_at_least_one_administrator():
    organisation = OrganisationFactory()
    admin = UserFactory()
    membership = role_changes.organisation_member_set(
        organisation=organisation, user=admin, role="admin", by=admin
    )
    with pytest.raises(DomainError, match="au moins un administrateur"):
        role_changes.organisation_member_remove(membership=membership, by=admin)
    with pytest.raises(DomainError, match="au moins un administrateur"):
        role_changes.organisation_member_set(
            organisation=organisation, user=admin, role="member", by=admin
        )
    assert OrganisationMembership.objects.get(pk=membership.pk).role == "admin"


def test_platform_role_changes_in_the_admin_site_are_audited():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    request = RequestFactory().post("/admin/")
    request.user = superuser
    person.platform_role = PlatformRole.MODERATOR
    UserAdmin(User, None).save_model(request, person, form=None, change=True)
    event = role_events(person).get()
    assert event.actor == superuser
    assert event.detail["changed"] == {"platform_role": ["contributor", "moderator"]}
    assert roles.is_moderator(fresh(person))


def test_a_catalyst_serves_their_territories_and_every_place_inside():
    ain, gironde = territory("departement", "01"), territory("departement", "33")
    bourg = territory("commune", "01053")
    user = UserFactory()
    role_changes.catalyst_assign(user=user, territory=ain, by=None)
    user = fresh(user)
    assert roles.is_catalyst(user)
    assert roles.serves_territory(user, bourg) and roles.serves_territory(user, ain)
    assert not roles.serves_territory(user, gironde)
    assert not roles.serves_territory(user, territory("region", ain.region.code))
    in_ain = AllianceFactory(publication=Publication.SUBMITTED, territories=[bourg])
    elsewhere = AllianceFactory(
        publication=Publication.SUBMITTED, territories=[territory("commune", "33063")]
    )
    assert registry_perms.can_moderate(user, in_ain)
    assert registry_perms.can_view_alliance(user, in_ain)
    assert not registry_perms.can_moderate(user, elsewhere)
    assert not registry_perms.can_view_alliance(user, elsewhere)
    assert not registry_perms.can_merge(user) and not registry_perms.can_import(user)
    contribution = Contribution.objects.create(target=in_ain, author=UserFactory(), body="Idée")
    other = Contribution.objects.create(target=elsewhere, author=UserFactory(), body="Idée")
    assert mobilisation_perms.can_moderate(user, contribution)
    assert not mobilisation_perms.can_moderate(user, other)
    assert role_events(user).get().detail["scope"] == "catalyst"


def test_a_person_linked_to_a_catalyst_record_serves_its_territories():
    catalyst = CatalystFactory(territories=[territory("region", "84")])  # Auvergne-Rhône-Alpes
    user = UserFactory()
    CatalystAssignment.objects.create(user=user, catalyst=catalyst)
    assert roles.serves_territory(fresh(user), territory("commune", "01053"))
    catalyst.is_active = False
    catalyst.save()
    assert not roles.is_catalyst(fresh(user))


def test_organisation_administrators_edit_their_alliances_drafts_only():
    organisation = OrganisationFactory()
    admin, member = UserFactory(), UserFactory()
    OrganisationMembership.objects.create(user=admin, organisation=organisation, role="admin")
    OrganisationMembership.objects.create(user=member, organisation=organisation, role="member")
    draft = AllianceFactory(publication=Publication.DRAFT)
    MembershipFactory(alliance=draft, organisation=organisation)
    published = AllianceFactory()
    MembershipFactory(alliance=published, organisation=organisation)
    other_draft = AllianceFactory(publication=Publication.DRAFT)
    admin, member = fresh(admin), fresh(member)
    assert registry_perms.can_edit_alliance(admin, draft)
    assert not registry_perms.can_edit_alliance(admin, published)
    assert not registry_perms.can_edit_alliance(admin, other_draft)
    assert registry_perms.can_view_alliance(member, draft)
    assert not registry_perms.can_edit_alliance(member, draft)
    assert not registry_perms.can_view_alliance(member, other_draft)
    assert registry_perms.can_edit_organisation(admin, organisation)
    assert not registry_perms.can_edit_organisation(member, organisation)


def _organisation_admin(client, organisation):
    user = UserFactory()
    OrganisationMembership.objects.create(user=user, organisation=organisation, role="admin")
    client.force_login(user)
    return user


def test_an_organisation_administrator_edits_the_record_with_checked_identifiers(client):
    organisation = OrganisationFactory(name="Les Jardins partagés")
    OrganisationFactory(name="Autre", siren="552100554")
    admin = _organisation_admin(client, organisation)
    url = f"/organisations/{organisation.pk}/modifier/"
    form = {"name": "Les Jardins partagés de Bourg", "world": "association", "website": ""}
    for field, value, message in [
        ("website", "javascript:alert(1)", "http:// ou https://"),
        ("siren", "123456789", "SIREN"),
        ("siren", "552 100 554", "existe déjà"),
        ("rna_id", "X123", "RNA"),
    ]:
        response = client.post(url, {**form, field: value})
        assert response.status_code == 400, (field, value)
        assert message in response.content.decode(), (field, value)
    organisation.refresh_from_db()
    assert organisation.name == "Les Jardins partagés"
    response = client.post(url, {**form, "siren": "732 829 320", "website": "jardins.example.org"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Les Jardins partagés de Bourg"
    assert organisation.siren == "732829320"
    assert organisation.website == "https://jardins.example.org"
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_EDIT, object_id=str(organisation.pk))
    assert event.actor == admin and set(event.detail["fields"]) >= {"name", "siren", "website"}
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert f'href="/organisations/{organisation.pk}/modifier/"' in page


def test_the_people_page_adds_and_promotes_members(client):
    organisation = OrganisationFactory()
    admin = _organisation_admin(client, organisation)
    newcomer = UserFactory(email="nouvelle@example.org")
    url = f"/organisations/{organisation.pk}/personnes/"
    response = client.post(url, {"email": "inconnue@example.org", "role": "member"})
    assert response.status_code == 400
    assert "doit d’abord créer un compte" in response.content.decode()
    assert client.post(url, {"email": "Nouvelle@example.org", "role": "member"}).status_code == 302
    membership = OrganisationMembership.objects.get(user=newcomer, organisation=organisation)
    assert membership.role == "member"
    client.post(f"{url}{membership.pk}/", {"role": "admin"})
    membership.refresh_from_db()
    assert membership.role == "admin"
    own = OrganisationMembership.objects.get(user=admin)
    client.post(f"{url}{own.pk}/", {"action": "remove"})
    assert not OrganisationMembership.objects.filter(pk=own.pk).exists()
    # The last administrator stays.
    client.force_login(newcomer)
    client.post(f"{url}{membership.pk}/", {"action": "remove"})
    assert OrganisationMembership.objects.filter(pk=membership.pk).exists()
    assert role_events(newcomer).count() == 2


def test_members_and_other_organisations_administrators_are_refused(client):
    organisation, other = OrganisationFactory(), OrganisationFactory()
    _organisation_admin(client, other)
    for url in (
        f"/organisations/{organisation.pk}/modifier/",
        f"/organisations/{organisation.pk}/personnes/",
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"name": "Piraté", "world": "company"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Piraté"


def test_a_catalysts_moderation_queue_shows_their_territory_only(client):
    user = UserFactory()
    CatalystAssignment.objects.create(user=user, territory=territory("departement", "01"))
    AllianceFactory(title="Projet de l'Ain", publication=Publication.SUBMITTED)
    AllianceFactory(
        title="Projet de Gironde",
        publication=Publication.SUBMITTED,
        territories=[territory("commune", "33063")],
    )
    client.force_login(user)
    page = client.get("/moderation/").content.decode()
    assert "Projet de l&#x27;Ain" in page
    assert "Gironde" not in page
    assert "/moderation/import/" not in page and "/moderation/doublons/" not in page


def test_the_account_page_lists_organisations_and_roles(client):
    organisation = OrganisationFactory(name="Réseau solidaire")
    user = UserFactory(platform_role=PlatformRole.MODERATOR)
    OrganisationMembership.objects.create(user=user, organisation=organisation, role="admin")
    CatalystAssignment.objects.create(user=user, territory=territory("departement", "01"))
    client.force_login(user)
    page = client.get("/compte/profil/").content.decode()
    assert "Vos organisations et rôles" in page
    assert "Réseau solidaire</a> — administrateur" in page
    assert "Catalyseur dans Ain" in page
    assert "Modérateur" in page


def test_erasure_pseudonymises_the_role_changes_about_the_account():
    organisation = OrganisationFactory()
    person = UserFactory(email="personne@example.org", display_name="Prénom Nom")
    role_changes.organisation_member_set(
        organisation=organisation, user=person, role="admin", by=UserFactory()
    )
    account_delete(user=person)
    for row in AuditEvent.objects.values("actor_label", "object_repr", "detail"):
        text = str(row)
        assert "personne@example.org" not in text and "Prénom Nom" not in text


def test_role_rows_added_and_deleted_in_the_admin_site_are_audited():
    from django.contrib import admin

    superuser = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    request = RequestFactory().post("/admin/")
    request.user = superuser
    model_admin = admin.site._registry[OrganisationMembership]
    membership = OrganisationMembership(
        user=person, organisation=OrganisationFactory(), role="admin"
    )
    model_admin.save_model(request, membership, form=None, change=False)
    model_admin.delete_queryset(request, OrganisationMembership.objects.filter(pk=membership.pk))
    assert not OrganisationMembership.objects.exists()
    changes = [event.detail["change"] for event in role_events(person).order_by("pk")]
    assert changes == ["granted", "revoked"]
    assert all(event.actor == superuser for event in role_events(person))
