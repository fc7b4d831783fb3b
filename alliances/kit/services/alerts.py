"""Saved searches and the e-mail digest of new resources that match them.

A resource is sent to a person at most once (`AlertDelivery` is unique per user and resource),
whatever the number of their saved searches it matches and however often the digest runs.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliances.core.errors import DomainError
from alliances.kit.models import AlertDelivery, SavedSearch
from alliances.kit.selectors.resources import ResourceFilters, resource_search

SEARCH_PARAMS = ("q", "kind", "profile", "maturity", "goal", "theme", "territory")
EMPTY_SEARCH = gettext_lazy("Choose at least one word or one filter before saving a search.")
EMPTY_LABEL = gettext_lazy("Give the search a name.")
TOO_MANY = gettext_lazy("You already follow %(count)s searches; remove one first.")
MAX_SAVED_SEARCHES = 20


def normalised_query(params: QueryDict) -> str:
    """The search's own parameters, sorted, without page or sort: one saved search per search."""
    kept = QueryDict(mutable=True)
    for name in SEARCH_PARAMS:
        value = params.get(name, "").strip()
        if value:
            kept[name] = value[:100]
    return kept.urlencode()


@transaction.atomic
def saved_search_create(*, user, params: QueryDict, label: str) -> SavedSearch:
    query_string = normalised_query(params)
    if not query_string:
        raise DomainError(EMPTY_SEARCH)
    if not label.strip():
        raise DomainError(EMPTY_LABEL)
    existing = SavedSearch.objects.filter(user=user)
    if existing.count() >= MAX_SAVED_SEARCHES:
        raise DomainError(TOO_MANY % {"count": MAX_SAVED_SEARCHES})
    saved, _created = SavedSearch.objects.get_or_create(
        user=user, query_string=query_string, defaults={"label": label.strip()[:120]}
    )
    return saved


@transaction.atomic
def saved_search_delete(*, user, saved_search: SavedSearch) -> None:
    SavedSearch.objects.filter(pk=saved_search.pk, user=user).delete()


def matching_new_resources(saved: SavedSearch) -> list:
    """Resources published since the search was saved, not yet sent to its owner."""
    already_sent = AlertDelivery.objects.filter(user_id=saved.user_id).values("resource_id")
    return list(
        resource_search(ResourceFilters.from_query(QueryDict(saved.query_string)))
        .filter(published_at__gt=saved.created_at)
        .exclude(pk__in=already_sent)
    )


@dataclass(frozen=True)
class DigestReport:
    users: int
    resources: int


def alerts_send() -> DigestReport:
    """One e-mail per person with new resources for their saved searches; each resource once."""
    users = resources_sent = 0
    owners = SavedSearch.objects.values_list("user_id", flat=True).distinct()
    for user_id in sorted(set(owners)):
        with transaction.atomic():
            searches = list(SavedSearch.objects.filter(user_id=user_id).select_related("user"))
            seen: set[int] = set()
            sections = []
            for saved in searches:
                fresh = [r for r in matching_new_resources(saved) if r.pk not in seen]
                seen.update(resource.pk for resource in fresh)
                if fresh:
                    sections.append((saved, fresh))
            if not sections:
                continue
            user = searches[0].user
            with translation.override(settings.LANGUAGE_CODE):
                context = {"sections": sections, "base_url": settings.PLATFORM_URL, "user": user}
                body = render_to_string("kit/alert_digest.txt", context)
                subject = _("%(count)s new resources for your saved searches") % {
                    "count": len(seen)
                }
            AlertDelivery.objects.bulk_create(
                AlertDelivery(user_id=user_id, resource_id=pk) for pk in sorted(seen)
            )
            SavedSearch.objects.filter(pk__in=[s.pk for s, _r in sections]).update(
                last_sent_at=timezone.now()
            )
            # Sent last: if sending fails, the deliveries are rolled back and retried next run.
            send_mail(subject, body, None, [user.email])
            users += 1
            resources_sent += len(seen)
    return DigestReport(users=users, resources=resources_sent)
