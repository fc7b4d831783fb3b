from datetime import date, timedelta
from decimal import Decimal

import pytest

from alliances.program.models import Indicator, IndicatorValue, Milestone, Programme
from tests.factories import UserFactory

SLUG = "alliances-strategiques-2020"


@pytest.fixture
def programme(db) -> Programme:
    return Programme.objects.get(slug=SLUG)


@pytest.fixture
def co_pilot(programme):
    user = UserFactory(email="copilot@example.org")
    programme.co_pilots.add(user)
    return user


@pytest.fixture
def pilot(programme):
    user = UserFactory(email="pilot@example.org")
    programme.measures.get(code="O1").pilots.add(user)
    return user


@pytest.fixture
def other_pilot(programme):
    user = UserFactory(email="other@example.org")
    programme.measures.get(code="O2").pilots.add(user)
    return user


@pytest.fixture
def o1(programme):
    return programme.measures.get(code="O1")


@pytest.fixture
def steering(o1):
    """O1 with two milestones (one done, weight 1 each) and an indicator half-way to target."""
    today = date.today()
    Milestone.objects.create(
        measure=o1,
        external_id="O1-J1",
        title="Cadrage",
        due_date=today - timedelta(days=30),
        done_date=today - timedelta(days=40),
    )
    Milestone.objects.create(
        measure=o1, external_id="O1-J2", title="Atelier", due_date=today - timedelta(days=5)
    )
    indicator = Indicator.objects.create(
        measure=o1,
        external_id="O1-I1",
        name="Organisations engagées",
        unit="organisations",
        baseline_value=Decimal(100),
        baseline_date=today - timedelta(days=730),
        target_value=Decimal(200),
        target_date=today + timedelta(days=730),
        weight=Decimal(2),
    )
    IndicatorValue.objects.create(
        indicator=indicator, date=today - timedelta(days=10), value=Decimal(150), source="Suivi"
    )
    return o1


@pytest.fixture
def english():
    """Messages in English, as the assertions quote them."""
    from django.utils import translation

    with translation.override("en"):
        yield
