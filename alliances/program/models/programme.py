from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.core.translation import localized
from alliances.program.enums import InstanceKind


class Programme(TimeStampedModel):
    """A collective programme of measures: the 21-measure roadmap, or any other."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    source = models.TextField(_("source"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    freshness_due_days = models.PositiveSmallIntegerField(
        _("update due after (days)"),
        default=30,
        help_text=_("A measure whose last progress update is older than this is 'update due'."),
    )
    freshness_overdue_days = models.PositiveSmallIntegerField(
        _("overdue after (days)"),
        default=60,
        help_text=_("A measure whose last progress update is older than this is 'overdue'."),
    )
    co_pilots = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-pilots"),
        blank=True,
        related_name="co_piloted_programmes",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(freshness_overdue_days__gt=models.F("freshness_due_days")),
                name="programme_overdue_after_due",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:programme", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")


class Dimension(models.Model):
    """A group of measures with its expected effect window (operational: 3–9 months…)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="dimensions"
    )
    code = models.CharField(_("code"), max_length=10)
    position = models.PositiveSmallIntegerField(_("position"))
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    effect_from_months = models.PositiveSmallIntegerField(_("first effects from (months)"))
    effect_to_months = models.PositiveSmallIntegerField(_("first effects until (months)"))

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="dimension_unique_code"),
            models.CheckConstraint(
                condition=models.Q(effect_to_months__gte=models.F("effect_from_months")),
                name="dimension_effect_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Objective(models.Model):
    """A structural objective that measures serve (mobiliser, soutenir, éduquer, légaliser)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="objectives"
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("structural objective")
        verbose_name_plural = _("structural objectives")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="objective_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class StakeholderGroup(models.Model):
    """A group of stakeholders whose needs measures serve (field actors, pioneers…)."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="stakeholder_groups",
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="stakeholder_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class ProgrammeInstance(models.Model):
    """A dated meeting, forum or evaluation to which the co-pilots report."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="instances"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstanceKind.choices)
    date = models.DateField(_("date"))
    title_fr = models.CharField(_("title (French)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme instance")
        verbose_name_plural = _("programme instances")
        ordering = ["programme", "date"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    @property
    def title(self) -> str:
        return localized(self, "title")
