"""The freshness indicator of the diagnostic: a small section read from its own read model."""

from django import template

from alliances.insights.freshness import freshness_of_territory
from alliances.insights.models import FreshnessCount

register = template.Library()


@register.inclusion_tag("web/observatory/_freshness.html")
def freshness_indicator(territory):
    here = freshness_of_territory(territory)
    national = freshness_of_territory(None) if territory is not None else here
    rows = [
        (label, here.get(kind), national.get(kind)) for kind, label in FreshnessCount.Kind.choices
    ]
    return {"territory": territory, "rows": rows, "empty": not here}
