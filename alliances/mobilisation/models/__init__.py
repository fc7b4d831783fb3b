from alliances.mobilisation.models.contributions import (
    Contribution,
    ContributionReport,
    ModerationLog,
    Reaction,
)
from alliances.mobilisation.models.events import Event, EventResource, Registration
from alliances.mobilisation.models.notifications import (
    Follow,
    JobRun,
    Notification,
    NotificationSettings,
    Reminder,
)

__all__ = [
    "Contribution",
    "ContributionReport",
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
