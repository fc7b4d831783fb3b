"""The ego network of an organisation: its partners through published alliances, drawn and listed.

Read from the registry at request time with two bounded, indexed queries (the partners with the
number of alliances shared, then the ties between the partners drawn): an organisation's
neighbourhood is small even at national scale, and its page must not wait for a refresh.

The drawing is deterministic (no random layout): the organisation in the centre, its partners on
a circle grouped by world, then by alliances shared. The table of ties is its text equivalent.
"""

import math
from dataclasses import dataclass

from django.db.models import Count

from alliances.insights.network import weighted_pairs
from alliances.registry.enums import OrganisationStatus, Publication, World
from alliances.registry.models import Membership, Organisation

DRAWN = 24  # partners drawn around the organisation
LISTED = 100  # partners in the table
# One colour per world, the same on every page (the first four are those of the theme).
WORLD_COLOURS = {
    World.ASSOCIATION: "#19486a",
    World.COMPANY: "#3f7e44",
    World.PUBLIC: "#c5192d",
    World.CITIZEN: "#b86e00",
    World.FOUNDATION: "#6b4c9a",
    World.ACADEMIC: "#00689d",
    World.OTHER: "#6f7378",
}


@dataclass(frozen=True)
class Tie:
    partner: Organisation
    shared: int  # published alliances the two organisations are both members of

    @property
    def world(self) -> str:
        return str(World(self.partner.world).label)


@dataclass(frozen=True)
class EgoNetwork:
    organisation: Organisation
    partners: int  # every partner
    ties: list[Tie]  # at most LISTED, most alliances shared first
    drawn: list[Tie]  # at most DRAWN, grouped by world
    links: list[tuple[int, int, int]]  # ties between drawn partners: positions in `drawn`, weight

    @property
    def is_truncated(self) -> bool:
        return self.partners > len(self.ties)

    @property
    def is_drawing_truncated(self) -> bool:
        return self.partners > len(self.drawn)


def _partner_rows(organisation: Organisation):
    return (
        Membership.objects.filter(
            alliance__publication=Publication.PUBLISHED,
            alliance__memberships__organisation=organisation,
        )
        .exclude(organisation=organisation)
        .exclude(organisation__status=OrganisationStatus.DELETED)
    )


def ego_network(organisation: Organisation, *, drawn: int = DRAWN, listed: int = LISTED):
    """The organisation's partners (sharing a published alliance), the most tied first."""
    rows = _partner_rows(organisation)
    ranked = list(
        rows.values("organisation_id")
        .annotate(shared=Count("alliance_id", distinct=True))
        .order_by("-shared", "organisation__search_name", "organisation_id")
        .values_list("organisation_id", "shared")[: max(listed, drawn)]
    )
    if not ranked:
        return EgoNetwork(organisation, 0, [], [], [])
    partners = rows.values("organisation_id").distinct().count()
    found = Organisation.objects.in_bulk([pk for pk, _shared in ranked])
    ties = [Tie(found[pk], shared) for pk, shared in ranked]
    order = list(World.values)
    chosen = sorted(
        ties[:drawn],
        key=lambda tie: (order.index(tie.partner.world), -tie.shared, tie.partner.search_name),
    )
    position = {tie.partner.pk: index for index, tie in enumerate(chosen)}
    links = [
        (position[source], position[target], weight)
        for source, target, weight in weighted_pairs(None, among=list(position)).order_by(
            "organisation_id", "alliance__memberships__organisation_id"
        )
    ]
    return EgoNetwork(organisation, partners, ties[:listed], chosen, links)


def _short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    fill: str
    name: str  # in full, for the SVG <title> of the dot
    label: str  # shortened, drawn beside it
    label_x: float
    label_y: float
    anchor: str  # start | middle | end


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    dashed: bool  # a tie between two partners (not with the organisation itself)


@dataclass(frozen=True)
class Drawing:
    """An SVG drawing in a WIDTH × HEIGHT box, rendered by a template (no script, no style)."""

    width: int
    height: int
    centre: Dot
    dots: list[Dot]
    lines: list[Line]
    legend: list[tuple[str, str]]  # (world, colour) of the worlds drawn


WIDTH, HEIGHT, RADIUS = 680, 400, 150


def _width(weight: int, heaviest: int) -> float:
    return round(1 + 3 * (weight - 1) / max(1, heaviest - 1), 2)


def drawing(ego: EgoNetwork) -> Drawing:
    """The organisation in the centre, its drawn partners on a circle (the first at the top,
    clockwise, grouped by world), ties as lines as thick as the alliances they share."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    count = len(ego.drawn)
    places = []
    for index in range(count):
        angle = 2 * math.pi * index / max(count, 1)
        places.append(
            (round(cx + RADIUS * math.sin(angle), 1), round(cy - RADIUS * math.cos(angle), 1))
        )
    heaviest = max([tie.shared for tie in ego.drawn] + [w for _s, _t, w in ego.links] + [1])
    lines = [
        Line(places[a][0], places[a][1], places[b][0], places[b][1], _width(w, heaviest), True)
        for a, b, w in ego.links
    ] + [
        Line(cx, cy, x, y, _width(tie.shared, heaviest), False)
        for tie, (x, y) in zip(ego.drawn, places, strict=True)
    ]
    dots = []
    for tie, (x, y) in zip(ego.drawn, places, strict=True):
        dx, dy = x - cx, y - cy
        if abs(dx) < 1:  # top or bottom: the label above or below the dot
            anchor, label_x, label_y = "middle", x, y + (-14 if dy < 0 else 22)
        else:
            anchor = "start" if dx > 0 else "end"
            label_x, label_y = x + (12 if dx > 0 else -12), y + 4
        dots.append(
            Dot(
                x,
                y,
                8,
                WORLD_COLOURS[tie.partner.world],
                tie.partner.display_name,
                _short(tie.partner.display_name),
                round(label_x, 1),
                round(label_y, 1),
                anchor,
            )
        )
    organisation = ego.organisation
    centre = Dot(
        cx,
        cy,
        14,
        WORLD_COLOURS[organisation.world],
        organisation.display_name,
        "",
        cx,
        cy,
        "middle",
    )
    drawn_worlds = {organisation.world} | {tie.partner.world for tie in ego.drawn}
    legend = [
        (str(World(world).label), WORLD_COLOURS[world])
        for world in World.values
        if world in drawn_worlds
    ]
    return Drawing(WIDTH, HEIGHT, centre, dots, lines, legend)
