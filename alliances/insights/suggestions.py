"""Partner suggestions: active organisations of other worlds, nearby, working on the same goals,
not yet allied with the organisation — ranked by a simple score whose every point has a reason.

Deterministic and explainable: the score is the sum of
- 3 points per shared Sustainable Development Goal;
- 2 points in the same commune, 1 in the same département (the département is searched only when
  the commune has fewer candidates than asked);
- 2 points when the candidate is a partner of one of its partners, 1 at three ties;
- 1 point when none of its current partners belongs to the candidate's world;
ties broken by name. Every query is bounded (CANDIDATE_POOL per area) whatever the registry size.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from alliances.registry.enums import OrganisationStatus, Publication, World
from alliances.registry.models import Membership, Organisation
from alliances.sdg.models import Goal

LIMIT = 10
CANDIDATE_POOL = 200
POINTS_PER_GOAL = 3
POINTS_COMMUNE, POINTS_DEPARTEMENT = 2, 1
POINTS_DISTANCE = {2: 2, 3: 1}
POINTS_NEW_WORLD = 1


class Proximity:
    COMMUNE = "commune"
    DEPARTEMENT = "departement"


@dataclass
class Suggestion:
    organisation: Organisation
    shared_goals: list[Goal]
    proximity: str
    distance: int | None = None  # ties between them in the alliance network (2 or 3), if close
    via: Organisation | None = None  # a partner they have in common (distance 2)
    new_world: bool = False  # none of the organisation's partners is of this world
    reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return (
            POINTS_PER_GOAL * len(self.shared_goals)
            + (POINTS_COMMUNE if self.proximity == Proximity.COMMUNE else POINTS_DEPARTEMENT)
            + POINTS_DISTANCE.get(self.distance, 0)
            + (POINTS_NEW_WORLD if self.new_world else 0)
        )


def _commune_key(organisation: Organisation) -> int | None:
    """The commune an organisation is in (an arrondissement counts in its commune)."""
    if organisation.commune_id is None:
        return None
    return organisation.commune.commune_id or organisation.commune_id


def _partners(organisation: Organisation, *, published_only: bool) -> set[int]:
    rows = Membership.objects.filter(alliance__memberships__organisation=organisation)
    if published_only:
        rows = rows.filter(alliance__publication=Publication.PUBLISHED)
    return set(rows.values_list("organisation_id", flat=True).distinct().order_by()) - {
        organisation.pk
    }


def _candidates(organisation: Organisation, goals: list[int], allied: set[int]):
    return (
        Organisation.objects.filter(status=OrganisationStatus.ACTIVE, goals__in=goals)
        .exclude(world=organisation.world)
        .exclude(pk__in=allied | {organisation.pk})
        .annotate(shared=Count("goals", distinct=True))
        .select_related("commune")
        .order_by("-shared", "search_name", "pk")
    )


def _ties(candidates: set[int], targets) -> dict[int, int]:
    """Candidates sharing a published alliance with one of `targets` → one such target."""
    rows = (
        Membership.objects.filter(
            alliance__publication=Publication.PUBLISHED,
            organisation_id__in=candidates,
            alliance__memberships__organisation_id__in=targets,
        )
        .values_list("organisation_id", "alliance__memberships__organisation_id")
        .order_by("organisation_id", "alliance__memberships__organisation_id")
    )
    found: dict[int, int] = {}
    for candidate, target in rows:
        found.setdefault(candidate, target)
    return found


def partner_suggestions(organisation: Organisation, *, limit: int = LIMIT) -> list[Suggestion]:
    """Ranked candidate partners for an active organisation, each with its reasons."""
    commune = _commune_key(organisation)
    goals = list(organisation.goals.values_list("pk", flat=True))
    if organisation.status != OrganisationStatus.ACTIVE or commune is None or not goals:
        return []
    allied = _partners(organisation, published_only=False)
    candidates = _candidates(organisation, goals, allied)
    found = list(
        candidates.filter(Q(commune_id=commune) | Q(commune__commune_id=commune))[:CANDIDATE_POOL]
    )
    proximity = dict.fromkeys((c.pk for c in found), Proximity.COMMUNE)
    if len(found) < limit and organisation.departement_id:
        nearby = candidates.filter(departement_id=organisation.departement_id).exclude(
            pk__in=[c.pk for c in found]
        )[:CANDIDATE_POOL]
        for candidate in nearby:
            found.append(candidate)
            proximity[candidate.pk] = Proximity.DEPARTEMENT
    if not found:
        return []
    suggestions = _explain(organisation, found, proximity, goals)
    suggestions.sort(key=lambda s: (-s.score, s.organisation.search_name, s.organisation.pk))
    return suggestions[:limit]


def _explain(organisation, found, proximity, goals) -> list[Suggestion]:
    ids = {candidate.pk for candidate in found}
    partners = _partners(organisation, published_only=True)
    second = _ties(ids, partners) if partners else {}
    neighbours = Membership.objects.filter(
        alliance__publication=Publication.PUBLISHED,
        alliance__memberships__organisation_id__in=partners,
    ).values("organisation_id")
    third = _ties(ids - set(second), neighbours) if partners else {}
    partner_worlds = set(
        Organisation.objects.filter(pk__in=partners).values_list("world", flat=True)
    )
    via = Organisation.objects.in_bulk(set(second.values()))
    goal_rows = Organisation.goals.through.objects.filter(
        organisation_id__in=ids, goal_id__in=goals
    ).select_related("goal")
    shared: dict[int, list[Goal]] = {}
    for row in goal_rows.order_by("goal__number"):
        shared.setdefault(row.organisation_id, []).append(row.goal)
    result = []
    for candidate in found:
        suggestion = Suggestion(
            organisation=candidate,
            shared_goals=shared.get(candidate.pk, []),
            proximity=proximity[candidate.pk],
            distance=2 if candidate.pk in second else (3 if candidate.pk in third else None),
            via=via.get(second.get(candidate.pk)),
            new_world=candidate.world not in partner_worlds,
        )
        suggestion.reasons = _reasons(organisation, suggestion)
        result.append(suggestion)
    return result


def _reasons(organisation: Organisation, suggestion: Suggestion) -> list[str]:
    goals = ", ".join(str(goal.number) for goal in suggestion.shared_goals)
    reasons = [
        _("Works on the same goals: SDG %(goals)s.") % {"goals": goals},
    ]
    if suggestion.proximity == Proximity.COMMUNE:
        reasons.append(_("In the same commune."))
    else:
        reasons.append(_("In the same département."))
    if suggestion.distance == 2:
        name = suggestion.via.display_name if suggestion.via else ""
        reasons.append(_("Already a partner of its partner %(name)s.") % {"name": name})
    elif suggestion.distance == 3:
        reasons.append(_("Three ties away in the alliance network."))
    world = World(suggestion.organisation.world).label
    if suggestion.new_world:
        reasons.append(
            _("Brings a world none of its partners has yet: %(world)s.") % {"world": world}
        )
    else:
        reasons.append(_("Another world than its own: %(world)s.") % {"world": world})
    return reasons
