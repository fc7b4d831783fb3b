"""Reads of mobilisation: the event calendar, an event's seats, contribution threads."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from alliances.mobilisation.enums import ReactionKind, RegistrationStatus, Visibility
from alliances.mobilisation.models import Contribution, Debate, Event, Registration

WHEN_UPCOMING = "upcoming"
WHEN_PAST = "past"


def events(*, when: str = WHEN_UPCOMING, kind: str = "", territory=None, now=None):
    """The calendar: upcoming events soonest first, or past events latest first."""
    now = now or timezone.now()
    queryset = Event.objects.select_related("territory").annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
        )
    )
    queryset = queryset.past(now) if when == WHEN_PAST else queryset.upcoming(now)
    if kind:
        queryset = queryset.filter(kind=kind)
    if territory is not None:
        queryset = queryset.in_territory(territory)
    return queryset


def event_get(pk: int) -> Event:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Event.objects.select_related("territory").prefetch_related(
            "resources", "goals", "alliances", "measures__programme"
        ),
        pk=pk,
    )


@dataclass(frozen=True)
class Seats:
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def remaining(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.confirmed)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def event_seats(event: Event) -> Seats:
    counts = event.registrations.aggregate(
        confirmed=Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("id", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return Seats(capacity=event.capacity, **counts)


def user_registration(event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return event.registrations.active().filter(Q(user=user) | Q(email=user.email.lower())).first()


@dataclass
class ThreadItem:
    contribution: Contribution
    replies: list["ThreadItem"] = field(default_factory=list)
    reaction_counts: dict[str, int] = field(default_factory=dict)

    @property
    def reactions(self) -> list[tuple[str, str, int]]:
        """(kind, label, count) for every kind of reaction, in a stable order."""
        return [
            (value, label, self.reaction_counts.get(value, 0))
            for value, label in ReactionKind.choices
        ]


def contribution_thread(target, *, include_hidden: bool = False) -> list[ThreadItem]:
    """Top-level contributions on a record with their replies, oldest first, in two queries.

    Hidden contributions are left out (with their replies) unless a moderator asks.
    """
    queryset = (
        Contribution.objects.on(target)
        .select_related("author")
        .prefetch_related(Prefetch("reactions"))
        .order_by("created_at", "id")
    )
    if not include_hidden:
        queryset = queryset.visible()
    items = {}
    roots = []
    for contribution in queryset:
        counts: dict[str, int] = {}
        for reaction in contribution.reactions.all():
            counts[reaction.kind] = counts.get(reaction.kind, 0) + 1
        items[contribution.pk] = ThreadItem(contribution=contribution, reaction_counts=counts)
    for item in items.values():
        parent_id = item.contribution.parent_id
        if parent_id is None:
            roots.append(item)
        elif parent_id in items:
            items[parent_id].replies.append(item)
    return roots


def stance_counts(target) -> dict[str, int]:
    rows = (
        Contribution.objects.on(target)
        .visible()
        .filter(kind="proposal", parent__isnull=True)
        .exclude(stance="")
        .values_list("stance")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def moderation_queue():
    """Contributions with open reports, most reported first, then the hidden ones."""
    return (
        Contribution.objects.annotate(
            open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True))
        )
        .filter(open_reports__gt=0)
        .select_related("author", "content_type")
        .prefetch_related(Prefetch("reports"))
        .order_by("-open_reports", "created_at")
    )


def measure_debates(measure) -> list[Debate]:
    """The debates of a measure, latest opening first."""
    return list(Debate.objects.filter(measure=measure).order_by("-opens_at", "-id"))


def debate_get(pk: int) -> Debate:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Debate.objects.select_related("measure__programme", "opened_by", "concluded_by"), pk=pk
    )


def debates(*, programme=None):
    queryset = Debate.objects.select_related("measure__programme").order_by("-opens_at", "-id")
    if programme is not None:
        queryset = queryset.filter(measure__programme=programme)
    return queryset


def debate_conclusions(programme, *, as_of: date) -> list[dict]:
    """The conclusions written by the end of `as_of` (local day), as plain JSON for a report."""
    end = timezone.make_aware(datetime.combine(as_of + timedelta(days=1), time.min))
    rows = (
        Debate.objects.filter(
            measure__programme=programme, concluded_at__isnull=False, concluded_at__lt=end
        )
        .select_related("measure")
        .annotate(
            visible_contributions=Count(
                "contributions", filter=Q(contributions__visibility=Visibility.VISIBLE)
            )
        )
        .order_by("measure__code", "concluded_at", "id")
    )
    return [
        {
            "id": debate.pk,
            "measure": debate.measure.code,
            "title": debate.title,
            "opens_at": debate.opens_at.isoformat(),
            "closes_at": debate.closes_at.isoformat(),
            "concluded_at": debate.concluded_at.isoformat(),
            "conclusion": debate.conclusion,
            "contributions": debate.visible_contributions,
        }
        for debate in rows
    ]


def contributions_in_territories(territory_ids) -> Q:
    """A filter for contributions on records of these territories (a catalyst's scope): alliances
    covering them or a place inside them, the territories themselves and places inside them."""
    from django.contrib.contenttypes.models import ContentType

    from alliances.registry.models import Alliance
    from alliances.registry.selectors import alliances_in_territories
    from alliances.territories.models import Territory

    ids = list(territory_ids)
    places = Q(pk__in=ids)
    for level in ("region", "departement", "epci"):
        places |= Q(**{f"{level}__in": ids})
    alliances = alliances_in_territories(Alliance.objects.all(), ids).values("pk")
    territories = Territory.objects.filter(places).values("pk")
    return Q(content_type=ContentType.objects.get_for_model(Alliance), object_id__in=alliances) | Q(
        content_type=ContentType.objects.get_for_model(Territory), object_id__in=territories
    )
