"""Surveys: studies and their waves, the codebook, respondent microdata, weighting and results.

Microdata is stored as one row per respondent with the answers in a JSON column (see
docs/adr/0002-survey-microdata-storage.md): a wave is always read whole to weight it or estimate
from it, so one indexed fetch of 20,000 small rows beats a million-row long table.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.core.translation import localized
from alliances.studies.enums import IntervalMethod, QuestionKind, StudyStatus, SurveyMode

DEFAULT_MIN_CELL_SIZE = 30


class StudyQuerySet(models.QuerySet):
    def published(self) -> "StudyQuerySet":
        return self.filter(status=StudyStatus.PUBLISHED)


class Study(TimeStampedModel):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    population_fr = models.CharField(_("population surveyed (French)"), max_length=250)
    population_en = models.CharField(_("population surveyed (English)"), max_length=250, blank=True)
    organisation = models.CharField(
        _("organisation that ran it"),
        max_length=250,
        help_text=_("Polling firm, laboratory or association; and for whom, if any."),
    )
    fieldwork_start = models.DateField(_("fieldwork start"), null=True, blank=True)
    fieldwork_end = models.DateField(_("fieldwork end"), null=True, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=SurveyMode.choices)
    sample_size = models.PositiveIntegerField(
        _("sample size"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the source does not publish it."),
    )
    methodology_fr = models.TextField(_("methodology note (French)"), blank=True)
    methodology_en = models.TextField(_("methodology note (English)"), blank=True)
    source_url = models.URLField(_("source address"), blank=True)
    region_variable = models.CharField(
        _("région variable"),
        max_length=64,
        blank=True,
        help_text=_("Variable holding the respondent's INSEE région code, for regional results."),
    )
    min_cell_size = models.PositiveIntegerField(
        _("minimum cell size"),
        default=DEFAULT_MIN_CELL_SIZE,
        validators=[MinValueValidator(1)],
        help_text=_("Below this number of respondents, a subgroup's results are not shown."),
    )
    interval_method = models.CharField(
        _("confidence intervals"),
        max_length=10,
        choices=IntervalMethod.choices,
        default=IntervalMethod.WALD,
        help_text=_(
            "Wilson intervals stay inside 0–100% and keep their coverage for shares near "
            "0% or 100% and for small subgroups."
        ),
    )
    status = models.CharField(
        _("publication status"), max_length=20, choices=StudyStatus.choices, default="draft"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = StudyQuerySet.as_manager()

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["-fieldwork_end", "title_fr"]

    def __str__(self) -> str:
        return self.title_fr

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def population(self) -> str:
        return localized(self, "population")

    @property
    def methodology(self) -> str:
        return localized(self, "methodology")

    def get_absolute_url(self) -> str:
        return reverse("web:study", kwargs={"slug": self.slug})


class Wave(TimeStampedModel):
    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="waves"
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    label = models.CharField(_("label"), max_length=100, help_text=_("For example “May 2020”."))
    fieldwork_start = models.DateField(_("fieldwork start"), null=True, blank=True)
    fieldwork_end = models.DateField(_("fieldwork end"), null=True, blank=True)
    sample_size = models.PositiveIntegerField(_("sample size"), null=True, blank=True)

    class Meta:
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        ordering = ["study", "number"]
        constraints = [
            models.UniqueConstraint(fields=["study", "number"], name="wave_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.study} — {self.label}"


class Question(models.Model):
    """A codebook entry: one variable of the microdata, or one published question."""

    study = models.ForeignKey(
        Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="questions"
    )
    variable = models.CharField(_("variable name"), max_length=64)
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("type"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.CATEGORICAL
    )
    text_fr = models.TextField(_("text (French)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unticked for background variables (sex, age band, région…) used to weight."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["study", "position", "variable"]
        constraints = [
            models.UniqueConstraint(fields=["study", "variable"], name="question_unique_variable")
        ]

    def __str__(self) -> str:
        return f"{self.variable} — {self.text_fr[:80]}"

    @property
    def text(self) -> str:
        return localized(self, "text")


class AnswerOption(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options"
    )
    code = models.CharField(_("code"), max_length=32)
    label_fr = models.CharField(_("label (French)"), max_length=250)
    label_en = models.CharField(_("label (English)"), max_length=250, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer label")
        verbose_name_plural = _("answer labels")
        ordering = ["question", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="answer_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} = {self.label_fr}"

    @property
    def label(self) -> str:
        return localized(self, "label")


class Respondent(models.Model):
    """One interview of one wave: its answers by variable and its weight."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="respondents"
    )
    respondent_id = models.CharField(_("respondent identifier"), max_length=64)
    answers = models.JSONField(_("answers"), default=dict)
    weight = models.FloatField(
        _("weight"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0)],
        help_text=_("Imported with the data, then replaced by the current weighting run."),
    )

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "respondent_id"], name="respondent_unique_identifier"
            )
        ]

    def __str__(self) -> str:
        return self.respondent_id


class Margin(models.Model):
    """A weighting margin of a wave: the population shares of one background variable."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="margins"
    )
    variable = models.CharField(_("variable name"), max_length=64)
    source = models.CharField(
        _("source of the targets"), max_length=250, blank=True, help_text=_("E.g. INSEE 2021.")
    )

    class Meta:
        verbose_name = _("margin")
        verbose_name_plural = _("margins")
        ordering = ["wave", "variable"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "variable"], name="margin_unique_variable")
        ]

    def __str__(self) -> str:
        return f"{self.wave} — {self.variable}"


class MarginTarget(models.Model):
    margin = models.ForeignKey(
        Margin, verbose_name=_("margin"), on_delete=models.CASCADE, related_name="targets"
    )
    code = models.CharField(_("code"), max_length=32)
    share = models.DecimalField(
        _("target share (%)"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("margin target")
        verbose_name_plural = _("margin targets")
        ordering = ["margin", "code"]
        constraints = [
            models.UniqueConstraint(fields=["margin", "code"], name="margin_target_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.share} %"


class WeightingRun(TimeStampedModel):
    """One raking of a wave and its report; the current run's weights are on the respondents."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="weighting_runs"
    )
    variables = models.JSONField(_("margins used"), default=list)
    cap = models.FloatField(
        _("highest weight allowed (trimming)"),
        null=True,
        blank=True,
        help_text=_("In multiples of the mean weight, e.g. 3."),
    )
    converged = models.BooleanField(_("converged"))
    iterations = models.PositiveIntegerField(_("iterations"))
    max_margin_error = models.FloatField(
        _("largest gap to a target (percentage points)"), null=True, blank=True
    )
    respondents = models.PositiveIntegerField(_("respondents"))
    design_effect = models.FloatField(_("design effect (Kish)"), null=True, blank=True)
    effective_sample_size = models.FloatField(_("effective sample size"), null=True, blank=True)
    min_weight = models.FloatField(_("lowest weight"), null=True, blank=True)
    max_weight = models.FloatField(_("highest weight"), null=True, blank=True)
    trimmed = models.PositiveIntegerField(_("weights trimmed to the cap"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    is_current = models.BooleanField(_("current"), default=False)
    error = models.TextField(
        _("error"), blank=True, help_text=_("Why the run failed; empty when it succeeded.")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("weighting run")
        verbose_name_plural = _("weighting runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.wave} — {self.created_at:%Y-%m-%d %H:%M}"


class PublishedEstimateQuerySet(models.QuerySet):
    def national(self) -> "PublishedEstimateQuerySet":
        return self.filter(region__isnull=True)


class PublishedEstimate(models.Model):
    """A published result: one answer's share, computed from microdata or entered from a source.

    Results computed from microdata carry their interval and effective base; aggregate-only
    results (no microdata available) carry the base and source as published, flagged as such.
    """

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="estimates"
    )
    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="estimates"
    )
    region = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    code = models.CharField(_("answer code"), max_length=32)
    label_fr = models.CharField(_("answer (French)"), max_length=250)
    label_en = models.CharField(_("answer (English)"), max_length=250, blank=True)
    part_of = models.CharField(
        _("part of the answer"),
        max_length=32,
        blank=True,
        help_text=_("Code of the answer this one is included in (“of which”), if any."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    share = models.FloatField(_("share (%)"))
    ci_low = models.FloatField(_("95% interval, low (%)"), null=True, blank=True)
    ci_high = models.FloatField(_("95% interval, high (%)"), null=True, blank=True)
    base = models.PositiveIntegerField(_("base (respondents)"), null=True, blank=True)
    effective_base = models.FloatField(_("effective base"), null=True, blank=True)
    base_description_fr = models.CharField(_("base (French)"), max_length=250, blank=True)
    base_description_en = models.CharField(_("base (English)"), max_length=250, blank=True)
    source = models.CharField(_("source"), max_length=250)
    is_aggregate_only = models.BooleanField(_("entered from a published aggregate"), default=False)

    objects = PublishedEstimateQuerySet.as_manager()

    class Meta:
        verbose_name = _("published estimate")
        verbose_name_plural = _("published estimates")
        ordering = ["question", "wave", "region", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "wave", "region", "code"],
                name="estimate_unique_answer",
            )
        ]
        indexes = [models.Index(fields=["wave", "question"], name="estimate_wave_question")]

    def __str__(self) -> str:
        return f"{self.question.variable} {self.code}: {self.share:.1f} %"

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def base_description(self) -> str:
        return localized(self, "base_description")
