"""Notifications: who hears about what, once, on the site and by e-mail (now or in a digest).

Recipients are gathered as a set of accounts before anything is written, and a unique constraint
on (recipient, kind, cause) backs it: someone who follows a measure and pilots it too gets one
notification, not two.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.mobilisation import mail, perms, tokens
from alliances.mobilisation.enums import DigestFrequency, NotificationKind
from alliances.mobilisation.models import (
    Contribution,
    Debate,
    Event,
    Follow,
    Notification,
    NotificationSettings,
)

NOT_ALLOWED = _("You are not allowed to do this.")
INVALID_LINK = _("This unsubscribe link is not valid.")


def settings_for(user) -> NotificationSettings:
    """A person's settings; people who never chose get the defaults (a daily digest)."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


@transaction.atomic
def notification_settings_update(*, user, frequency: str, freshness_reminders: bool):
    if frequency not in DigestFrequency.values:
        raise DomainError(NOT_ALLOWED)
    NotificationSettings.objects.update_or_create(
        user=user,
        defaults={"frequency": frequency, "freshness_reminders": freshness_reminders},
    )


@transaction.atomic
def unsubscribe(*, token: str):
    """One-click unsubscribe from an e-mail: no more notification e-mails nor reminders."""
    user_id = tokens.user_id_from_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise DomainError(INVALID_LINK)
    NotificationSettings.objects.update_or_create(
        user=user,
        defaults={"frequency": DigestFrequency.NEVER, "freshness_reminders": False},
    )
    return user


@transaction.atomic
def follow_toggle(*, user, target) -> bool:
    """Follow the record, or stop following it; True when now following."""
    if not perms.can_follow(user):
        raise DomainError(NOT_ALLOWED)
    content_type = ContentType.objects.get_for_model(target)
    deleted, _details = Follow.objects.filter(
        user=user, content_type=content_type, object_id=target.pk
    ).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(user=user, content_type=content_type, object_id=target.pk)
    return True


def is_following(user, target) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).exists()


def _followers(target) -> set[int]:
    return set(
        Follow.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        ).values_list("user_id", flat=True)
    )


def _followers_of_any(content_type, ids) -> set[int]:
    return set(
        Follow.objects.filter(content_type=content_type, object_id__in=ids).values_list(
            "user_id", flat=True
        )
    )


def _role_holders(target) -> set[int]:
    """People who hear about a record because of their role on it (a measure's pilots)."""
    if isinstance(target, Debate):
        target = target.measure
    pilots = getattr(target, "pilots", None)
    if pilots is None:
        return set()
    return set(pilots.values_list("pk", flat=True))


def notify(*, kind: str, cause, recipient_ids: set[int], text: str, url: str) -> int:
    """Record one notification per recipient for this cause; immediate e-mails after commit."""
    if not recipient_ids:
        return 0
    cause_type = ContentType.objects.get_for_model(cause)
    active = get_user_model().objects.filter(pk__in=recipient_ids, is_active=True)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                cause_type=cause_type,
                cause_id=cause.pk,
                text=text[:300],
                url=url,
            )
            for user in active
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(
        lambda: send_immediate(cause_type=cause_type, cause_id=cause.pk), robust=True
    )
    return len(recipient_ids)


def notify_contribution(contribution: Contribution, *, target) -> int:
    recipients = _followers(target) | _role_holders(target)
    if contribution.parent_id:
        recipients.add(contribution.parent.author_id)
    recipients.discard(contribution.author_id)
    text = gettext("%(author)s: %(kind)s on “%(record)s”") % {
        "author": contribution.author.display_name or gettext("someone"),
        "kind": contribution.get_kind_display(),
        "record": str(target),
    }
    url = f"{target.get_absolute_url()}#contribution-{contribution.pk}"
    return notify(
        kind=NotificationKind.REPLY if contribution.parent_id else NotificationKind.CONTRIBUTION,
        cause=contribution,
        recipient_ids=recipients,
        text=text,
        url=url,
    )


def notify_debate(debate: Debate, *, kind: str) -> int:
    """A debate opened on a measure: its followers and pilots hear about it, once each."""
    recipients = _followers(debate.measure) | _role_holders(debate)
    recipients.discard(debate.opened_by_id)
    text = gettext("Debate opened on %(code)s: %(title)s") % {
        "code": debate.measure.code,
        "title": debate.title,
    }
    return notify(
        kind=kind, cause=debate, recipient_ids=recipients, text=text, url=debate.get_absolute_url()
    )


TERRITORY_LEVELS = ("region_id", "departement_id", "epci_id", "commune_id")


def notify_event(event: Event, *, now=None) -> int:
    """A published event reaches the followers of its territory and of every territory holding it.

    Someone following both a région and a commune in it gets one notification (one per
    recipient and event, backed by a unique constraint), however often the event is saved.
    Past events and events without a territory notify no one.
    """
    from alliances.territories.models import Territory

    now = now or timezone.now()
    if event.territory_id is None or event.is_past(now):
        return 0
    territory = event.territory
    ids = {territory.pk} | {
        getattr(territory, level) for level in TERRITORY_LEVELS if getattr(territory, level)
    }
    recipients = _followers_of_any(ContentType.objects.get_for_model(Territory), ids)
    text = gettext("New event in %(place)s: %(title)s") % {
        "place": territory.name,
        "title": event.title,
    }
    return notify(
        kind=NotificationKind.EVENT,
        cause=event,
        recipient_ids=recipients,
        text=text,
        url=event.get_absolute_url(),
    )


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def _unsubscribe_url(user) -> str:
    return mail.absolute(
        reverse("web:unsubscribe", kwargs={"token": tokens.unsubscribe_token(user)})
    )


def _email(user, notifications: list[Notification], *, subject: str, now) -> None:
    mail.send(
        to=user.email,
        subject=subject,
        template="notifications",
        context={
            "user": user,
            "notifications": [(n, mail.absolute(n.url)) for n in notifications],
            "settings_url": mail.absolute(reverse("web:notification_settings")),
            "unsubscribe_url": _unsubscribe_url(user),
        },
    )
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)


def _frequencies(user_ids) -> dict[int, str]:
    return dict(
        NotificationSettings.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "frequency"
        )
    )


def send_immediate(*, cause_type, cause_id: int, now=None) -> int:
    """E-mail the notifications of one cause to the people who want each one at once."""
    now = now or timezone.now()
    pending = list(
        Notification.objects.filter(
            cause_type=cause_type, cause_id=cause_id, emailed_at__isnull=True
        ).select_related("recipient")
    )
    frequencies = _frequencies([n.recipient_id for n in pending])
    sent = 0
    for notification in pending:
        if frequencies.get(notification.recipient_id) == DigestFrequency.IMMEDIATE:
            _email(notification.recipient, [notification], subject=notification.text, now=now)
            sent += 1
    return sent


def digests_send(*, frequency: str, now=None) -> int:
    """One e-mail per person with everything not yet e-mailed; returns the number of e-mails."""
    now = now or timezone.now()
    default = NotificationSettings._meta.get_field("frequency").default
    pending = Notification.objects.filter(emailed_at__isnull=True).select_related("recipient")
    by_user: dict = defaultdict(list)
    for notification in pending.order_by("recipient_id", "created_at"):
        by_user[notification.recipient].append(notification)
    frequencies = _frequencies([user.pk for user in by_user])
    sent = 0
    for user, notifications in by_user.items():
        if frequencies.get(user.pk, default) != frequency or not user.is_active:
            continue
        with transaction.atomic():
            _email(
                user,
                notifications,
                subject=ngettext(
                    "%(count)d new notification", "%(count)d new notifications", len(notifications)
                )
                % {"count": len(notifications)},
                now=now,
            )
        sent += 1
    return sent


@transaction.atomic
def notifications_mark_read(*, user, now=None) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )
