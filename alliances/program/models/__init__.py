from alliances.program.models.indicator import Indicator, IndicatorValue
from alliances.program.models.measure import Measure, Milestone, ProgressUpdate
from alliances.program.models.programme import (
    Dimension,
    Objective,
    Programme,
    ProgrammeInstance,
    StakeholderGroup,
)
from alliances.program.models.report import Report

__all__ = [
    "Dimension",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "Milestone",
    "Objective",
    "Programme",
    "ProgrammeInstance",
    "ProgressUpdate",
    "Report",
    "StakeholderGroup",
]
