"""The programme's state: roll-ups across levels, late milestones, as-of dates, history."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from alliances.program.enums import Freshness, IndicatorStatus
from alliances.program.models import Measure, ProgressUpdate
from alliances.program.selectors import matrix, measure_history, programme_state
from alliances.program.services import measures as services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_measure_progress_is_the_weighted_average_of_its_children(programme, steering):
    state = programme_state(programme).measure("O1")
    # Milestones: done (1 × 1.0), not done (1 × 0.0); indicator half-way (2 × 0.5) → 2 / 4.
    assert state.progress == pytest.approx(0.5)
    assert [m.late for m in state.milestones] == [False, True]
    [indicator] = state.indicators
    assert indicator.status == IndicatorStatus.SUBSTANTIAL
    assert indicator.progress == pytest.approx(0.5)


def test_dimension_and_programme_roll_ups_skip_measures_without_anything_to_measure(
    programme, steering
):
    state = programme_state(programme)
    operational = state.dimensions[0]
    assert operational.progress == pytest.approx(0.5)
    assert state.progress == pytest.approx(0.5)
    Measure.objects.filter(pk=steering.pk).update(weight=Decimal(0))
    assert programme_state(programme).progress is None


def test_freshness_counts_follow_the_programme_thresholds(programme, steering, pilot):
    assert programme_state(programme).measure("O1").freshness == Freshness.OVERDUE
    ProgressUpdate.objects.create(
        measure=steering, date=date.today() - timedelta(days=40), status="on_track", narrative="x"
    )
    assert programme_state(programme).measure("O1").freshness == Freshness.DUE
    programme.freshness_due_days = 45
    programme.freshness_overdue_days = 90
    programme.save()
    state = programme_state(programme)
    assert state.measure("O1").freshness == Freshness.FRESH
    assert state.freshness_counts == {"fresh": 1, "due": 0, "overdue": 20}


def test_state_as_of_a_past_date_uses_history_and_dated_values(programme, steering, co_pilot):
    today = timezone.localdate()
    services.measure_update(
        measure=steering, by=co_pilot, expected_version=None, changes={"status": "completed"}
    )
    past = programme_state(programme, as_of=today - timedelta(days=20)).measure("O1")
    # The status changed today; 20 days ago the value measured 10 days ago did not exist yet.
    assert past.status == "not_started"
    assert past.indicators[0].latest is None
    assert past.milestones[0].done is True
    assert programme_state(programme).measure("O1").status == "completed"


def test_matrix_rolls_up_each_column(programme, steering):
    group = programme.stakeholder_groups.get(code="pionniers")
    steering.stakeholder_groups.add(group)
    result = matrix(programme_state(programme), [group], "stakeholder_groups")
    [column] = result["columns"]
    assert (column.measures, column.progress) == (1, pytest.approx(0.5))
    assert [row.cells for row in result["rows"] if row.state.measure.code == "O1"] == [[True]]


def test_history_timeline_says_who_changed_what(steering, pilot):
    services.measure_update(
        measure=steering, by=pilot, expected_version=None, changes={"status": "in_progress"}
    )
    entries = measure_history(steering)
    change = next(entry for entry in entries if entry["kind"] is None and entry["changes"])
    assert change["user"] == pilot
    assert change["changes"][0]["old"] == "not_started"
    assert change["changes"][0]["new"] == "in_progress"
    assert {entry["kind"] for entry in entries} >= {"milestone", "indicator", "value"}


def test_programme_state_runs_a_bounded_number_of_queries(
    programme, steering, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        state = programme_state(programme)
        [m.measure.pilots.all() for m in state.measures]
