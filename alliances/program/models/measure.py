from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliances.core.models import TimeStampedModel
from alliances.core.translation import localized
from alliances.core.uploads import USER_DOCUMENT_KINDS, GeneratedName, UploadValidator
from alliances.program.enums import Attainment, MeasureStatus, MilestoneKind, UpdateStatus

WEIGHT_FIELD_OPTIONS = {
    "max_digits": 6,
    "decimal_places": 2,
    "default": Decimal("1"),
    "validators": [MinValueValidator(Decimal("0"))],
}


class Measure(TimeStampedModel):
    programme = models.ForeignKey(
        "program.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    dimension = models.ForeignKey(
        "program.Dimension",
        verbose_name=_("dimension"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_("Stable identifier within the programme, e.g. O1.")
    )
    number = models.PositiveSmallIntegerField(_("number within its dimension"))
    position = models.PositiveSmallIntegerField(_("position in the programme"))
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    objectives = models.ManyToManyField(
        "program.Objective", verbose_name=_("structural objectives"), blank=True
    )
    stakeholder_groups = models.ManyToManyField(
        "program.StakeholderGroup", verbose_name=_("stakeholder groups served"), blank=True
    )
    owner_organisations = models.TextField(
        _("owner organisations"), blank=True, help_text=_("One organisation per line.")
    )
    pilots = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pilots"),
        blank=True,
        related_name="piloted_measures",
        help_text=_("People who update this measure."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.NOT_STARTED
    )
    weight = models.DecimalField(_("weight in roll-ups"), **WEIGHT_FIELD_OPTIONS)
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependants",
    )
    attainment = models.CharField(
        _("attainment"), max_length=20, choices=Attainment.choices, blank=True
    )
    attainment_justification = models.TextField(_("attainment justification"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="measure_unique_code"),
            models.CheckConstraint(
                condition=models.Q(due_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(due_date__gte=models.F("start_date")),
                name="measure_due_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("web:measure", kwargs={"slug": self.programme.slug, "code": self.code})

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def owner_organisation_list(self) -> list[str]:
        return [line.strip() for line in self.owner_organisations.splitlines() if line.strip()]


class Milestone(TimeStampedModel):
    """A milestone or an action under a measure; done when it has a done date."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="milestones"
    )
    external_id = models.CharField(
        _("external id"),
        max_length=40,
        help_text=_("Stable identifier used by spreadsheet exports and imports."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.MILESTONE
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_date = models.DateField(_("done date"), null=True, blank=True)
    weight = models.DecimalField(_("weight in roll-ups"), **WEIGHT_FIELD_OPTIONS)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to=GeneratedName("program/evidence"),
        blank=True,
        validators=[UploadValidator(USER_DOCUMENT_KINDS, 20 * 1024 * 1024)],
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("milestone or action")
        verbose_name_plural = _("milestones and actions")
        ordering = ["measure", "due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "external_id"], name="milestone_unique_external_id"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_date is not None


class ProgressUpdate(models.Model):
    """A dated narrative by a pilot: what happened, and how the measure stands."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=UpdateStatus.choices)
    narrative = models.TextField(_("narrative"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["measure", "-date", "-id"]
        indexes = [models.Index(fields=["measure", "-date"])]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.date:%Y-%m-%d}"
