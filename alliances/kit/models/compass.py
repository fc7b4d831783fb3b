"""The compass: versioned questionnaires (axes, questions, scored options) and assessments."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.core.translation import localized
from alliances.kit.enums import (
    AXIS_CHOICES,
    AudienceProfile,
    Maturity,
    QuestionKind,
    QuestionnaireAudience,
)
from alliances.registry.enums import World


class Questionnaire(TimeStampedModel):
    """One version of a questionnaire. Assessments point to the version they answered, so a new
    version never changes a past result."""

    slug = models.SlugField(_("code"), max_length=50)
    version = models.PositiveSmallIntegerField(_("version"))
    audience = models.CharField(
        _("answered for"), max_length=12, choices=QuestionnaireAudience.choices
    )
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    is_current = models.BooleanField(
        _("current version"), default=True, help_text=_("The version new assessments answer.")
    )
    checksum = models.CharField(max_length=64, editable=False, blank=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="kit_questionnaire_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def intro(self) -> str:
        return localized(self, "intro")

    def get_absolute_url(self) -> str:
        return reverse("web:compass_answer", kwargs={"slug": self.slug})


class Axis(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="axes")
    code = models.CharField(_("axis"), max_length=20, choices=AXIS_CHOICES)
    order = models.PositiveSmallIntegerField(_("order"))
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="kit_axis_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Question(models.Model):
    """A question answered by choosing one scored option (a choice, a scale or yes/no), or
    several (multiple choice: the chosen scores add up, capped at `max_score`)."""

    axis = models.ForeignKey(Axis, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=30)
    kind = models.CharField(
        _("answers"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    max_score = models.PositiveSmallIntegerField(
        _("maximum score (multiple choice)"),
        null=True,
        blank=True,
        help_text=_(
            "The chosen options' scores add up to at most this; empty: the sum of all options."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text_fr = models.CharField(_("question (French)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    help_fr = models.TextField(_("help (French)"), blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)
    allows_not_applicable = models.BooleanField(_("“not applicable” allowed"), default=False)
    depends_on = models.ForeignKey(
        "self",
        verbose_name=_("asked only when"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dependants",
    )
    depends_on_min_score = models.PositiveSmallIntegerField(
        _("…that question scored at least"), default=1
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["axis__order", "order"]
        constraints = [models.UniqueConstraint(fields=["axis", "code"], name="kit_question_unique")]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def help(self) -> str:
        return localized(self, "help")

    @property
    def field_name(self) -> str:
        return f"q_{self.pk}"

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    def clean(self) -> None:
        if self.max_score is not None and not self.is_multiple:
            raise ValidationError(
                {"max_score": _("A maximum score is only for a multiple-choice question.")}
            )

    def maximum(self) -> int:
        """The most this question can score (uses the prefetched options)."""
        scores = [option.score for option in self.options.all()]
        if not scores:
            return 0
        if self.is_multiple:
            return min(self.max_score or sum(scores), sum(scores))
        return max(scores)


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("order"))
    label_fr = models.CharField(_("label (French)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "order"]

    def __str__(self) -> str:
        return f"{self.label} ({self.score})"

    @property
    def label(self) -> str:
        return localized(self, "label")


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Assessment(TimeStampedModel):
    """One completed answer to a questionnaire; its result page is reached by a secret link."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="assessments"
    )
    token = models.CharField(max_length=40, unique=True, default=_new_token, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kit_assessments",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kit_assessments",
    )
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    alliance = models.ForeignKey(
        "registry.Alliance",
        verbose_name=_("alliance evaluated"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evaluations",
    )
    world = models.CharField(
        _("world"),
        max_length=20,
        choices=World.choices,
        blank=True,
        help_text=_("The organisation's world, or else the one of the profile: peers share it."),
    )
    profile = models.CharField(_("profile"), max_length=20, choices=AudienceProfile.choices)
    overall = models.DecimalField(_("overall score"), max_digits=5, decimal_places=1)
    maturity = models.CharField(_("maturity level"), max_length=10, choices=Maturity.choices)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.questionnaire} — {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("web:compass_result", kwargs={"token": self.token})


class Answer(models.Model):
    """One question's answer: an option (single choice), options (multiple choice) or "not
    applicable"."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, null=True, blank=True)
    options = models.ManyToManyField(
        Option, verbose_name=_("options chosen"), blank=True, related_name="+"
    )
    not_applicable = models.BooleanField(_("not applicable"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="kit_answer_unique"),
            models.CheckConstraint(
                condition=models.Q(option__isnull=True) | models.Q(not_applicable=False),
                name="kit_answer_option_or_not_applicable",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.option or '—'}"


class AssessmentScore(models.Model):
    """The score of one axis, stored when the assessment is saved (peer comparisons read it)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    axis = models.CharField(_("axis"), max_length=20, choices=AXIS_CHOICES)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    maturity = models.CharField(_("maturity level"), max_length=10, choices=Maturity.choices)

    class Meta:
        verbose_name = _("axis score")
        verbose_name_plural = _("axis scores")
        ordering = ["assessment", "axis"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "axis"], name="kit_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_axis_display()}: {self.score}"
