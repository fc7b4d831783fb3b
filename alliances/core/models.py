from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class ReferenceDataset(models.Model):
    """Which version of a reference file set is loaded, so reloading it is a no-op."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    checksum = models.CharField(_("checksum"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("reference dataset")
        verbose_name_plural = _("reference datasets")

    def __str__(self) -> str:
        return f"{self.name} ({self.rows})"
