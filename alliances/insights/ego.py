"""The ego network of an organisation: its partners through published alliances, drawn and listed.

Read from the registry at request time with two bounded, indexed queries (the partners with the
number of alliances shared, then the ties between the partners drawn): an organisation's
neighbourhood is small even at national scale, and its page must not wait for a refresh.

The drawing is deterministic (no random layout): the organisation in the centre, its partners on
a circle grouped by world, then by alliances shared. The table of ties is its text equivalent.
"""

import math
from dataclasses import dataclass

import altair as alt
from django.db.models import Count
from django.utils.translation import gettext as _

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


def _circle(count: int) -> list[tuple[float, float]]:
    """Points on a circle around (0, 0), the first at the top, clockwise."""
    return [
        (math.sin(2 * math.pi * index / count), math.cos(2 * math.pi * index / count))
        for index in range(count)
    ]


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def chart(ego: EgoNetwork):
    """The organisation in the centre, its drawn partners around it, coloured by world."""
    places = _circle(len(ego.drawn))
    centre = {
        "x": 0.0,
        "y": 0.0,
        "name": ego.organisation.display_name,
        "world": str(World(ego.organisation.world).label),
        "size": 2,
    }
    points = [centre] + [
        {"x": x, "y": y, "name": tie.partner.display_name, "world": tie.world, "size": 1}
        for tie, (x, y) in zip(ego.drawn, places, strict=True)
    ]
    ties = [
        {"x": 0.0, "y": 0.0, "x2": x, "y2": y, "weight": tie.shared, "kind": "own"}
        for tie, (x, y) in zip(ego.drawn, places, strict=True)
    ] + [
        {
            "x": places[source][0],
            "y": places[source][1],
            "x2": places[target][0],
            "y2": places[target][1],
            "weight": weight,
            "kind": "between",
        }
        for source, target, weight in ego.links
    ]
    labels = [
        {"x": x * 1.12, "y": y * 1.12, "label": _short(tie.partner.display_name), "right": x >= 0}
        for tie, (x, y) in zip(ego.drawn, places, strict=True)
    ]
    domain = [str(label) for label in World.labels]
    colours = alt.Scale(domain=domain, range=[WORLD_COLOURS[w] for w in World.values])
    x_scale = alt.Scale(domain=[-2.2, 2.2])
    y_scale = alt.Scale(domain=[-1.3, 1.3])
    hidden = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    position = {
        "x": alt.X("x:Q", scale=x_scale, axis=hidden),
        "y": alt.Y("y:Q", scale=y_scale, axis=hidden),
    }
    rules = (
        alt.Chart(alt.Data(values=ties))
        .mark_rule(color="#8a8a8a")
        .encode(
            **position,
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("weight:Q", legend=None, scale=alt.Scale(range=[1, 5])),
            strokeDash=alt.StrokeDash(
                "kind:N",
                legend=None,
                scale=alt.Scale(domain=["own", "between"], range=[[1, 0], [4, 3]]),
            ),
        )
    )
    dots = (
        alt.Chart(alt.Data(values=points))
        .mark_circle(opacity=1, stroke="#ffffff", strokeWidth=1)
        .encode(
            **position,
            color=alt.Color("world:N", title=_("World"), scale=colours),
            size=alt.Size("size:Q", legend=None, scale=alt.Scale(domain=[1, 2], range=[160, 600])),
            tooltip=[alt.Tooltip("name:N", title=_("Organisation"))],
        )
    )
    texts = [
        alt.Chart(alt.Data(values=[label for label in labels if label["right"] == right]))
        .mark_text(align="left" if right else "right", baseline="middle", fontSize=11)
        .encode(**position, text="label:N")
        for right in (True, False)
    ]
    return alt.layer(rules, dots, *texts).properties(width=640, height=380)
