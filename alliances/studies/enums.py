from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class SurveyMode(models.TextChoices):
    ONLINE = "online", _("Online (CAWI)")
    TELEPHONE = "telephone", _("Telephone (CATI)")
    FACE_TO_FACE = "face_to_face", _("Face to face (CAPI)")
    POSTAL = "postal", _("Postal")
    MIXED = "mixed", _("Mixed modes")
    NOT_PUBLISHED = "not_published", _("Not published in the source")


class QuestionKind(models.TextChoices):
    CATEGORICAL = "categorical", _("Single choice (coded answers)")
    NUMERIC = "numeric", _("Number")
    TEXT = "text", _("Free text")


class IntervalMethod(models.TextChoices):
    """How 95% intervals of shares are computed (both on the effective sample size)."""

    WALD = "wald", _("Normal approximation (Wald)")
    WILSON = "wilson", _("Wilson score (better near 0% and 100%)")
