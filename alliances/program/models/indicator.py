from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliances.core.models import TimeStampedModel
from alliances.program.enums import Direction, IndicatorStatus
from alliances.program.models.measure import WEIGHT_FIELD_OPTIONS

VALUE_FIELD_OPTIONS = {"max_digits": 16, "decimal_places": 4}


class Indicator(TimeStampedModel):
    measure = models.ForeignKey(
        "program.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    external_id = models.CharField(_("external id"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.CharField(
        _("desired direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_value = models.DecimalField(_("baseline value"), **VALUE_FIELD_OPTIONS)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target value"), **VALUE_FIELD_OPTIONS)
    target_date = models.DateField(_("target date"))
    weight = models.DecimalField(_("weight in roll-ups"), **WEIGHT_FIELD_OPTIONS)
    status_override = models.CharField(
        _("status set by hand"), max_length=20, choices=IndicatorStatus.choices, blank=True
    )
    status_override_reason = models.TextField(_("reason for the status set by hand"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["measure", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "external_id"], name="indicator_unique_external_id"
            ),
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("baseline_date")),
                name="indicator_target_after_baseline",
            ),
            models.CheckConstraint(
                condition=models.Q(status_override="") | ~models.Q(status_override_reason=""),
                name="indicator_override_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), **VALUE_FIELD_OPTIONS)
    source = models.CharField(_("source"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="indicator_value_unique_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.date:%Y-%m-%d}: {self.value}"
