"""The yearly freshness loop of the registry: organisations and alliances not confirmed for a year.

Their owners get a reminder at most once a month (a unique constraint on record, recipient and
month backs it), one e-mail per person listing their records, with a signed one-click "still
accurate" link per record that sets `confirmed_at`. Who owns a record is `owners_of`: the
administrators of the organisation (of the alliance's lead organisations), the account of the
alliance's contact e-mail, else the registry's moderators.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from alliances.core.errors import DomainError
from alliances.core.pagecache import bump_after_commit
from alliances.mobilisation import mail, tokens
from alliances.mobilisation.models import ConfirmationReminder, NotificationSettings
from alliances.registry import freshness
from alliances.registry.enums import OrganisationStatus, Publication, Source
from alliances.registry.models import Alliance, Organisation

INVALID_LINK = _("This confirmation link is not valid or has expired.")
# Organisations kept by people; those from official registers are refreshed by their imports.
PEOPLE_SOURCES = [Source.FORM, Source.MANUAL, Source.SPREADSHEET]
# At most this many records are listed in one e-mail (the others go in the next run's e-mail).
PER_EMAIL = 50
CONFIRMABLE = {"registry.organisation": Organisation, "registry.alliance": Alliance}


def period_of(day: date) -> str:
    return f"{day:%Y-%m}"


@dataclass(frozen=True)
class OwnerLookup:
    """What `owners_of` needs, read once for many records (no query per record)."""

    moderators: frozenset
    by_email: dict
    # organisation id → its administrators; alliance id → its lead organisations' ids.
    admins: dict
    leads: dict

    @classmethod
    def for_records(cls, records) -> "OwnerLookup":
        from alliances.accounts.models import OrganisationMembership, OrganisationRole, PlatformRole
        from alliances.registry import perms
        from alliances.registry.enums import MembershipRole
        from alliances.registry.models import Membership

        users = get_user_model().objects.filter(is_active=True)
        candidates = users.filter(
            Q(is_staff=True) | Q(is_superuser=True) | Q(platform_role=PlatformRole.MODERATOR)
        )
        moderators = frozenset(u for u in candidates if perms.can_merge(u))
        emails = {
            r.contact_email.lower() for r in records if isinstance(r, Alliance) and r.contact_email
        }
        by_email = {}
        if emails:
            for user in users.annotate(lower_email=Lower("email")).filter(lower_email__in=emails):
                by_email[user.lower_email] = user
        alliance_ids = [r.pk for r in records if isinstance(r, Alliance)]
        leads: dict = {}
        for alliance_id, organisation_id in Membership.objects.filter(
            alliance_id__in=alliance_ids, role=MembershipRole.LEAD
        ).values_list("alliance_id", "organisation_id"):
            leads.setdefault(alliance_id, set()).add(organisation_id)
        organisation_ids = {r.pk for r in records if isinstance(r, Organisation)}
        organisation_ids.update(*leads.values())
        admins: dict = {}
        for membership in OrganisationMembership.objects.filter(
            organisation_id__in=organisation_ids,
            role=OrganisationRole.ADMIN,
            user__is_active=True,
        ).select_related("user"):
            admins.setdefault(membership.organisation_id, set()).add(membership.user)
        return cls(moderators=moderators, by_email=by_email, admins=admins, leads=leads)


def owners_of(record, lookup: OwnerLookup | None = None) -> set:
    """The people answerable for a record's accuracy (active accounts):

    - an organisation: its administrators;
    - an alliance: the administrators of its lead organisations and the account whose e-mail is
      the alliance's contact e-mail;
    - when nobody is found: the registry's moderators.
    """
    lookup = lookup or OwnerLookup.for_records([record])
    owners = set()
    if isinstance(record, Organisation):
        owners |= lookup.admins.get(record.pk, set())
    if isinstance(record, Alliance):
        for organisation_id in lookup.leads.get(record.pk, ()):
            owners |= lookup.admins.get(organisation_id, set())
        if record.contact_email:
            found = lookup.by_email.get(record.contact_email.lower())
            if found is not None:
                owners.add(found)
    return owners or set(lookup.moderators)


def stale_records(now=None):
    """Published alliances and people-kept active organisations not confirmed for a year."""
    since = freshness.cutoff(now)
    alliances = Alliance.objects.filter(publication=Publication.PUBLISHED, is_demo=False).exclude(
        freshness.confirmed_q(Alliance, since=since)
    )
    organisations = Organisation.objects.filter(
        status=OrganisationStatus.ACTIVE, source__in=PEOPLE_SOURCES, is_demo=False
    ).exclude(freshness.confirmed_q(Organisation, since=since))
    return list(alliances.order_by("pk")) + list(organisations.order_by("pk"))


@dataclass(frozen=True)
class ConfirmationReport:
    stale: int
    emails: int
    reminded: int
    already_sent: int
    opted_out: int


def confirmation_url(record, user) -> str:
    return reverse("web:record_confirm", kwargs={"token": tokens.confirmation_token(record, user)})


def confirmation_reminders_send(*, now=None) -> ConfirmationReport:
    now = now or timezone.now()
    period = period_of(timezone.localdate(now))
    records = stale_records(now)
    lookup = OwnerLookup.for_records(records)
    by_owner: dict = {}
    for record in records:
        for owner in owners_of(record, lookup):
            by_owner.setdefault(owner, []).append(record)
    declined = set(
        NotificationSettings.objects.filter(
            user__in=list(by_owner), freshness_reminders=False
        ).values_list("user_id", flat=True)
    )
    types = {model: ContentType.objects.get_for_model(model) for model in (Alliance, Organisation)}
    emails = reminded = already = opted_out = 0
    for owner, owned in by_owner.items():
        if owner.pk in declined:
            opted_out += len(owned)
            continue
        sent = set(
            ConfirmationReminder.objects.filter(recipient=owner, period=period).values_list(
                "content_type_id", "object_id"
            )
        )
        pending = [r for r in owned if (types[type(r)].pk, r.pk) not in sent]
        already += len(owned) - len(pending)
        fresh = pending[:PER_EMAIL]
        if not fresh:
            continue
        try:
            with transaction.atomic():
                ConfirmationReminder.objects.bulk_create(
                    [
                        ConfirmationReminder(
                            content_type=types[type(r)],
                            object_id=r.pk,
                            recipient=owner,
                            period=period,
                        )
                        for r in fresh
                    ]
                )
                # Inside the transaction: if the e-mail cannot leave, nothing is recorded.
                _send(owner, fresh, total=len(pending), now=now)
        except IntegrityError:
            already += len(fresh)  # Another run reminded this person at the same moment.
            continue
        emails += 1
        reminded += len(fresh)
    return ConfirmationReport(
        stale=len(records),
        emails=emails,
        reminded=reminded,
        already_sent=already,
        opted_out=opted_out,
    )


def _send(owner, records: list, *, total: int, now) -> None:
    items = [
        {
            "record": record,
            "kind": record._meta.verbose_name,
            "freshness": freshness.freshness_of(record, now),
            "url": mail.absolute(record.get_absolute_url()),
            "confirm_url": mail.absolute(confirmation_url(record, owner)),
        }
        for record in records
    ]
    mail.send(
        to=owner.email,
        subject=ngettext(
            "%(count)d record to confirm", "%(count)d records to confirm", len(records)
        )
        % {"count": len(records)},
        template="confirmation",
        context={
            "user": owner,
            "items": items,
            "more": max(0, total - len(records)),
            "settings_url": mail.absolute(reverse("web:notification_settings")),
        },
    )


def record_from_token(token: str):
    """(record, user) a confirmation link is for; the user must still be one of its owners."""
    found = tokens.confirmation_from_token(token)
    if found is None or found[0] not in CONFIRMABLE:
        raise DomainError(INVALID_LINK)
    label, pk, user_id = found
    record = CONFIRMABLE[label].objects.filter(pk=pk).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if record is None or user is None or user not in owners_of(record):
        raise DomainError(INVALID_LINK)
    return record, user


@transaction.atomic
def record_confirm(*, token: str, now=None):
    """The one-click answer: the record is still accurate as of now."""
    record, _user = record_from_token(token)
    now = now or timezone.now()
    type(record).objects.filter(pk=record.pk).update(confirmed_at=now)
    bump_after_commit()  # the record's page shows its freshness
    record.confirmed_at = now
    return record
