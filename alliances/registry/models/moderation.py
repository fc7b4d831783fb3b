from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.registry.enums import CorrectionStatus


class CorrectionRequest(models.Model):
    """A correction that anyone reported on a record, waiting for a moderator."""

    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
    )
    alliance = models.ForeignKey(
        "registry.Alliance",
        verbose_name=_("alliance"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
    )
    message = models.TextField(_("what should be corrected"))
    contact_email = models.EmailField(_("contact e-mail (optional, not published)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["status", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=True, alliance__isnull=False)
                | models.Q(organisation__isnull=False, alliance__isnull=True),
                name="correction_on_exactly_one_record",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation or self.alliance}: {self.message[:60]}"

    @property
    def record(self):
        return self.organisation or self.alliance


class OrganisationMerge(models.Model):
    """The history of a merge: what the removed duplicate was, into which record it went."""

    kept = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("kept organisation"),
        on_delete=models.CASCADE,
        related_name="merges",
    )
    merged_snapshot = models.JSONField(_("merged duplicate (as it was)"))
    memberships_moved = models.PositiveIntegerField(_("memberships moved"), default=0)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation merge")
        verbose_name_plural = _("organisation merges")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.merged_snapshot.get('name', '?')} → {self.kept}"
