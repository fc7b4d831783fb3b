"""The steering arithmetic, as pure functions: roll-ups, indicator status, freshness.

Kept free of the database so every rule is tested on its own and stated once; the pages say the
same thing in words (see `ROLLUP_RULE`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from alliances.program.enums import Direction, Freshness, IndicatorStatus

# Thresholds on the ratio between the observed and the required growth rate (Eurostat's method
# with a target, as Open SDG applies it): at least 95% of the required pace is substantial
# progress, 60% moderate, anything positive limited, a move away from the target deterioration.
SUBSTANTIAL_RATIO = 0.95
MODERATE_RATIO = 0.60

ROLLUP_RULE = _(
    "Progress is a weighted average. A measure's progress averages its milestones and actions "
    "(100% when done, 0% otherwise) and its indicators (the share of the way from baseline to "
    "target reached by the latest value, between 0% and 100%), each counted with its weight. "
    "A dimension's or the programme's progress averages its measures with their weights; "
    "measures with nothing to measure yet are left out."
)


@dataclass(frozen=True)
class Weighted:
    value: float | None
    weight: Decimal | float


def weighted_average(items: Iterable[Weighted]) -> float | None:
    """Average of the known values by weight; None when nothing is known or all weights are 0."""
    total = 0.0
    weights = 0.0
    for item in items:
        if item.value is None:
            continue
        weight = float(item.weight)
        total += item.value * weight
        weights += weight
    if weights == 0:
        return None
    return total / weights


def indicator_progress(
    *, baseline: Decimal, target: Decimal, latest: Decimal | None
) -> float | None:
    """Share of the way from baseline to target, clamped to [0, 1]; None without a value."""
    if latest is None:
        return None
    span = float(target) - float(baseline)
    if span == 0:
        return 1.0 if latest == target else 0.0
    share = (float(latest) - float(baseline)) / span
    return min(1.0, max(0.0, share))


def _years(start: date, end: date) -> float:
    return (end - start).days / 365.25


def _rate(start_value: float, end_value: float, years: float) -> float:
    """Compound annual growth rate when both values are positive, linear yearly change otherwise."""
    if start_value > 0 and end_value > 0:
        return (end_value / start_value) ** (1 / years) - 1
    return (end_value - start_value) / years


def indicator_status(
    *,
    baseline: Decimal,
    baseline_date: date,
    target: Decimal,
    target_date: date,
    direction: str,
    latest: Decimal | None,
    latest_date: date | None,
) -> IndicatorStatus:
    """Automatic status from baseline, target and the latest value.

    Compares the pace observed since the baseline with the pace required to reach the target on
    its date: ratio = observed rate / required rate.
    """
    if latest is None or latest_date is None or latest_date <= baseline_date:
        return IndicatorStatus.NOT_AVAILABLE
    increase = direction == Direction.INCREASE
    if (increase and latest >= target) or (not increase and latest <= target):
        return IndicatorStatus.TARGET_ACHIEVED
    if baseline == target:
        # Keeping a level: any move away from it is a deterioration.
        return IndicatorStatus.DETERIORATION
    both_positive = baseline > 0 and latest > 0 and target > 0
    start = float(baseline)
    if both_positive:
        observed = _rate(start, float(latest), _years(baseline_date, latest_date))
        required = _rate(start, float(target), _years(baseline_date, target_date))
    else:
        observed = (float(latest) - start) / _years(baseline_date, latest_date)
        required = (float(target) - start) / _years(baseline_date, target_date)
    ratio = observed / required
    if ratio >= SUBSTANTIAL_RATIO:
        return IndicatorStatus.SUBSTANTIAL
    if ratio >= MODERATE_RATIO:
        return IndicatorStatus.MODERATE
    if ratio >= 0:
        return IndicatorStatus.LIMITED
    return IndicatorStatus.DETERIORATION


def freshness(
    *, last_update: date | None, today: date, due_days: int, overdue_days: int
) -> Freshness:
    """Traffic light of a measure's last progress update (never updated: overdue)."""
    if last_update is None:
        return Freshness.OVERDUE
    age = (today - last_update).days
    if age > overdue_days:
        return Freshness.OVERDUE
    if age > due_days:
        return Freshness.DUE
    return Freshness.FRESH
