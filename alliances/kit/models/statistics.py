"""Read model: anonymised compass statistics for the observatory, rebuilt by `refresh_insights`.

A row is one group of assessments (France, a région, a département or a world) for one
questionnaire and one axis (an empty axis is the overall score). The mean is written only when
the group has at least `KIT_PEER_MINIMUM` assessments, so no small group's numbers are stored.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.kit.enums import AXIS_CHOICES
from alliances.registry.enums import World


class CompassStatistic(models.Model):
    questionnaire = models.CharField(_("questionnaire"), max_length=50)
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    world = models.CharField(_("world"), max_length=20, choices=World.choices, blank=True)
    axis = models.CharField(_("axis"), max_length=20, choices=AXIS_CHOICES, blank=True)
    assessments = models.PositiveIntegerField(_("assessments"))
    mean = models.DecimalField(
        _("mean score"), max_digits=5, decimal_places=1, null=True, blank=True
    )

    class Meta:
        verbose_name = _("compass statistic")
        verbose_name_plural = _("compass statistics")
        ordering = ["questionnaire", "territory", "world", "axis"]
        indexes = [models.Index(fields=["territory", "questionnaire"])]

    def __str__(self) -> str:
        group = self.world or (self.territory_id and str(self.territory_id)) or "France"
        return f"{self.questionnaire} {group} {self.axis or 'overall'}: {self.mean}"
