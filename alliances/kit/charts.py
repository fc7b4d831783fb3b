"""The compass's radar chart as a Vega-Lite specification (rendered by `core.charts.chart_svg` on
pages and as PNG in the PDF). Vega-Lite has no polar line chart, so the polygon's corners are
computed here: axis i sits at angle 2πi/n from the top, clockwise, at a radius of its score."""

import math

from django.utils.formats import number_format

RADIUS = 100
LABEL_RADIUS = 122
RINGS = (25, 50, 75, 100)
COLOUR = "#19486a"
GRID = "#c8cdd2"
WIDTH_RATIO = 1.7


def _corner(index: int, count: int, radius: float) -> tuple[float, float]:
    angle = 2 * math.pi * index / count
    return round(radius * math.sin(angle), 3), round(radius * math.cos(angle), 3)


def radar(scores: list[tuple[str, float]], *, size: int = 360) -> dict:
    """`scores`: (axis label, score out of 100) in the order the axes go round."""
    count = len(scores)
    grid, spokes, polygon, labels = [], [], [], []
    for ring in RINGS:
        for index in range(count + 1):
            x, y = _corner(index % count, count, ring)
            grid.append({"ring": ring, "order": index, "x": x, "y": y})
    for index, (label, score) in enumerate(scores):
        x, y = _corner(index, count, RADIUS)
        spokes.append({"x": 0, "y": 0, "x2": x, "y2": y})
        lx, ly = _corner(index, count, LABEL_RADIUS)
        align = "center" if abs(lx) < 1 else ("left" if lx > 0 else "right")
        text = f"{label} ({number_format(score, 1)})"
        labels.append({"x": lx, "y": ly, "label": text, "align": align})
    for index in range(count + 1):
        label, score = scores[index % count]
        x, y = _corner(index % count, count, RADIUS * max(0.0, min(float(score), 100.0)) / 100)
        polygon.append({"order": index, "x": x, "y": y, "axis": label, "score": score})
    # Wider than tall, with the same units on both axes (a round radar), to leave room for labels.
    half = LABEL_RADIUS + 25
    position = {
        "x": {
            "field": "x",
            "type": "quantitative",
            "scale": {"domain": [-half * WIDTH_RATIO, half * WIDTH_RATIO]},
            "axis": None,
        },
        "y": {
            "field": "y",
            "type": "quantitative",
            "scale": {"domain": [-half, half]},
            "axis": None,
        },
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": round(size * WIDTH_RATIO),
        "height": size,
        "layer": [
            {
                "data": {"values": grid},
                "mark": {"type": "line", "stroke": GRID, "strokeWidth": 1},
                "encoding": {
                    **position,
                    "detail": {"field": "ring", "type": "nominal"},
                    "order": {"field": "order", "type": "quantitative"},
                },
            },
            {
                "data": {"values": spokes},
                "mark": {"type": "rule", "stroke": GRID},
                "encoding": {
                    **position,
                    "x2": {"field": "x2"},
                    "y2": {"field": "y2"},
                },
            },
            {
                "data": {"values": polygon},
                "mark": {"type": "line", "stroke": COLOUR, "strokeWidth": 2.5, "point": True},
                "encoding": {**position, "order": {"field": "order", "type": "quantitative"}},
            },
            *(
                {
                    "data": {"values": [row for row in labels if row["align"] == align]},
                    "mark": {
                        "type": "text",
                        "fontSize": 11,
                        "baseline": "middle",
                        "align": align,
                        "limit": 210,
                    },
                    "encoding": {**position, "text": {"field": "label"}},
                }
                for align in ("left", "right", "center")
                if any(row["align"] == align for row in labels)
            ),
            {
                "data": {"values": [{"x": 3, "y": ring, "label": str(ring)} for ring in RINGS]},
                "mark": {
                    "type": "text",
                    "fontSize": 9,
                    "align": "left",
                    "dy": -6,
                    "color": "#595959",
                },
                "encoding": {**position, "text": {"field": "label"}},
            },
        ],
    }
