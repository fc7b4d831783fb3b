from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.core.text import fold
from alliances.core.translation import localized
from alliances.core.uploads import USER_DOCUMENT_KINDS, GeneratedName, UploadValidator
from alliances.kit.enums import (
    AudienceProfile,
    CompassAxis,
    Language,
    Maturity,
    ResourceKind,
    ResourceState,
)


class Theme(models.Model):
    """A theme of the kit (e.g. "employment", "ecological transition"), named in both languages."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class ResourceQuerySet(models.QuerySet):
    def published(self) -> "ResourceQuerySet":
        return self.filter(state=ResourceState.PUBLISHED)

    def search(self, query: str) -> "ResourceQuerySet":
        """Every word of the query, accent- and case-insensitive, in title, summary or body."""
        resources = self
        for word in fold(query).split()[:10]:
            resources = resources.filter(search_text__contains=word)
        return resources

    def for_profile(self, profile: str) -> "ResourceQuerySet":
        return self.filter(audiences__profile=profile)


class Resource(TimeStampedModel):
    """A method, example, data set, tool or training of the kit, in a publication workflow."""

    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown: headings, lists, links, emphasis.")
    )
    search_text = models.TextField(editable=False, default="")
    maturity = models.CharField(_("maturity level"), max_length=10, choices=Maturity.choices)
    goals = models.ManyToManyField(
        "sdg.Goal", verbose_name=_("Sustainable Development Goals"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="resources"
    )
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Only for a resource about one territory."),
    )
    author_organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("author organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kit_resources",
    )
    alliance = models.ForeignKey(
        "registry.Alliance",
        verbose_name=_("alliance described"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kit_resources",
        help_text=_("For an example: the registry's alliance it tells about."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FR
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ResourceState.choices, default=ResourceState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kit_resources",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "kind"]),
            models.Index(fields=["state", "maturity"]),
            models.Index(fields=["state", "published_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.summary} {self.body}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("web:kit_resource", kwargs={"pk": self.pk})

    @property
    def profiles(self) -> list[str]:
        return [audience.profile for audience in self.audiences.all()]


class ResourceAudience(models.Model):
    """One audience profile a resource is written for."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="audiences")
    profile = models.CharField(_("profile"), max_length=20, choices=AudienceProfile.choices)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["profile"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "profile"], name="kit_audience_unique")
        ]

    def __str__(self) -> str:
        return self.get_profile_display()


class ResourceAxis(models.Model):
    """A compass axis a resource helps progress on: how recommendations find it."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="axes")
    axis = models.CharField(_("compass axis"), max_length=20, choices=CompassAxis.choices)

    class Meta:
        verbose_name = _("compass axis of a resource")
        verbose_name_plural = _("compass axes of resources")
        ordering = ["axis"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "axis"], name="kit_resource_axis_unique")
        ]

    def __str__(self) -> str:
        return self.get_axis_display()


class ResourceLink(models.Model):
    """A link or an attached file of a resource."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=200)
    url = models.URLField(_("address"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=GeneratedName("kit"),
        blank=True,
        validators=[UploadValidator(USER_DOCUMENT_KINDS, 20 * 1024 * 1024)],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("link or file")
        verbose_name_plural = _("links and files")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""),
                name="kit_link_has_url_or_file",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def href(self) -> str:
        return self.url or self.file.url


class ResourceEvent(models.Model):
    """One move of a resource in the publication workflow: who, when, from what to what."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(
        _("from"), max_length=10, choices=ResourceState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=10, choices=ResourceState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("resource event")
        verbose_name_plural = _("resource events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.resource}: {self.from_state or '∅'} → {self.to_state}"
