"""Read models of the territorial observatory.

Every table here except the indicator catalogue and values is derived: `refresh_insights`
rebuilds it from the registry in a few set-based statements, and pages only read it. A row whose
`territory` is empty is about France as a whole.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.core.translation import localized
from alliances.insights.enums import Direction, Metric, Scope


class Refresh(models.Model):
    """One run of the refresh: when, how long, and what it counted."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    organisations = models.PositiveIntegerField(_("organisations counted"))
    alliances = models.PositiveIntegerField(_("published alliances counted"))
    summaries = models.PositiveIntegerField(_("territories summarised"))

    class Meta:
        verbose_name = _("observatory refresh")
        verbose_name_plural = _("observatory refreshes")
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.duration_ms} ms)"


class AllianceProfile(models.Model):
    """Per published alliance: how many members and worlds, and its year."""

    alliance = models.OneToOneField(
        "registry.Alliance",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="insight_profile",
    )
    members = models.PositiveIntegerField(default=0, db_default=0)
    worlds = models.PositiveIntegerField(default=0, db_default=0)
    year = models.PositiveIntegerField(null=True)

    class Meta:
        verbose_name = _("alliance profile")
        verbose_name_plural = _("alliance profiles")

    def __str__(self) -> str:
        return f"{self.alliance_id}: {self.members} members, {self.worlds} worlds"


class AllianceReach(models.Model):
    """A published alliance touches a territory: it covers it or a territory inside it."""

    alliance = models.ForeignKey(
        "registry.Alliance", on_delete=models.CASCADE, related_name="insight_reaches"
    )
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("alliance reach")
        verbose_name_plural = _("alliance reaches")
        constraints = [
            models.UniqueConstraint(fields=["territory", "alliance"], name="alliance_reach_unique")
        ]
        indexes = [models.Index(fields=["alliance"])]

    def __str__(self) -> str:
        return f"{self.alliance_id} → {self.territory_id}"


class CatalystReach(models.Model):
    """An active catalyst serves a territory or a territory inside it."""

    catalyst = models.ForeignKey("registry.Catalyst", on_delete=models.CASCADE, related_name="+")
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("catalyst reach")
        verbose_name_plural = _("catalyst reaches")
        constraints = [
            models.UniqueConstraint(fields=["territory", "catalyst"], name="catalyst_reach_unique")
        ]

    def __str__(self) -> str:
        return f"{self.catalyst_id} → {self.territory_id}"


class TerritoryBreakdown(models.Model):
    """One count of a breakdown (actors by world, alliances by year…) for one territory."""

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    metric = models.CharField(max_length=20, choices=Metric.choices)
    key = models.CharField(max_length=20)
    value = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("territory breakdown")
        verbose_name_plural = _("territory breakdowns")
        indexes = [models.Index(fields=["territory", "metric"])]

    def __str__(self) -> str:
        return f"{self.territory_id} {self.metric} {self.key}: {self.value}"


class TerritorySummary(models.Model):
    """The headline numbers of a territory (or of France), for its page, maps and rankings."""

    territory = models.OneToOneField(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    scope = models.CharField(max_length=12, choices=Scope.choices)
    population = models.PositiveIntegerField(null=True)
    actors_active = models.PositiveIntegerField(default=0, db_default=0)
    actors_dissolved = models.PositiveIntegerField(default=0, db_default=0)
    associations_active = models.PositiveIntegerField(default=0, db_default=0)
    alliances = models.PositiveIntegerField(default=0, db_default=0)
    cross_world_alliances = models.PositiveIntegerField(default=0, db_default=0)
    catalysts = models.PositiveIntegerField(default=0, db_default=0)
    goals_with_alliances = models.PositiveSmallIntegerField(default=0, db_default=0)

    class Meta:
        verbose_name = _("territory summary")
        verbose_name_plural = _("territory summaries")
        indexes = [models.Index(fields=["scope", "population"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.territory_id}"

    @staticmethod
    def _rate(count: int, population: int | None, per: int) -> float | None:
        if not population:
            return None
        return count * per / population

    @property
    def associations_per_1000(self) -> float | None:
        return self._rate(self.associations_active, self.population, 1000)

    @property
    def actors_per_1000(self) -> float | None:
        return self._rate(self.actors_active, self.population, 1000)

    @property
    def alliances_per_100k(self) -> float | None:
        return self._rate(self.alliances, self.population, 100_000)

    @property
    def cross_world_share(self) -> float | None:
        return self.cross_world_alliances / self.alliances if self.alliances else None


class Indicator(models.Model):
    """A territorial indicator of need, attached to the SDG it informs (reference catalogue)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20)
    goal = models.ForeignKey(
        "sdg.Goal", verbose_name=_("goal"), on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)

    class Meta:
        verbose_name = _("territorial indicator")
        verbose_name_plural = _("territorial indicators")
        ordering = ["goal__number", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def is_worse(self, value: float, reference: float) -> bool:
        if self.direction == Direction.HIGHER_IS_BETTER:
            return value < reference
        return value > reference


class IndicatorValue(models.Model):
    """The value of an indicator for a territory (empty: France) and a year, with its source."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))
    source = models.CharField(_("source"), max_length=300)
    is_demo = models.BooleanField(_("demo data"), default=False)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "territory", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "territory", "year"],
                condition=models.Q(territory__isnull=False),
                name="indicator_value_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=models.Q(territory__isnull=True),
                name="indicator_value_national_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.territory_id or 'FR'} {self.year}: {self.value}"


class NetworkGraph(models.Model):
    """The alliance network of a territory (empty: France), as computed at `computed_at`.

    Organisations are linked when they are members of the same published alliance; the weight
    of a tie is the number of alliances they share. Computed by `network_compute` (during
    `refresh_insights` for France and the régions, on demand for other territories) and kept
    until the next refresh.
    """

    territory = models.OneToOneField(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    computed_at = models.DateTimeField(_("computed at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    nodes = models.PositiveIntegerField(_("organisations"))
    edges = models.PositiveIntegerField(_("ties"))
    communities = models.PositiveIntegerField(_("communities"))
    modularity = models.FloatField(_("modularity"), null=True)
    components = models.PositiveIntegerField(_("connected groups"))
    # Betweenness counted over paths of bounded length on large graphs (see docs/network.md).
    approximate = models.BooleanField(_("approximate betweenness"), default=False)
    cross_world_ties = models.PositiveIntegerField(_("ties between worlds"), default=0)

    class Meta:
        verbose_name = _("alliance network")
        verbose_name_plural = _("alliance networks")
        constraints = [
            models.UniqueConstraint(
                fields=["territory"],
                condition=models.Q(territory__isnull=True),
                name="network_graph_national_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.territory_id or 'FR'}: {self.nodes} organisations, {self.edges} ties"


class NetworkNode(models.Model):
    """One organisation in a territory's alliance network, with its centralities."""

    graph = models.ForeignKey(NetworkGraph, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "registry.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    degree = models.PositiveIntegerField(_("partners"))
    strength = models.PositiveIntegerField(_("shared alliances"))
    betweenness = models.FloatField(_("betweenness"))
    community = models.PositiveIntegerField(_("community"))
    # Bridges between worlds (docs/network.md): partners by world, the share of partners in
    # another world, and betweenness × that share.
    partner_worlds = models.JSONField(_("partners by world"), default=dict)
    cross_world_share = models.FloatField(_("share of partners in other worlds"), default=0.0)
    bridging = models.FloatField(_("bridging between worlds"), default=0.0)

    class Meta:
        verbose_name = _("network node")
        verbose_name_plural = _("network nodes")
        constraints = [
            models.UniqueConstraint(fields=["graph", "organisation"], name="network_node_unique")
        ]
        indexes = [
            models.Index(fields=["graph", "-degree", "-strength"]),
            models.Index(fields=["graph", "-bridging"]),
        ]

    def __str__(self) -> str:
        return f"{self.graph_id}/{self.organisation_id}: degree {self.degree}"


class FreshnessCount(models.Model):
    """How many organisations (or published alliances) of a territory were confirmed within a
    year, out of how many: the freshness indicator of the diagnostic (`territory` empty: France).
    """

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("active organisations")
        ALLIANCE = "alliance", _("published alliances")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    total = models.PositiveIntegerField()
    confirmed = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("freshness count")
        verbose_name_plural = _("freshness counts")
        indexes = [models.Index(fields=["territory", "kind"])]

    def __str__(self) -> str:
        return f"{self.territory_id} {self.kind}: {self.confirmed}/{self.total}"

    @property
    def share(self) -> float | None:
        return self.confirmed / self.total if self.total else None


class DiagnosticPayload(models.Model):
    """The diagnostic API's response for one territory (empty: France) in one language, stored.

    Written by `alliances.insights.services.diagnostics` (every `refresh_insights`, every
    indicator import) as the JSON bytes the API would render, cut in two where its
    `perceptions` go (each half compressed): those come from `DiagnosticPerceptions` of `region`,
    rewritten whenever a survey's published results change. The API answers with
    `head + perceptions + tail`, read in one indexed query (ADR 0021).
    """

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    # The région whose survey results the diagnostic shows (empty: France, which shows none).
    region = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, related_name="+"
    )
    language = models.CharField(max_length=8)
    # zlib-compressed JSON, before and after the perceptions
    head = models.BinaryField()
    tail = models.BinaryField()
    size = models.PositiveIntegerField()  # bytes of JSON, uncompressed

    class Meta:
        verbose_name = _("stored diagnostic")
        verbose_name_plural = _("stored diagnostics")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "language"], name="diagnostic_payload_unique"
            ),
            models.UniqueConstraint(
                fields=["language"],
                condition=models.Q(territory__isnull=True),
                name="diagnostic_payload_national_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.territory_id or 'FR'} ({self.language})"


class DiagnosticPerceptions(models.Model):
    """The `perceptions` of the stored diagnostics of a région's territories, as JSON bytes."""

    region = models.ForeignKey("territories.Territory", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    body = models.BinaryField()

    class Meta:
        verbose_name = _("stored survey results of a diagnostic")
        verbose_name_plural = _("stored survey results of diagnostics")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "language"], name="diagnostic_perceptions_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} ({self.language})"
