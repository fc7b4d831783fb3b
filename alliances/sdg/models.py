from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.translation import localized

# The UN's official colour for each goal (SDG communication guidelines).
GOAL_COLOURS = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}


class Goal(models.Model):
    """One of the 17 UN Sustainable Development Goals (ODD in French)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    short_fr = models.CharField(_("short name (French)"), max_length=120)
    short_en = models.CharField(_("short name (English)"), max_length=120)
    title_fr = models.TextField(_("title (French)"))
    title_en = models.TextField(_("title (English)"))

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.short}"

    def get_absolute_url(self) -> str:
        return reverse("web:goal", kwargs={"number": self.number})

    @property
    def short(self) -> str:
        return localized(self, "short")

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def colour(self) -> str:
        return GOAL_COLOURS[self.number]


class Target(models.Model):
    """A target under a goal: "17.17" or "17.a" (means of implementation)."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="targets"
    )
    code = models.CharField(_("code"), max_length=6, unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    title_fr = models.TextField(_("title (French)"))
    title_en = models.TextField(_("title (English)"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["goal__number", "position"]

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return localized(self, "title")
