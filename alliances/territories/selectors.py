"""Reads of the territories: lookups, hierarchy and children."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from alliances.core.text import fold
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

ANCESTOR_FIELDS = ("region", "departement", "epci", "commune")


@dataclass(frozen=True)
class ChildGroup:
    kind: str
    label: str
    territories: QuerySet


def territory_get(*, kind: str, code: str) -> Territory:
    return get_object_or_404(
        Territory.objects.select_related(*ANCESTOR_FIELDS), kind=kind, code=code
    )


def territory_ancestors(territory: Territory) -> list[Territory]:
    """From the largest to the smallest, the territories that contain this one."""
    ancestors = [getattr(territory, field) for field in ANCESTOR_FIELDS]
    return [ancestor for ancestor in ancestors if ancestor is not None]


def territory_children(territory: Territory) -> list[ChildGroup]:
    """The territories directly below this one, grouped by kind."""
    territories = Territory.objects.order_by("name")
    match territory.kind:
        case TerritoryKind.REGION:
            return [
                ChildGroup(
                    TerritoryKind.DEPARTEMENT,
                    _("Départements"),
                    territories.filter(kind=TerritoryKind.DEPARTEMENT, region=territory).order_by(
                        "code"
                    ),
                )
            ]
        case TerritoryKind.DEPARTEMENT:
            return [
                ChildGroup(
                    TerritoryKind.EPCI,
                    _("Intercommunalities (EPCI) based in this département"),
                    territories.filter(kind=TerritoryKind.EPCI, departement=territory),
                ),
                ChildGroup(
                    TerritoryKind.COMMUNE,
                    _("Communes"),
                    territories.filter(kind=TerritoryKind.COMMUNE, departement=territory),
                ),
            ]
        case TerritoryKind.EPCI:
            return [
                ChildGroup(
                    TerritoryKind.COMMUNE,
                    _("Member communes"),
                    territories.filter(kind=TerritoryKind.COMMUNE, epci=territory),
                )
            ]
        case TerritoryKind.COMMUNE:
            return [
                ChildGroup(
                    TerritoryKind.ARRONDISSEMENT,
                    _("Municipal arrondissements"),
                    territories.filter(
                        kind=TerritoryKind.ARRONDISSEMENT, commune=territory
                    ).order_by("code"),
                )
            ]
    return []


def regions() -> QuerySet:
    return Territory.objects.filter(kind=TerritoryKind.REGION).order_by("zone", "name")


@dataclass(frozen=True)
class SearchResults:
    territories: list[Territory]
    total: int


def territory_search(query: str, *, limit: int = 50) -> SearchResults:
    """Territories whose name or code matches: exact names first, then by population."""
    query = query.strip()
    base = Territory.objects.select_related("departement")
    compact = query.replace(" ", "")
    if compact.isalnum() and any(char.isdigit() for char in compact):
        matches = base.filter(code__startswith=compact.upper())
        return SearchResults(list(matches.order_by("kind", "code")[:limit]), matches.count())
    folded = fold(query)
    if not folded:
        return SearchResults([], 0)
    matches = base.search(query)
    found = list(matches.order_by("-population")[: limit * 4])

    def rank(territory: Territory) -> tuple[int, int]:
        if territory.search_name == folded:
            quality = 0
        elif territory.search_name.startswith(folded):
            quality = 1
        else:
            quality = 2
        return (quality, -(territory.population or 0))

    found.sort(key=rank)
    return SearchResults(found[:limit], matches.count())
