from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.territories.enums import EpciType, TerritoryKind, Zone


class TerritoryQuerySet(models.QuerySet):
    def of_kind(self, kind: str) -> "TerritoryQuerySet":
        return self.filter(kind=kind)

    def official(self) -> "TerritoryQuerySet":
        """Regions and départements of the 18/101 official count (overseas collectivities apart)."""
        return self.exclude(zone=Zone.COM)

    def search(self, query: str) -> "TerritoryQuerySet":
        from alliances.core.text import fold

        folded = fold(query)
        if not folded:
            return self.none()
        return self.filter(search_name__contains=folded)


class Territory(models.Model):
    """An official territory of the INSEE Code officiel géographique.

    Each territory carries direct links to the region, département and EPCI it belongs to, so
    that counting anything "in a territory" is one indexed filter at every level.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=TerritoryKind.choices)
    code = models.CharField(_("INSEE code"), max_length=9)
    name = models.CharField(_("name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    zone = models.CharField(_("zone"), max_length=5, choices=Zone.choices)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    epci_type = models.CharField(_("EPCI type"), max_length=5, choices=EpciType.choices, blank=True)
    postal_codes = models.CharField(_("postal codes"), max_length=200, blank=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    chef_lieu = models.CharField(_("chief town (commune code)"), max_length=5, blank=True)
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    departement = models.ForeignKey(
        "self",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    epci = models.ForeignKey(
        "self",
        verbose_name=_("EPCI"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    commune = models.ForeignKey(
        "self",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a municipal arrondissement: Paris, Lyon or Marseille."),
    )

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="territory_unique_kind_code")
        ]
        indexes = [models.Index(fields=["kind", "population"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("web:territory", kwargs={"kind": self.kind, "code": self.code})

    @property
    def kind_label(self) -> str:
        return TerritoryKind(self.kind).label
