from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    NATIONAL_MEETING = "national_meeting", _("national meeting")
    FORUM = "forum", _("forum")
    LOCAL_CONFERENCE = "local_conference", _("local conference")
    WEBINAR = "webinar", _("webinar")
    WORKSHOP = "workshop", _("workshop")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class ContributionKind(models.TextChoices):
    COMMENT = "comment", _("comment")
    PROPOSAL = "proposal", _("proposal")
    TESTIMONY = "testimony", _("testimony")


class Stance(models.TextChoices):
    FOR = "for", _("for")
    AGAINST = "against", _("against")
    NEUTRAL = "neutral", _("neutral")


class ReactionKind(models.TextChoices):
    SUPPORT = "support", _("I support")
    USEFUL = "useful", _("Useful")
    QUESTION = "question", _("Raises a question")


class Visibility(models.TextChoices):
    VISIBLE = "visible", _("visible")
    HIDDEN = "hidden", _("hidden by a moderator")


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("hidden")
    RESTORE = "restore", _("restored")
    DISMISS = "dismiss", _("reports dismissed")


# Which moderation actions apply to which visibility, stated once.
MODERATION_TRANSITIONS = {
    ModerationAction.HIDE: (Visibility.VISIBLE, Visibility.HIDDEN),
    ModerationAction.RESTORE: (Visibility.HIDDEN, Visibility.VISIBLE),
    ModerationAction.DISMISS: (Visibility.VISIBLE, Visibility.VISIBLE),
}


class DigestFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("one e-mail for each notification")
    DAILY = "daily", _("a daily digest")
    WEEKLY = "weekly", _("a weekly digest")
    NEVER = "never", _("no e-mail (notifications stay on the site)")


class NotificationKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("new contribution")
    REPLY = "reply", _("reply to your contribution")
    EVENT = "event", _("new event")
    PROMOTED = "promoted", _("seat freed up")
    DEBATE = "debate", _("new debate")


class DebateState(models.TextChoices):
    UPCOMING = "upcoming", _("not open yet")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed, conclusion to come")
    CONCLUDED = "concluded", _("concluded")
