"""A small hand-made registry whose numbers are known, in Ain (01) and Rhône (69)."""

from datetime import date

import pytest

from alliances.registry.enums import AllianceType, OrganisationStatus, Publication, World
from alliances.sdg.models import Goal
from alliances.territories.models import Territory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)


def territory(kind: str, code: str) -> Territory:
    return Territory.objects.get(kind=kind, code=code)


@pytest.fixture
def small_registry(db):
    bourg = commune("01053")  # Bourg-en-Bresse
    oyonnax = commune("01283")
    lyon_3 = Territory.objects.get(kind="arrondissement", code="69383")
    goal_1, goal_13 = Goal.objects.get(number=1), Goal.objects.get(number=13)
    orgs = {
        "asso_bourg": OrganisationFactory(commune=bourg, waldec_theme="019"),
        "asso_bourg_2": OrganisationFactory(commune=bourg, waldec_theme="024"),
        "asso_oyo": OrganisationFactory(commune=oyonnax, waldec_theme="019"),
        "asso_dissolved": OrganisationFactory(
            commune=bourg, status=OrganisationStatus.DISSOLVED, waldec_theme="019"
        ),
        "company_bourg": OrganisationFactory(commune=bourg, company=True),
        "mairie_oyo": OrganisationFactory(commune=oyonnax, world=World.PUBLIC),
        "company_lyon": OrganisationFactory(commune=lyon_3, company=True),
        "removed": OrganisationFactory(commune=bourg, status=OrganisationStatus.DELETED),
    }
    orgs["asso_bourg"].goals.set([goal_1])
    orgs["company_bourg"].goals.set([goal_1, goal_13])
    orgs["asso_dissolved"].goals.set([goal_13])
    cross = AllianceFactory(
        territories=[bourg],
        alliance_type=AllianceType.SKILLS,
        start_date=date(2023, 3, 1),
    )
    cross.goals.set([goal_1])
    MembershipFactory(alliance=cross, organisation=orgs["asso_bourg"])
    MembershipFactory(alliance=cross, organisation=orgs["company_bourg"])
    single = AllianceFactory(
        territories=[territory("departement", "01")], start_date=date(2024, 1, 10)
    )
    single.goals.set([goal_13])
    MembershipFactory(alliance=single, organisation=orgs["asso_oyo"])
    MembershipFactory(alliance=single, organisation=orgs["asso_bourg_2"])
    lyon = AllianceFactory(territories=[lyon_3], start_date=date(2024, 5, 1))
    MembershipFactory(alliance=lyon, organisation=orgs["company_lyon"])
    MembershipFactory(alliance=lyon, organisation=orgs["asso_bourg"])
    draft = AllianceFactory(territories=[bourg], publication=Publication.DRAFT)
    MembershipFactory(alliance=draft, organisation=orgs["mairie_oyo"])
    CatalystFactory(territories=[bourg])
    CatalystFactory(territories=[territory("departement", "01")], is_active=False)
    return {"orgs": orgs, "alliances": {"cross": cross, "single": single, "lyon": lyon}}
