from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from alliances.mobilisation import tokens
from alliances.mobilisation.models import ConfirmationReminder, NotificationSettings
from alliances.mobilisation.services import confirmations
from alliances.registry.enums import Source
from alliances.registry.freshness import freshness_of
from alliances.registry.models import Alliance, Organisation
from tests.factories import UserFactory
from tests.registry.factories import AllianceFactory, OrganisationFactory

NOW = timezone.make_aware(timezone.datetime(2026, 11, 20, 9, 0))
OLD = NOW - timedelta(days=400)


def _age(model, pk, **dates):
    model.objects.filter(pk=pk).update(**dates)


@pytest.fixture
def moderator(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def stale_alliance(db):
    owner = UserFactory(email="contact@alliance.example.org")
    alliance = AllianceFactory(contact_email="Contact@Alliance.example.org")
    _age(Alliance, alliance.pk, created_at=OLD, published_at=OLD)
    return alliance, owner


def test_owners_of_an_alliance_are_its_contact_else_moderators(stale_alliance, moderator):
    alliance, owner = stale_alliance
    assert confirmations.owners_of(alliance) == {owner}
    orphan = AllianceFactory(contact_email="")
    assert confirmations.owners_of(orphan) == {moderator}
    assert confirmations.owners_of(OrganisationFactory()) == {moderator}


def test_stale_records_exclude_fresh_imported_and_demo(stale_alliance, moderator):
    alliance, _owner = stale_alliance
    fresh = AllianceFactory()
    kept = OrganisationFactory(source=Source.MANUAL)
    _age(Organisation, kept.pk, created_at=OLD)
    imported = OrganisationFactory(source=Source.RNA_WALDEC)
    _age(Organisation, imported.pk, created_at=OLD)
    demo = OrganisationFactory(source=Source.MANUAL, is_demo=True)
    _age(Organisation, demo.pk, created_at=OLD)
    confirmed = OrganisationFactory(source=Source.MANUAL)
    _age(Organisation, confirmed.pk, created_at=OLD, confirmed_at=NOW - timedelta(days=30))
    stale = confirmations.stale_records(NOW)
    assert alliance in stale and kept in stale
    assert fresh not in stale and imported not in stale
    assert demo not in stale and confirmed not in stale


def test_reminders_once_per_month_and_one_email_per_person(stale_alliance, moderator):
    alliance, owner = stale_alliance
    organisation = OrganisationFactory(source=Source.FORM)
    _age(Organisation, organisation.pk, created_at=OLD)
    # The moderator owns the organisation (fallback) and nothing else: one e-mail each.
    report = confirmations.confirmation_reminders_send(now=NOW)
    assert report.emails == 2 and report.reminded == 2
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([owner.email, moderator.email])
    body = next(m.body for m in mail.outbox if m.to == [owner.email])
    assert alliance.title in body and "/confirmer/" in body

    again = confirmations.confirmation_reminders_send(now=NOW + timedelta(days=3))
    assert again.emails == 0 and again.already_sent == 2
    assert len(mail.outbox) == 2
    next_month = confirmations.confirmation_reminders_send(now=NOW + timedelta(days=15))
    assert next_month.emails == 2
    assert ConfirmationReminder.objects.count() == 4


def test_someone_owning_a_record_twice_hears_once(moderator):
    # The moderator is also the alliance's contact: one reminder, not two.
    alliance = AllianceFactory(contact_email=moderator.email)
    _age(Alliance, alliance.pk, created_at=OLD, published_at=OLD)
    report = confirmations.confirmation_reminders_send(now=NOW)
    assert report.reminded == 1 and len(mail.outbox) == 1
    assert ConfirmationReminder.objects.filter(recipient=moderator).count() == 1


def test_people_who_declined_reminders_get_none(stale_alliance):
    _alliance, owner = stale_alliance
    NotificationSettings.objects.create(user=owner, freshness_reminders=False)
    report = confirmations.confirmation_reminders_send(now=NOW)
    assert report.emails == 0 and report.opted_out == 1 and mail.outbox == []


def test_organisation_administrators_own_their_records_and_lead_alliances(moderator):
    from alliances.accounts.models import OrganisationMembership
    from alliances.registry.enums import MembershipRole
    from tests.registry.factories import MembershipFactory

    organisation = OrganisationFactory()
    administrator, member = UserFactory(), UserFactory()
    OrganisationMembership.objects.create(
        user=administrator, organisation=organisation, role="admin"
    )
    OrganisationMembership.objects.create(user=member, organisation=organisation, role="member")
    assert confirmations.owners_of(organisation) == {administrator}
    led = AllianceFactory(contact_email="")
    MembershipFactory(alliance=led, organisation=organisation, role=MembershipRole.LEAD)
    assert confirmations.owners_of(led) == {administrator}
    joined = AllianceFactory(contact_email="")
    MembershipFactory(alliance=joined, organisation=organisation, role=MembershipRole.PARTNER)
    assert confirmations.owners_of(joined) == {moderator}


def test_one_click_confirmation_sets_confirmed_at(client, stale_alliance):
    alliance, owner = stale_alliance
    alliance.refresh_from_db()
    assert freshness_of(alliance).stale
    assert "à confirmer" in client.get(alliance.get_absolute_url()).content.decode()
    url = confirmations.confirmation_url(alliance, owner)
    page = client.get(url)
    assert page.status_code == 200 and alliance.title in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response.url == alliance.get_absolute_url()
    alliance.refresh_from_db()
    assert alliance.confirmed_at is not None
    assert not freshness_of(alliance).stale
    assert alliance not in confirmations.stale_records()
    # The public page, cached for anonymous visitors, shows the confirmation at once.
    assert "confirmée il y a" in client.get(alliance.get_absolute_url()).content.decode()


def test_confirmation_links_are_signed_expire_and_check_the_owner(client, stale_alliance):
    alliance, owner = stale_alliance
    forged = reverse("web:record_confirm", kwargs={"token": "abc:def"})
    assert client.get(forged).status_code == 404
    stranger = UserFactory()
    not_owner = confirmations.confirmation_url(alliance, stranger)
    assert client.post(not_owner).status_code == 404
    token = signing.dumps(
        {"m": "registry.alliance", "p": alliance.pk, "u": owner.pk}, salt=tokens.CONFIRM_SALT
    )
    assert tokens.confirmation_from_token(token) is not None
    old = signing.TimestampSigner(salt=tokens.CONFIRM_SALT)
    # A token signed more than two months ago has expired.
    expired_at = timezone.now() - timedelta(seconds=tokens.CONFIRM_MAX_AGE + 60)
    old.timestamp = lambda: signing.b62_encode(int(expired_at.timestamp()))
    expired = old.sign_object({"m": "registry.alliance", "p": alliance.pk, "u": owner.pk})
    assert tokens.confirmation_from_token(expired) is None
    alliance.refresh_from_db()
    assert alliance.confirmed_at is None


def test_freshness_is_shown_on_record_pages(client, stale_alliance):
    alliance, _owner = stale_alliance
    page = client.get(alliance.get_absolute_url()).content.decode()
    assert "à confirmer" in page
    alliance.confirmed_at = timezone.now()
    alliance.save(update_fields=["confirmed_at"])
    page = client.get(alliance.get_absolute_url()).content.decode()
    assert "confirmée il y a" in page and "par son responsable" in page
    organisation = OrganisationFactory()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Fraîcheur" in page


def test_run_jobs_lists_the_confirmation_job(db):
    from alliances.mobilisation.jobs import JOBS

    assert "confirmation_reminders" in [job.name for job in JOBS]


def test_a_long_list_is_split_over_runs_without_repeats(moderator, monkeypatch):
    monkeypatch.setattr(confirmations, "PER_EMAIL", 2)
    for _ in range(3):
        organisation = OrganisationFactory(source=Source.MANUAL)
        _age(Organisation, organisation.pk, created_at=OLD)
    first = confirmations.confirmation_reminders_send(now=NOW)
    assert first.reminded == 2 and "1 autre fiche" in mail.outbox[0].body
    second = confirmations.confirmation_reminders_send(now=NOW + timedelta(days=1))
    assert second.reminded == 1 and second.already_sent == 2
    third = confirmations.confirmation_reminders_send(now=NOW + timedelta(days=2))
    assert third.emails == 0 and third.already_sent == 3
