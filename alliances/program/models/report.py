from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """A follow-up report as of a date, with the snapshot it was built from.

    The snapshot is what the next report compares itself with ("what changed since").
    """

    programme = models.ForeignKey(
        "program.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    instance = models.ForeignKey(
        "program.ProgrammeInstance",
        verbose_name=_("for the instance"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    as_of = models.DateField(_("as of"))
    snapshot = models.JSONField(_("snapshot"), default=dict, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        ordering = ["programme", "-as_of", "-id"]

    def __str__(self) -> str:
        return f"{self.programme} — {self.as_of:%Y-%m-%d}"
