from django.db import models
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.registry.enums import (
    OrganisationStatus,
    SizeBand,
    Source,
    WaldecTheme,
    World,
)
from alliances.registry.identifiers import validate_rna, validate_siren, validate_siret

# The trigram index of the search on names (migration 0003; PostgreSQL only), as the bulk imports
# build it again after a first load (`core.bulk.indexes_built_after_load`).
SEARCH_NAME_TRIGRAM_INDEX = {
    "registry_org_search_name_trgm": (
        "CREATE INDEX IF NOT EXISTS registry_org_search_name_trgm "
        "ON registry_organisation USING gin (search_name gin_trgm_ops)"
    )
}


class OrganisationQuerySet(models.QuerySet):
    def search(self, query: str) -> "OrganisationQuerySet":
        from alliances.core.text import fold

        folded = fold(query)
        if not folded:
            return self
        return self.filter(search_name__contains=folded)

    def displayable(self) -> "OrganisationQuerySet":
        """What public pages list: not removed from the register."""
        return self.exclude(status=OrganisationStatus.DELETED)


class Organisation(models.Model):
    """An actor of any world: association, company, local authority, foundation, collective…

    Imports write this table in bulk with raw upserts, so every column an importer does not
    provide has a database default (`db_default`) as well as a Python one.
    """

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(
        _("short name"), max_length=120, blank=True, default="", db_default=""
    )
    # Indexed in Meta (ordering); substring search uses a trigram index on PostgreSQL.
    search_name = models.CharField(max_length=300, editable=False)
    world = models.CharField(_("world"), max_length=20, choices=World.choices)
    # Unique by a constraint in Meta (see there why not `unique=True`).
    # NULL rather than "" when unknown, so that the constraint admits many without one.
    siren = models.CharField(  # noqa: DJ001
        _("SIREN"), max_length=9, null=True, blank=True, validators=[validate_siren]
    )
    siret = models.CharField(
        _("SIRET of the head office"),
        max_length=14,
        blank=True,
        default="",
        db_default="",
        validators=[validate_siret],
    )
    rna_id = models.CharField(  # noqa: DJ001 — NULL when unknown, as for the SIREN
        _("RNA number"),
        max_length=10,
        null=True,
        blank=True,
        validators=[validate_rna],
    )
    # The RNA number SIRENE gives for this legal unit (identifiantAssociationUniteLegale): the
    # bridge that reveals an association recorded twice, once from each registry.
    sirene_rna_id = models.CharField(
        _("RNA number declared in SIRENE"),
        max_length=10,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    legal_category = models.CharField(
        _("legal category"), max_length=4, blank=True, default="", db_default=""
    )
    naf = models.CharField(
        _("main activity (NAF)"), max_length=6, blank=True, default="", db_default=""
    )
    waldec_theme = models.CharField(
        _("theme (Waldec)"),
        max_length=3,
        choices=WaldecTheme.choices,
        blank=True,
        default="",
        db_default="",
    )
    ess = models.BooleanField(_("social and solidarity economy"), default=False, db_default=False)
    size_band = models.CharField(
        _("size band"),
        max_length=2,
        choices=SizeBand.choices,
        blank=True,
        default="",
        db_default="",
    )
    address = models.CharField(_("address"), max_length=300, blank=True, default="", db_default="")
    postcode = models.CharField(_("postcode"), max_length=5, blank=True, default="", db_default="")
    commune = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Denormalised from the commune so that counting by département is one indexed column.
    departement = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        db_index=False,  # the (département, world) index serves it
    )
    website = models.URLField(_("website"), blank=True, default="", db_default="")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.ACTIVE,
        db_default=OrganisationStatus.ACTIVE,
    )
    created_on = models.DateField(_("created on"), null=True, blank=True)
    closed_on = models.DateField(_("dissolved or closed on"), null=True, blank=True)
    diffusible = models.BooleanField(
        _("public data"),
        default=True,
        db_default=True,
        help_text=_(
            "Off for sole traders who asked INSEE not to publish their personal data "
            "(SIRENE “P” status): their name is neither stored nor shown."
        ),
    )
    goals = models.ManyToManyField(
        "sdg.Goal", verbose_name=_("Sustainable Development Goals"), blank=True, related_name="+"
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source.choices,
        default=Source.MANUAL,
        db_default=Source.MANUAL,
    )
    source_file = models.CharField(
        _("source file"), max_length=200, blank=True, default="", db_default=""
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    # Digests of the last imported row of each registry: an unchanged row is not rewritten.
    rna_digest = models.CharField(
        max_length=32, blank=True, default="", db_default="", editable=False
    )
    sirene_digest = models.CharField(
        max_length=32, blank=True, default="", db_default="", editable=False
    )
    is_demo = models.BooleanField(_("demo data"), default=False, db_default=False)
    # Set when an owner answers the yearly "still accurate?" reminder (mobilisation).
    confirmed_at = models.DateTimeField(_("confirmed accurate at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_default=Now())

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["search_name"]
        # Every index costs each imported row (≈2.4 million at national scale): only those the
        # queries use. Unique numbers and indexed text are declared here rather than on the
        # fields, because on PostgreSQL Django adds a second, `LIKE`-prefix index beside each
        # field-level one, and no query looks these columns up by prefix (ADR 0015).
        indexes = [
            models.Index(fields=["world", "status"]),
            models.Index(fields=["departement", "world"]),
            models.Index(fields=["waldec_theme"]),
            models.Index(fields=["siret"]),
            models.Index(fields=["search_name"], name="registry_org_search_name"),
            models.Index(fields=["sirene_rna_id"], name="registry_org_sirene_rna_id"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["siren"], name="registry_org_siren_unique"),
            models.UniqueConstraint(fields=["rna_id"], name="registry_org_rna_id_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        from alliances.core.text import fold

        self.search_name = fold(self.name)
        self.departement_id = self.commune.departement_id if self.commune_id else None
        for field in ("siren", "rna_id"):
            if getattr(self, field) == "":
                setattr(self, field, None)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("web:organisation", kwargs={"pk": self.pk})

    @property
    def display_name(self) -> str:
        if not self.diffusible and not self.name:
            return str(_("Non-public legal unit (SIREN %(siren)s)") % {"siren": self.siren})
        return self.name
