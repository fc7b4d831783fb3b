"""Every public dataset, in the order of the page and of the Data Package."""

from alliances.opendata.datasets.activity import (
    DIAGNOSTICS,
    EVENTS,
    INDICATOR_VALUES,
    INDICATORS,
    MEASURES,
    RESOURCES,
    STUDY_ESTIMATES,
    TERRITORIAL_INDICATORS,
)
from alliances.opendata.datasets.registry import (
    ALLIANCE_MEMBERS,
    ALLIANCES,
    CATALYSTS,
    ORGANISATIONS,
)

DATASETS = (
    ORGANISATIONS,
    ALLIANCES,
    ALLIANCE_MEMBERS,
    CATALYSTS,
    MEASURES,
    INDICATORS,
    INDICATOR_VALUES,
    RESOURCES,
    EVENTS,
    DIAGNOSTICS,
    TERRITORIAL_INDICATORS,
    STUDY_ESTIMATES,
)
