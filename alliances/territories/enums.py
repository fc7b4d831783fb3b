from django.db import models
from django.utils.translation import gettext_lazy as _


class TerritoryKind(models.TextChoices):
    """Levels of the French administrative map, from the largest to the smallest."""

    REGION = "region", _("region")
    DEPARTEMENT = "departement", _("département")
    EPCI = "epci", _("intercommunality (EPCI)")
    COMMUNE = "commune", _("commune")
    ARRONDISSEMENT = "arrondissement", _("municipal arrondissement")


class Zone(models.TextChoices):
    METRO = "metro", _("metropolitan France")
    DROM = "drom", _("overseas département and region")
    COM = "com", _("overseas collectivity")


class EpciType(models.TextChoices):
    CC = "CC", _("communauté de communes")
    CA = "CA", _("communauté d'agglomération")
    CU = "CU", _("communauté urbaine")
    METRO = "METRO", _("métropole")
    MET69 = "MET69", _("Métropole de Lyon")
