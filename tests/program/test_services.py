"""Writes by pilots and co-pilots: permissions, optimistic locking, validation, history."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from alliances.core.errors import DomainError
from alliances.program.models import Indicator, IndicatorValue, Measure, Milestone
from alliances.program.services import measures as services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_pilot_updates_own_measure_and_history_records_who(o1, pilot):
    updated = services.measure_update(
        measure=o1, by=pilot, expected_version=o1.version, changes={"status": "in_progress"}
    )
    assert updated.version == o1.version + 1
    assert Measure.objects.get(pk=o1.pk).status == "in_progress"
    last = o1.history.first()
    assert (last.history_user, last.status) == (pilot, "in_progress")


def test_pilot_cannot_edit_another_pilot_s_measure(programme, pilot):
    o2 = programme.measures.get(code="O2")
    with pytest.raises(DomainError, match="not allowed"):
        services.measure_update(
            measure=o2, by=pilot, expected_version=o2.version, changes={"status": "completed"}
        )
    assert Measure.objects.get(pk=o2.pk).status == "not_started"


def test_co_pilot_edits_every_measure(programme, co_pilot):
    p7 = programme.measures.get(code="P7")
    services.measure_update(
        measure=p7, by=co_pilot, expected_version=p7.version, changes={"weight": Decimal(3)}
    )
    assert Measure.objects.get(pk=p7.pk).weight == Decimal(3)


def test_stale_edit_is_refused_and_nothing_is_overwritten(o1, pilot, co_pilot):
    started_with = o1.version
    services.measure_update(
        measure=o1, by=co_pilot, expected_version=started_with, changes={"status": "on_hold"}
    )
    with pytest.raises(DomainError, match="Someone else changed this record"):
        services.measure_update(
            measure=o1, by=pilot, expected_version=started_with, changes={"status": "completed"}
        )
    assert Measure.objects.get(pk=o1.pk).status == "on_hold"


def test_attainment_is_for_co_pilots_and_needs_a_justification(o1, pilot, co_pilot):
    with pytest.raises(DomainError, match="Only the programme's co-pilots"):
        services.measure_update(
            measure=o1,
            by=pilot,
            expected_version=o1.version,
            changes={"attainment": "met", "attainment_justification": "ok"},
        )
    with pytest.raises(DomainError, match="Justify"):
        services.measure_update(
            measure=o1,
            by=co_pilot,
            expected_version=o1.version,
            changes={"attainment": "met", "attainment_justification": " "},
        )
    services.measure_update(
        measure=o1,
        by=co_pilot,
        expected_version=o1.version,
        changes={"attainment": "exceeded", "attainment_justification": "120 % of the target."},
    )
    assert Measure.objects.get(pk=o1.pk).attainment == "exceeded"
    # A pilot saving the form with the attainment unchanged is fine.
    o1.refresh_from_db()
    services.measure_update(
        measure=o1,
        by=pilot,
        expected_version=o1.version,
        changes={
            "status": "completed",
            "attainment": "exceeded",
            "attainment_justification": "120 % of the target.",
        },
    )


def test_due_date_before_start_date_is_refused(o1, pilot):
    with pytest.raises(DomainError, match="due date is before"):
        services.measure_update(
            measure=o1,
            by=pilot,
            expected_version=None,
            changes={"start_date": date(2026, 5, 1), "due_date": date(2026, 4, 1)},
        )


def test_anonymous_and_inactive_users_cannot_write(o1, pilot):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(DomainError):
        services.progress_update_create(
            measure=o1, by=AnonymousUser(), on=date.today(), status="on_track", narrative="x"
        )
    pilot.is_active = False
    with pytest.raises(DomainError):
        services.progress_update_create(
            measure=o1, by=pilot, on=date.today(), status="on_track", narrative="x"
        )


def test_progress_update_validation(o1, pilot):
    with pytest.raises(DomainError, match="future"):
        services.progress_update_create(
            measure=o1,
            by=pilot,
            on=date.today() + timedelta(days=1),
            status="on_track",
            narrative="Done",
        )
    with pytest.raises(DomainError, match="what happened"):
        services.progress_update_create(
            measure=o1, by=pilot, on=date.today(), status="on_track", narrative="  "
        )
    update = services.progress_update_create(
        measure=o1, by=pilot, on=date.today(), status="at_risk", narrative=" Late partner "
    )
    assert (update.author, update.narrative, update.status) == (pilot, "Late partner", "at_risk")


def test_indicator_value_replaces_the_value_of_the_same_date(steering, pilot):
    indicator = Indicator.objects.get(external_id="O1-I1")
    on = date.today() - timedelta(days=10)
    services.indicator_value_record(
        indicator=indicator, by=pilot, on=on, value=Decimal(160), source="New count"
    )
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 1
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal(160)


def test_status_override_needs_a_reason_and_can_be_cleared(steering, pilot):
    indicator = Indicator.objects.get(external_id="O1-I1")
    with pytest.raises(DomainError, match="reason"):
        services.indicator_status_override(
            indicator=indicator,
            by=pilot,
            expected_version=indicator.version,
            status="deterioration",
            reason="",
        )
    changed = services.indicator_status_override(
        indicator=indicator,
        by=pilot,
        expected_version=indicator.version,
        status="deterioration",
        reason="Source revised",
    )
    assert (changed.status_override, changed.status_override_reason) == (
        "deterioration",
        "Source revised",
    )
    cleared = services.indicator_status_override(
        indicator=changed, by=pilot, expected_version=changed.version, status="", reason="ignored"
    )
    assert (cleared.status_override, cleared.status_override_reason) == ("", "")


def test_milestones_created_with_stable_ids_and_locked_on_edit(o1, pilot):
    first = services.milestone_save(
        measure=o1,
        by=pilot,
        values={"title": "Kick-off", "kind": "milestone", "weight": Decimal(1)},
    )
    second = services.milestone_save(
        measure=o1, by=pilot, values={"title": "Workshop", "kind": "action", "weight": Decimal(1)}
    )
    assert (first.external_id, second.external_id) == ("O1-J1", "O1-J2")
    services.milestone_save(
        measure=o1,
        by=pilot,
        milestone=first,
        expected_version=1,
        values={"done_date": date.today()},
    )
    with pytest.raises(DomainError, match="Someone else"):
        services.milestone_save(
            measure=o1, by=pilot, milestone=first, expected_version=1, values={"title": "Old"}
        )
    assert Milestone.objects.get(pk=first.pk).title == "Kick-off"
