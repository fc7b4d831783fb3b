from alliances.mobilisation.models.contributions import (
    Contribution,
    ContributionReport,
    ModerationLog,
    Reaction,
)
from alliances.mobilisation.models.debates import Debate
from alliances.mobilisation.models.events import Event, EventResource, Registration
from alliances.mobilisation.models.notifications import (
    ConfirmationReminder,
    Follow,
    JobRun,
    Notification,
    NotificationSettings,
    Reminder,
)

__all__ = [
    "ConfirmationReminder",
    "Contribution",
    "ContributionReport",
    "Debate",
    "Event",
    "EventResource",
    "Follow",
    "JobRun",
    "ModerationLog",
    "Notification",
    "NotificationSettings",
    "Reaction",
    "Registration",
    "Reminder",
]
