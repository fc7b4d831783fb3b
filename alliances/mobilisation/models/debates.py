from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.mobilisation.enums import DebateState


class Debate(TimeStampedModel):
    """A question put up for debate on a measure by the programme's co-pilots, for a while.

    Contributions attach to the debate while it is open; at or after its closing a co-pilot
    writes the conclusion, which the measure's page and the next follow-up report show.
    """

    measure = models.ForeignKey(
        "program.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="debates",
    )
    title = models.CharField(_("question"), max_length=300)
    framing = models.TextField(
        _("framing"), blank=True, help_text=_("What is at stake, what is asked of contributors.")
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concluded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    contributions = GenericRelation("mobilisation.Contribution")

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="debate_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:debate", kwargs={"pk": self.pk})

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if self.concluded_at is not None:
            return DebateState.CONCLUDED
        if now < self.opens_at:
            return DebateState.UPCOMING
        if now < self.closes_at:
            return DebateState.OPEN
        return DebateState.CLOSED

    def is_open(self, now=None) -> bool:
        return self.state(now) == DebateState.OPEN

    def get_state_display(self) -> str:
        return DebateState(self.state()).label
