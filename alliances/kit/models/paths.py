from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.core.translation import localized
from alliances.kit.enums import AudienceProfile, Maturity


class GuidedPath(TimeStampedModel):
    """A parcours: resources in a chosen order for one profile at one maturity level."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    profile = models.CharField(_("profile"), max_length=20, choices=AudienceProfile.choices)
    maturity = models.CharField(_("maturity level"), max_length=10, choices=Maturity.choices)
    is_published = models.BooleanField(_("published"), default=False)
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("curated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("guided path")
        verbose_name_plural = _("guided paths")
        ordering = ["profile", "maturity", "slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        return reverse("web:kit_path", kwargs={"slug": self.slug})


class PathStep(models.Model):
    path = models.ForeignKey(GuidedPath, on_delete=models.CASCADE, related_name="steps")
    resource = models.ForeignKey(
        "kit.Resource", verbose_name=_("resource"), on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    note_fr = models.CharField(_("why this step (French)"), max_length=300, blank=True)
    note_en = models.CharField(_("why this step (English)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["path", "order"]
        constraints = [
            models.UniqueConstraint(fields=["path", "order"], name="kit_step_order_unique"),
            models.UniqueConstraint(fields=["path", "resource"], name="kit_step_resource_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.path} — {self.order}. {self.resource}"

    @property
    def note(self) -> str:
        return localized(self, "note")


class Bookmark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kit_bookmarks"
    )
    resource = models.ForeignKey("kit.Resource", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="kit_bookmark_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.resource}"


class SavedSearch(models.Model):
    """A search of the resource centre a user follows: new matching resources come by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kit_saved_searches"
    )
    label = models.CharField(_("name"), max_length=120)
    query_string = models.CharField(_("search"), max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["user", "label"]
        constraints = [
            models.UniqueConstraint(fields=["user", "query_string"], name="kit_saved_search_unique")
        ]

    def __str__(self) -> str:
        return self.label


class AlertDelivery(models.Model):
    """A resource sent to a user by a digest: never sent to them again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    resource = models.ForeignKey("kit.Resource", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="kit_alert_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.resource}"
