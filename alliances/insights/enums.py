from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    """The breakdowns stored per territory; `key` is a world, theme, type, year or goal number."""

    ACTORS_ACTIVE = "actors_active", _("active actors by world")
    ACTORS_DISSOLVED = "actors_dissolved", _("dissolved or closed actors by world")
    ASSOCIATION_THEME = "association_theme", _("active associations by Waldec theme")
    GOAL_ACTORS = "goal_actors", _("active actors engaged by SDG")
    ALLIANCE_TYPE = "alliance_type", _("alliances by type")
    ALLIANCE_YEAR = "alliance_year", _("alliances by start year")
    MEMBER_WORLD = "member_world", _("alliance members by world")
    GOAL_ALLIANCES = "goal_alliances", _("alliances by SDG")


class Scope(models.TextChoices):
    """The level of a summary row: the country or a kind of territory."""

    COUNTRY = "country", _("country")
    REGION = "region", _("region")
    DEPARTEMENT = "departement", _("département")
    EPCI = "epci", _("EPCI")
    COMMUNE = "commune", _("commune")


class Direction(models.TextChoices):
    """Whether a higher value of an indicator is better or worse for the territory."""

    HIGHER_IS_BETTER = "higher", _("higher is better")
    LOWER_IS_BETTER = "lower", _("lower is better")
