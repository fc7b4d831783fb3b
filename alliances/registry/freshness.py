"""How fresh an organisation's or an alliance's record is: one rule for pages, reminders and the
observatory.

A record counts as confirmed within the year when, in the last twelve months, an owner confirmed
it ("still accurate"), an official register import refreshed it (organisations), a moderator
published it (alliances), or it was created.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRMATION_PERIOD = timedelta(days=365)

# The dates that count as a confirmation, per kind of record, most telling first.
ORGANISATION_DATES = ("confirmed_at", "imported_at", "created_at")
ALLIANCE_DATES = ("confirmed_at", "published_at", "created_at")

SOURCE_LABELS = {
    "confirmed_at": _("confirmed by its owner"),
    "imported_at": _("refreshed from an official register"),
    "published_at": _("checked on publication"),
    "created_at": _("recorded"),
}


def _dates_of(model) -> tuple[str, ...]:
    return ALLIANCE_DATES if model._meta.model_name == "alliance" else ORGANISATION_DATES


def cutoff(now=None) -> datetime:
    return (now or timezone.now()) - CONFIRMATION_PERIOD


def confirmed_q(model, *, since: datetime, prefix: str = "") -> Q:
    """Records of `model` confirmed since the date (one of their dates is recent enough)."""
    condition = Q()
    for name in _dates_of(model):
        condition |= Q(**{f"{prefix}{name}__gte": since})
    return condition


@dataclass(frozen=True)
class Freshness:
    date: datetime | None
    source: str
    stale: bool

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.source, ""))


def freshness_of(record, now=None) -> Freshness:
    """The latest confirmation of a record and whether it is older than a year."""
    now = now or timezone.now()
    best, source = None, ""
    for name in _dates_of(type(record)):
        value = getattr(record, name, None)
        if value is not None and (best is None or value > best):
            best, source = value, name
    return Freshness(date=best, source=source, stale=best is None or best < cutoff(now))
