"""The steering arithmetic: roll-ups, automatic indicator status and freshness thresholds."""

from datetime import date
from decimal import Decimal

import pytest

from alliances.program.enums import Direction, Freshness, IndicatorStatus
from alliances.program.progress import (
    Weighted,
    freshness,
    indicator_progress,
    indicator_status,
    weighted_average,
)


def test_weighted_average_uses_weights_and_skips_unknown_values():
    items = [Weighted(1.0, Decimal("3")), Weighted(0.0, Decimal("1")), Weighted(None, Decimal("5"))]
    assert weighted_average(items) == pytest.approx(0.75)


def test_weighted_average_of_nothing_is_unknown():
    assert weighted_average([]) is None
    assert weighted_average([Weighted(None, 1)]) is None
    assert weighted_average([Weighted(0.5, 0)]) is None


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        (0, 100, 25, 0.25),
        (100, 0, 75, 0.25),  # decreasing indicator: a quarter of the way down
        (10, 20, 30, 1.0),  # beyond the target counts as reached, no more
        (10, 20, 5, 0.0),  # below the baseline counts as nothing
        (10, 20, None, None),
        (10, 10, 10, 1.0),
        (10, 10, 9, 0.0),
    ],
)
def test_indicator_progress(baseline, target, latest, expected):
    result = indicator_progress(
        baseline=Decimal(baseline),
        target=Decimal(target),
        latest=None if latest is None else Decimal(latest),
    )
    assert result == (None if expected is None else pytest.approx(expected))


def status(baseline, target, latest, *, latest_date=date(2022, 1, 1), direction=Direction.INCREASE):
    return indicator_status(
        baseline=Decimal(baseline),
        baseline_date=date(2020, 1, 1),
        target=Decimal(target),
        target_date=date(2024, 1, 1),
        direction=direction,
        latest=None if latest is None else Decimal(latest),
        latest_date=latest_date,
    )


def test_status_without_a_later_value_is_not_available():
    assert status(100, 200, None) == IndicatorStatus.NOT_AVAILABLE
    assert status(100, 200, 150, latest_date=date(2020, 1, 1)) == IndicatorStatus.NOT_AVAILABLE


def test_status_target_achieved_in_both_directions():
    assert status(100, 200, 200) == IndicatorStatus.TARGET_ACHIEVED
    assert status(100, 50, 40, direction=Direction.DECREASE) == IndicatorStatus.TARGET_ACHIEVED


def test_status_compares_observed_and_required_compound_rates():
    # Required: doubling in 4 years, i.e. x1.1892 a year. Half-way in time (2 years):
    # on pace means sqrt(2) = 141.4.
    assert status(100, 200, 142) == IndicatorStatus.SUBSTANTIAL
    # Observed rate 0.1 vs required 0.1892 => ratio 0.53: limited; 1.15 a year => 0.79: moderate.
    assert status(100, 200, 121) == IndicatorStatus.LIMITED
    assert status(100, 200, 132.25) == IndicatorStatus.MODERATE
    assert status(100, 200, 90) == IndicatorStatus.DETERIORATION


def test_status_of_a_decreasing_indicator():
    # From 100 to 50 in 4 years; at 2 years on pace is 70.7.
    assert status(100, 50, 70, direction=Direction.DECREASE) == IndicatorStatus.SUBSTANTIAL
    assert status(100, 50, 95, direction=Direction.DECREASE) == IndicatorStatus.LIMITED
    assert status(100, 50, 110, direction=Direction.DECREASE) == IndicatorStatus.DETERIORATION


def test_status_falls_back_to_linear_pace_from_zero():
    # From 0 to 40 in 4 years: 10 a year required; 20 in 2 years is on pace.
    assert status(0, 40, 20) == IndicatorStatus.SUBSTANTIAL
    assert status(0, 40, 13) == IndicatorStatus.MODERATE
    assert status(0, 40, 5) == IndicatorStatus.LIMITED


def test_status_of_a_level_to_keep():
    assert status(50, 50, 49) == IndicatorStatus.DETERIORATION
    assert status(50, 50, 50) == IndicatorStatus.TARGET_ACHIEVED


@pytest.mark.parametrize(
    ("last_update", "expected"),
    [
        (date(2026, 11, 26), Freshness.FRESH),
        (date(2026, 10, 27), Freshness.FRESH),  # 30 days: still fresh
        (date(2026, 10, 26), Freshness.DUE),  # 31 days
        (date(2026, 9, 27), Freshness.DUE),  # 60 days: still due
        (date(2026, 9, 26), Freshness.OVERDUE),  # 61 days
        (None, Freshness.OVERDUE),
    ],
)
def test_freshness_thresholds(last_update, expected):
    assert (
        freshness(last_update=last_update, today=date(2026, 11, 26), due_days=30, overdue_days=60)
        == expected
    )
