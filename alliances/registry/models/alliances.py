from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    Publication,
    Source,
)


class AllianceQuerySet(models.QuerySet):
    def published(self) -> "AllianceQuerySet":
        return self.filter(publication=Publication.PUBLISHED)

    def search(self, query: str) -> "AllianceQuerySet":
        from alliances.core.text import fold

        folded = fold(query)
        if not folded:
            return self
        return self.filter(search_title__contains=folded)

    def in_territory(self, territory) -> "AllianceQuerySet":
        """Alliances covering this territory, a territory inside it, or one that contains it."""
        from alliances.territories.enums import TerritoryKind

        inside = models.Q(territories=territory)
        if territory.kind in (TerritoryKind.REGION, TerritoryKind.DEPARTEMENT, TerritoryKind.EPCI):
            inside |= models.Q(**{f"territories__{territory.kind}": territory})
        return self.filter(inside).distinct()


class Alliance(TimeStampedModel):
    """A multi-party partnership between organisations of several worlds."""

    title = models.CharField(_("title"), max_length=200)
    search_title = models.CharField(max_length=200, editable=False, db_index=True)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    alliance_type = models.CharField(
        _("type of alliance"), max_length=20, choices=AllianceType.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AllianceStatus.choices, default=AllianceStatus.ONGOING
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    resources = models.TextField(_("resources committed"), blank=True)
    results = models.TextField(_("results"), blank=True)
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    inspiring = models.BooleanField(_("inspiring example"), default=False)
    territories = models.ManyToManyField(
        "territories.Territory", verbose_name=_("territories covered"), related_name="+"
    )
    goals = models.ManyToManyField(
        "sdg.Goal", verbose_name=_("Sustainable Development Goals"), blank=True, related_name="+"
    )
    targets = models.ManyToManyField(
        "sdg.Target", verbose_name=_("SDG targets"), blank=True, related_name="+"
    )
    publication = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail (not published)"),
        blank=True,
        help_text=_("Only moderators see it, to ask questions about a submission."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Set when an owner answers the yearly "still accurate?" reminder (mobilisation).
    confirmed_at = models.DateTimeField(_("confirmed accurate at"), null=True, blank=True)

    objects = AllianceQuerySet.as_manager()

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["search_title"]
        indexes = [
            models.Index(fields=["publication", "alliance_type"]),
            models.Index(fields=["publication", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="alliance_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from alliances.core.text import fold

        self.search_title = fold(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("web:alliance", kwargs={"pk": self.pk})


class Membership(models.Model):
    alliance = models.ForeignKey(
        Alliance, verbose_name=_("alliance"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["alliance", "role", "organisation__search_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_role_display()} — {self.alliance}"


class PublicationEvent(models.Model):
    """One move of an alliance in the publication workflow: who, when, from what to what."""

    alliance = models.ForeignKey(
        Alliance, verbose_name=_("alliance"), on_delete=models.CASCADE, related_name="events"
    )
    from_state = models.CharField(_("from"), max_length=10, choices=Publication.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=10, choices=Publication.choices)
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
        verbose_name = _("publication event")
        verbose_name_plural = _("publication events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.alliance}: {self.from_state or '∅'} → {self.to_state}"


class Catalyst(TimeStampedModel):
    """A territorial catalyst: an organisation or a person who connects actors locally."""

    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="catalyst_roles",
    )
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_url = models.URLField(_("contact page"), blank=True)
    territories = models.ManyToManyField(
        "territories.Territory", verbose_name=_("territories served"), related_name="+"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("catalyst")
        verbose_name_plural = _("catalysts")
        ordering = ["person_name", "organisation__search_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(person_name=""),
                name="catalyst_is_an_organisation_or_a_person",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.person_name and self.organisation_id:
            return f"{self.person_name} ({self.organisation.display_name})"
        return self.person_name or self.organisation.display_name
