"""Reads of the kit, by sub-domain: resources and guided paths, the compass, the alliance
evaluation and the observatory's compass statistics. Callers use `selectors.<name>`, so every
public read is named here."""

from alliances.kit.selectors.compass import (
    RECOMMENDATIONS_PER_GAP,
    STRENGTH_LEVELS,
    AxisResult,
    PeerComparison,
    assessment_history,
    assessment_results,
    current_compasses,
    current_questionnaires,
    peer_comparison,
    peer_group,
    recommendations,
    user_assessments,
)
from alliances.kit.selectors.evaluation import (
    AllianceEvaluation,
    AngleMean,
    alliance_evaluation,
    evaluation_questionnaire,
    user_evaluation,
)
from alliances.kit.selectors.resources import (
    ResourceFilters,
    inspiring_alliances,
    moderation_queue,
    path_get,
    published_paths,
    resource_facets,
    resource_get,
    resource_search,
    user_drafts,
)
from alliances.kit.selectors.statistics import (
    CompassStatistics,
    StatisticRow,
    compass_statistics,
    compass_statistics_for,
)

__all__ = [
    "RECOMMENDATIONS_PER_GAP",
    "STRENGTH_LEVELS",
    "AllianceEvaluation",
    "AngleMean",
    "AxisResult",
    "CompassStatistics",
    "PeerComparison",
    "ResourceFilters",
    "StatisticRow",
    "alliance_evaluation",
    "assessment_history",
    "assessment_results",
    "compass_statistics",
    "compass_statistics_for",
    "current_compasses",
    "current_questionnaires",
    "evaluation_questionnaire",
    "inspiring_alliances",
    "moderation_queue",
    "path_get",
    "peer_comparison",
    "peer_group",
    "published_paths",
    "recommendations",
    "resource_facets",
    "resource_get",
    "resource_search",
    "user_assessments",
    "user_drafts",
    "user_evaluation",
]
