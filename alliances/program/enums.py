from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    ON_HOLD = "on_hold", _("on hold")
    CANCELLED = "cancelled", _("cancelled")


class Attainment(models.TextChoices):
    """Attainment at evaluation time, as the co-pilots judge it."""

    EXCEEDED = "exceeded", _("exceeded")
    MET = "met", _("met")
    PARTIAL = "partial", _("partially met")
    NOT_STARTED = "not_started", _("not started")


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", _("milestone")
    ACTION = "action", _("action")


class Direction(models.TextChoices):
    INCREASE = "increase", _("increase")
    DECREASE = "decrease", _("decrease")


class IndicatorStatus(models.TextChoices):
    """Progress of an indicator towards its target, in the manner of Open SDG / Eurostat."""

    TARGET_ACHIEVED = "target_achieved", _("target achieved")
    SUBSTANTIAL = "substantial", _("substantial progress")
    MODERATE = "moderate", _("moderate progress")
    LIMITED = "limited", _("limited progress")
    DETERIORATION = "deterioration", _("deterioration")
    NOT_AVAILABLE = "not_available", _("not enough data")


class Freshness(models.TextChoices):
    FRESH = "fresh", _("fresh")
    DUE = "due", _("update due")
    OVERDUE = "overdue", _("overdue")


class UpdateStatus(models.TextChoices):
    """How the pilot judges the measure at the time of a progress update."""

    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    OFF_TRACK = "off_track", _("off track")
    DONE = "done", _("done")


class InstanceKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    FORUM = "forum", _("forum")
    EVALUATION = "evaluation", _("evaluation")
    COMMITTEE = "committee", _("steering committee")
