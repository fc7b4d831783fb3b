"""Partners for a challenge: an SDG goal (or one of its targets) in a territory.

Candidates are **active** organisations of every world located in the territory (or, for an
EPCI, a commune or an arrondissement, elsewhere in its département) that either declare the
goal, are members of a published alliance on the goal or target, or whose activity (Waldec theme
for associations, NAF division for the others) serves the goal (`GOAL_ACTIVITIES`). Each gets a
score whose every point is a reason:

| reason | points |
|---|---|
| declares the goal | 3 |
| member of a published alliance on the target / else on the goal | 3 / 2 |
| its activity serves the goal | 1 |
| in the territory / in its département | 2 / 1 |
| its world is not yet in a published alliance on the goal touching the territory | 2 |
| already allied with organisations of other worlds | 1 |
| an active catalyst serves its area (commune, EPCI, département or région) | 1 |

Ties are broken by name, then id: the same registry always gives the same list. Every query is
bounded (CANDIDATE_POOL candidates per source and area) whatever the size of the registry.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from alliances.insights.models import AllianceReach
from alliances.registry.enums import OrganisationStatus, Publication, WaldecTheme, World
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.sdg.models import Goal, Target
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

LIMIT = 20
CANDIDATE_POOL = 200
POINTS_DECLARED = 3
POINTS_TARGET_ALLIANCE, POINTS_GOAL_ALLIANCE = 3, 2
POINTS_ACTIVITY = 1
POINTS_INSIDE, POINTS_DEPARTEMENT = 2, 1
POINTS_MISSING_WORLD = 2
POINTS_CROSS_WORLD = 1
POINTS_CATALYST = 1

# The activities that serve each goal: Waldec theme families (associations) and NAF divisions
# (the first two digits of the NAF code, companies and public bodies). An editorial table, kept
# short on purpose: it widens the candidates to organisations that declare no goal (most of the
# imported registry) without drowning those that do. See docs/network.md.
GOAL_ACTIVITIES: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    1: (("019", "020", "014", "031"), ("87", "88")),
    2: (("020", "024"), ("01", "10", "56")),
    3: (("017", "018", "011"), ("86", "87", "21")),
    4: (("015", "016", "009"), ("85",)),
    5: (("003", "019"), ("88", "94")),
    6: (("024",), ("36", "37")),
    7: (("024",), ("35",)),
    8: (("030", "022", "023"), ("78", "70")),
    9: (("016", "022"), ("62", "71", "72")),
    10: (("003", "019", "020"), ("88",)),
    11: (("031", "010", "009", "007"), ("41", "49", "68")),
    12: (("024", "022"), ("38", "47")),
    13: (("024",), ("35", "38")),
    14: (("024", "013"), ("03",)),
    15: (("024", "013"), ("01", "02")),
    16: (("003", "004", "001"), ("69", "84")),
    17: (("020", "030", "002"), ("84", "94")),
}


class Place:
    INSIDE = "inside"
    DEPARTEMENT = "departement"


@dataclass
class ChallengeSuggestion:
    organisation: Organisation
    place: str
    declares_goal: bool = False
    target_alliances: int = 0  # published alliances on the target it is a member of
    goal_alliances: int = 0  # published alliances on the goal it is a member of
    activity: str = ""  # the Waldec theme or NAF division that serves the goal, if any
    missing_world: bool = False  # its world is not yet in an alliance on the goal here
    other_world_partners: int = 0  # partners of other worlds through published alliances
    catalyst: Catalyst | None = None  # an active catalyst serving its area
    reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        alliance_points = 0
        if self.target_alliances:
            alliance_points = POINTS_TARGET_ALLIANCE
        elif self.goal_alliances:
            alliance_points = POINTS_GOAL_ALLIANCE
        return (
            (POINTS_DECLARED if self.declares_goal else 0)
            + alliance_points
            + (POINTS_ACTIVITY if self.activity else 0)
            + (POINTS_INSIDE if self.place == Place.INSIDE else POINTS_DEPARTEMENT)
            + (POINTS_MISSING_WORLD if self.missing_world else 0)
            + (POINTS_CROSS_WORLD if self.other_world_partners else 0)
            + (POINTS_CATALYST if self.catalyst else 0)
        )


@dataclass
class Challenge:
    goal: Goal
    target: Target | None
    territory: Territory
    suggestions: list[ChallengeSuggestion]
    catalysts: list[Catalyst]  # active catalysts serving the territory or a territory above it
    worlds_engaged: list[str]  # worlds already in published alliances on the goal here


def _inside(territory: Territory) -> Q:
    kind = territory.kind
    if kind == TerritoryKind.REGION:
        return Q(commune__region=territory)
    if kind == TerritoryKind.DEPARTEMENT:
        return Q(departement=territory)
    if kind == TerritoryKind.EPCI:
        return Q(commune__epci=territory)
    if kind == TerritoryKind.COMMUNE:
        return Q(commune=territory) | Q(commune__commune=territory)
    return Q(commune=territory)


def _departement(territory: Territory) -> Q | None:
    """The wider area searched for an EPCI, a commune or an arrondissement: its département."""
    if territory.kind in (TerritoryKind.REGION, TerritoryKind.DEPARTEMENT):
        return None
    if territory.departement_id is None:
        return None
    return Q(departement_id=territory.departement_id) & ~_inside(territory)


def _alliances(goal: Goal, target: Target | None) -> QuerySet:
    """Published alliances on the target, or on the goal (by the goal or one of its targets)."""
    published = Alliance.objects.filter(publication=Publication.PUBLISHED)
    if target is not None:
        return published.filter(targets=target)
    return published.filter(Q(goals=goal) | Q(targets__goal=goal)).distinct()


def _pool(area: Q, goal: Goal) -> list[Organisation]:
    """Up to CANDIDATE_POOL active organisations of the area from each source, by name."""
    themes, divisions = GOAL_ACTIVITIES.get(goal.number, ((), ()))
    activity = Q(world=World.ASSOCIATION, waldec_theme__in=themes)
    for division in divisions:
        activity |= Q(naf__startswith=division) & ~Q(world=World.ASSOCIATION)
    # Alliances on the goal (those on one of its targets included): members of both score.
    alliances = _alliances(goal, None).values("pk")
    sources = [
        Q(goals=goal),
        Q(pk__in=Membership.objects.filter(alliance__in=alliances).values("organisation_id")),
        activity,
    ]
    active = Organisation.objects.filter(area, status=OrganisationStatus.ACTIVE)
    found: dict[int, Organisation] = {}
    for source in sources:
        rows = active.filter(source).select_related("commune").order_by("search_name", "pk")
        for organisation in rows[:CANDIDATE_POOL]:
            found.setdefault(organisation.pk, organisation)
    return list(found.values())


def _activity(organisation: Organisation, goal: Goal) -> str:
    themes, divisions = GOAL_ACTIVITIES.get(goal.number, ((), ()))
    if organisation.world == World.ASSOCIATION:
        if organisation.waldec_theme in themes:
            return str(WaldecTheme(organisation.waldec_theme).label)
        return ""
    division = (organisation.naf or "")[:2]
    return division if division in divisions else ""


def _alliance_counts(ids: set[int], alliances: QuerySet) -> dict[int, int]:
    counts: dict[int, int] = {}
    rows = Membership.objects.filter(organisation_id__in=ids, alliance__in=alliances.values("pk"))
    for organisation, _alliance in rows.values_list("organisation_id", "alliance_id").distinct():
        counts[organisation] = counts.get(organisation, 0) + 1
    return counts


def _other_world_partners(found: list[Organisation]) -> dict[int, int]:
    world = {organisation.pk: organisation.world for organisation in found}
    rows = (
        Membership.objects.filter(
            alliance__publication=Publication.PUBLISHED,
            alliance__memberships__organisation_id__in=list(world),
        )
        .exclude(organisation__status=OrganisationStatus.DELETED)
        .values_list(
            "alliance__memberships__organisation_id", "organisation_id", "organisation__world"
        )
        .distinct()
    )
    partners: dict[int, set[int]] = {}
    for candidate, partner, partner_world in rows:
        if partner != candidate and partner_world != world[candidate]:
            partners.setdefault(candidate, set()).add(partner)
    return {candidate: len(others) for candidate, others in partners.items()}


def _area_ids(organisation: Organisation) -> list[int]:
    commune = organisation.commune
    if commune is None:
        return [organisation.departement_id] if organisation.departement_id else []
    ids = [commune.pk, commune.commune_id, commune.epci_id, commune.departement_id]
    ids.append(commune.region_id)
    return [pk for pk in ids if pk]


def _catalysts_by_area(found: list[Organisation]) -> dict[int, Catalyst]:
    """Candidate → the first (by name) active catalyst serving its commune, EPCI, département or
    région."""
    areas = {organisation.pk: _area_ids(organisation) for organisation in found}
    wanted = {pk for ids in areas.values() for pk in ids}
    if not wanted:
        return {}
    serving: dict[int, list[Catalyst]] = {}
    links = (
        Catalyst.territories.through.objects.filter(
            territory_id__in=wanted, catalyst__is_active=True
        )
        .select_related("catalyst__organisation")
        .order_by("catalyst__person_name", "catalyst__organisation__search_name", "catalyst_id")
    )
    for link in links:
        serving.setdefault(link.territory_id, []).append(link.catalyst)
    result = {}
    for candidate, ids in areas.items():
        options = [catalyst for pk in ids for catalyst in serving.get(pk, [])]
        if options:
            result[candidate] = min(options, key=lambda c: (c.name.casefold(), c.pk))
    return result


def territory_catalysts(territory: Territory) -> list[Catalyst]:
    """Active catalysts serving the territory, a territory above it or one inside it."""
    above = [
        pk
        for pk in (
            territory.pk,
            territory.region_id,
            territory.departement_id,
            territory.epci_id,
            territory.commune_id,
        )
        if pk
    ]
    area = Q(pk__in=above)
    if territory.kind in (TerritoryKind.REGION, TerritoryKind.DEPARTEMENT, TerritoryKind.EPCI):
        area |= Q(**{territory.kind: territory})
    inside = Territory.objects.filter(area).values("pk")
    return list(
        Catalyst.objects.filter(is_active=True, territories__in=inside)
        .select_related("organisation")
        .distinct()
        .order_by("person_name", "organisation__search_name", "pk")
    )


def worlds_engaged(goal: Goal, territory: Territory) -> set[str]:
    """Worlds of the members of published alliances on the goal touching the territory."""
    touching = AllianceReach.objects.filter(territory=territory).values("alliance_id")
    return set(
        Membership.objects.filter(
            alliance__in=_alliances(goal, None).filter(pk__in=touching).values("pk")
        )
        .exclude(organisation__status=OrganisationStatus.DELETED)
        .values_list("organisation__world", flat=True)
        .distinct()
        .order_by()
    )


def challenge_suggestions(
    goal: Goal, territory: Territory, *, target: Target | None = None, limit: int = LIMIT
) -> Challenge:
    """Ranked candidate partners from every world for a goal (or target) in a territory."""
    if target is not None and target.goal_id != goal.pk:
        raise ValueError("the target is not one of the goal's")
    places: dict[int, str] = {}
    found = _pool(_inside(territory), goal)
    for organisation in found:
        places[organisation.pk] = Place.INSIDE
    wider = _departement(territory)
    if wider is not None:
        for organisation in _pool(wider, goal):
            if organisation.pk not in places:
                places[organisation.pk] = Place.DEPARTEMENT
                found.append(organisation)
    engaged = worlds_engaged(goal, territory)
    catalysts = territory_catalysts(territory)
    suggestions = []
    if found:
        ids = {organisation.pk for organisation in found}
        declared = set(
            Organisation.goals.through.objects.filter(
                organisation_id__in=ids, goal=goal
            ).values_list("organisation_id", flat=True)
        )
        on_target = _alliance_counts(ids, _alliances(goal, target)) if target else {}
        on_goal = _alliance_counts(ids, _alliances(goal, None))
        others = _other_world_partners(found)
        nearby = _catalysts_by_area(found)
        for organisation in found:
            suggestion = ChallengeSuggestion(
                organisation=organisation,
                place=places[organisation.pk],
                declares_goal=organisation.pk in declared,
                target_alliances=on_target.get(organisation.pk, 0),
                goal_alliances=on_goal.get(organisation.pk, 0),
                activity=_activity(organisation, goal),
                missing_world=organisation.world not in engaged,
                other_world_partners=others.get(organisation.pk, 0),
                catalyst=nearby.get(organisation.pk),
            )
            suggestion.reasons = _reasons(suggestion, goal, target, territory)
            suggestions.append(suggestion)
        suggestions.sort(key=lambda s: (-s.score, s.organisation.search_name, s.organisation.pk))
    return Challenge(
        goal=goal,
        target=target,
        territory=territory,
        suggestions=suggestions[:limit],
        catalysts=catalysts,
        worlds_engaged=sorted(str(World(world).label) for world in engaged),
    )


def _reasons(
    suggestion: ChallengeSuggestion, goal: Goal, target: Target | None, territory: Territory
) -> list[str]:
    reasons = []
    number = {"goal": goal.number}
    if suggestion.declares_goal:
        reasons.append(_("Works on SDG %(goal)s.") % number)
    if suggestion.target_alliances and target is not None:
        reasons.append(
            _("Member of %(count)s published alliance(s) on target %(target)s.")
            % {"count": suggestion.target_alliances, "target": target.code}
        )
    elif suggestion.goal_alliances:
        reasons.append(
            _("Member of %(count)s published alliance(s) on SDG %(goal)s.")
            % {"count": suggestion.goal_alliances, "goal": goal.number}
        )
    if suggestion.activity:
        reasons.append(
            _("Its activity serves SDG %(goal)s: %(activity)s.")
            % {"goal": goal.number, "activity": suggestion.activity}
        )
    if suggestion.place == Place.INSIDE:
        reasons.append(_("Located in %(territory)s.") % {"territory": territory.name})
    else:
        reasons.append(_("Located in the same département."))
    world = World(suggestion.organisation.world).label
    if suggestion.missing_world:
        reasons.append(
            _("Brings a world not yet in an alliance on SDG %(goal)s here: %(world)s.")
            % {"goal": goal.number, "world": world}
        )
    if suggestion.other_world_partners:
        reasons.append(
            _("Already allied with %(count)s organisation(s) of other worlds.")
            % {"count": suggestion.other_world_partners}
        )
    if suggestion.catalyst is not None:
        reasons.append(
            _("A territorial catalyst serves its area: %(name)s.")
            % {"name": suggestion.catalyst.name}
        )
    return reasons
