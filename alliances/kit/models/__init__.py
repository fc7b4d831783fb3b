from alliances.kit.models.compass import (
    Answer,
    Assessment,
    AssessmentScore,
    Axis,
    Option,
    Question,
    Questionnaire,
)
from alliances.kit.models.paths import AlertDelivery, Bookmark, GuidedPath, PathStep, SavedSearch
from alliances.kit.models.resources import (
    Resource,
    ResourceAudience,
    ResourceAxis,
    ResourceEvent,
    ResourceLink,
    Theme,
)

__all__ = [
    "AlertDelivery",
    "Answer",
    "Assessment",
    "AssessmentScore",
    "Axis",
    "Bookmark",
    "GuidedPath",
    "Option",
    "PathStep",
    "Question",
    "Questionnaire",
    "Resource",
    "ResourceAudience",
    "ResourceAxis",
    "ResourceEvent",
    "ResourceLink",
    "SavedSearch",
    "Theme",
]
