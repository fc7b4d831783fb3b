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
from alliances.kit.models.statistics import CompassStatistic

__all__ = [
    "AlertDelivery",
    "Answer",
    "Assessment",
    "AssessmentScore",
    "Axis",
    "Bookmark",
    "CompassStatistic",
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
