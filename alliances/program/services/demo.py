"""Demo steering data on the seed programme: pilots, milestones, indicators, values, updates.

Everything created here is flagged `is_demo` (people: `User.is_demo`) and shown as demo on the
pages. Dates are relative to today so that the dashboard shows fresh, due and overdue measures.
Idempotent: running it again changes nothing.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from alliances.accounts.models import User
from alliances.accounts.services import demo_email_verify
from alliances.program.enums import Direction, MeasureStatus, MilestoneKind, UpdateStatus
from alliances.program.models import (
    Indicator,
    IndicatorValue,
    Measure,
    Milestone,
    Programme,
    ProgressUpdate,
)
from alliances.program.services.seed import programme_seed_load

DEMO_PASSWORD = "demo-alliances-2026"  # noqa: S105 — the same public demo password as the admin
CO_PILOT_EMAIL = "copilote@alliances.test"
PILOT_EMAIL = "pilote@alliances.test"

DEMO_ORGANISATIONS = [
    "Réseau démo des catalyseurs territoriaux",
    "Fondation démo pour les alliances",
    "Association démo Territoires en commun",
    "Ministère (démo) — direction de la vie associative",
]
OBJECTIVES_BY_DIMENSION = {
    "O": ["mobiliser", "soutenir"],
    "S": ["soutenir", "eduquer"],
    "P": ["legaliser", "eduquer"],
}
STAKEHOLDERS_BY_DIMENSION = {
    "O": ["acteurs-de-terrain", "ingenierie"],
    "S": ["pionniers", "ingenierie"],
    "P": ["institutions"],
}
MILESTONE_TITLES = [
    "Cadrage avec les partenaires",
    "Premier atelier de co-construction",
    "Publication d’un premier livrable",
    "Bilan intermédiaire présenté au comité",
]
UPDATE_TEXTS = {
    UpdateStatus.ON_TRACK: "Les travaux avancent comme prévu avec les partenaires.",
    UpdateStatus.AT_RISK: "Un partenaire clé a décalé son engagement ; un plan B est à l’étude.",
    UpdateStatus.OFF_TRACK: (
        "Les moyens prévus ne sont pas réunis ; arbitrage demandé aux copilotes."
    ),
}


def _demo_user(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": name, "is_demo": True}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    demo_email_verify(user)
    return user


@transaction.atomic
def programme_demo_load(*, today: date | None = None) -> Programme:
    programme_seed_load()
    programme = Programme.objects.get(slug="alliances-strategiques-2020")
    co_pilot = _demo_user(CO_PILOT_EMAIL, "Camille Copilote (démo)")
    pilot = _demo_user(PILOT_EMAIL, "Paul Pilote (démo)")
    programme.co_pilots.add(co_pilot)
    if Milestone.objects.filter(measure__programme=programme, is_demo=True).exists():
        return programme

    today = today or date.today()
    rng = random.Random(17)  # noqa: S311 — reproducible demo, not security
    objectives = {o.code: o for o in programme.objectives.all()}
    stakeholders = {g.code: g for g in programme.stakeholder_groups.all()}
    measures = list(programme.measures.select_related("dimension").order_by("position"))
    for index, measure in enumerate(measures):
        dimension = measure.dimension
        measure.objectives.set([objectives[c] for c in OBJECTIVES_BY_DIMENSION[dimension.code]])
        measure.stakeholder_groups.set(
            [stakeholders[c] for c in STAKEHOLDERS_BY_DIMENSION[dimension.code]]
        )
        if measure.code in {"O1", "O3", "S2"}:
            measure.pilots.add(pilot)
        measure.owner_organisations = "\n".join(rng.sample(DEMO_ORGANISATIONS, k=2))
        measure.start_date = today - timedelta(days=300 - 20 * (index % 7))
        measure.due_date = measure.start_date + timedelta(days=30 * dimension.effect_to_months)
        measure.status = (
            [
                MeasureStatus.IN_PROGRESS,
                MeasureStatus.IN_PROGRESS,
                MeasureStatus.NOT_STARTED,
            ][dimension.position - 1]
            if index % 5
            else MeasureStatus.COMPLETED
        )
        measure.version += 1
        measure.save()
        _milestones(measure, rng, today)
        _indicator(measure, rng, today)
        _updates(measure, rng, today, pilot)
    # "No measure alone moves the lines": political measures build on operational ones.
    by_code = {m.code: m for m in measures}
    for dependant, prerequisites in {
        "S2": ["O1", "O3"],
        "S3": ["O3"],
        "P2": ["O4", "S2"],
        "P6": ["S2", "S7"],
        "P7": ["P6"],
        "O7": ["O3"],
    }.items():
        by_code[dependant].depends_on.set([by_code[code] for code in prerequisites])
    return programme


def _milestones(measure: Measure, rng: random.Random, today: date) -> None:
    for number, title in enumerate(MILESTONE_TITLES[: rng.randint(2, 4)], start=1):
        due = measure.start_date + timedelta(days=75 * number)
        done = due - timedelta(days=rng.randint(-10, 20)) if rng.random() < 0.6 else None
        if done and done > today:
            done = None
        Milestone.objects.create(
            measure=measure,
            external_id=f"{measure.code}-J{number}",
            kind=MilestoneKind.ACTION if number == 2 else MilestoneKind.MILESTONE,
            title=title,
            due_date=due,
            done_date=done,
            weight=Decimal(2 if number == len(MILESTONE_TITLES) else 1),
            is_demo=True,
        )


def _indicator(measure: Measure, rng: random.Random, today: date) -> None:
    baseline = Decimal(rng.choice([20, 40, 80, 150]))
    decreasing = measure.code in {"S3", "P4"}
    target = baseline * (Decimal("0.5") if decreasing else Decimal("2"))
    indicator = Indicator.objects.create(
        measure=measure,
        external_id=f"{measure.code}-I1",
        name="Délai moyen de réponse (jours)" if decreasing else "Organisations engagées",
        unit="jours" if decreasing else "organisations",
        direction=Direction.DECREASE if decreasing else Direction.INCREASE,
        baseline_value=baseline,
        baseline_date=measure.start_date,
        target_value=target,
        target_date=measure.start_date + timedelta(days=730),
        is_demo=True,
    )
    pace = rng.uniform(-0.1, 1.3)
    for quarter in range(1, 5):
        on = measure.start_date + timedelta(days=75 * quarter)
        if on > today:
            break
        share = Decimal(str(round(pace * quarter / 8, 3)))
        IndicatorValue.objects.create(
            indicator=indicator,
            date=on,
            value=(baseline + (target - baseline) * share).quantize(Decimal("1")),
            source="Tableau de suivi (démo)",
        )


def _updates(measure: Measure, rng: random.Random, today: date, pilot: User) -> None:
    age = rng.choice([5, 12, 25, 45, 50, 90, None])
    if age is None:
        return
    for offset in (age + 60, age):
        status = rng.choice(list(UPDATE_TEXTS))
        ProgressUpdate.objects.create(
            measure=measure,
            date=today - timedelta(days=offset),
            status=status,
            narrative=UPDATE_TEXTS[status],
            author=pilot,
            is_demo=True,
        )
