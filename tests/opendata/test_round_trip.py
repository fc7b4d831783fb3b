"""Alliances exported in the published schema, imported into an empty registry: unchanged."""

import datetime

import pytest
from django.core.management import call_command
from frictionless import Resource, Schema, system

from alliances.opendata.alliance_schema import SCHEMA_COLUMNS, alliance_schema
from alliances.registry.enums import AllianceStatus, MembershipRole, World
from alliances.registry.importers.alliance_sheet import COLUMN_NAMES, OPTIONAL_COLUMNS
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.registry.services.alliance_import import alliances_import
from alliances.sdg.models import Goal
from alliances.territories.models import Territory
from tests.registry.factories import (
    AllianceFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)

pytestmark = pytest.mark.django_db


def snapshot():
    """The alliances as a reader sees them, independent of database numbers."""
    alliances = {}
    for alliance in Alliance.objects.prefetch_related(
        "territories", "goals", "memberships__organisation__commune"
    ):
        alliances[alliance.title] = {
            "summary": alliance.summary,
            "type": alliance.alliance_type,
            "status": alliance.status,
            "dates": (alliance.start_date, alliance.end_date),
            "publication": alliance.publication,
            "territories": sorted((t.kind, t.code) for t in alliance.territories.all()),
            "goals": sorted(g.number for g in alliance.goals.all()),
            "members": sorted(
                (
                    m.organisation.name,
                    m.organisation.world,
                    m.role,
                    m.organisation.siren,
                    m.organisation.siret,
                    m.organisation.rna_id,
                    m.organisation.commune.code if m.organisation.commune else "",
                )
                for m in alliance.memberships.all()
            ),
        }
    return alliances


@pytest.fixture
def alliances():
    departement = Territory.objects.get(kind="departement", code="01")
    first = AllianceFactory(
        title="=Alliance nourricière",
        summary="-moins de gaspillage, plus de liens",
        status=AllianceStatus.COMPLETED,
        start_date=datetime.date(2023, 1, 15),
        end_date=datetime.date(2024, 12, 31),
        territories=[departement, commune("01053")],
    )
    first.goals.set(Goal.objects.filter(number__in=[2, 12, 17]))
    MembershipFactory(
        alliance=first,
        organisation=OrganisationFactory(name="Épicerie solidaire", rna_id="W012345678"),
        role=MembershipRole.LEAD,
    )
    MembershipFactory(
        alliance=first,
        organisation=OrganisationFactory(
            name="Ferme SAS", world=World.COMPANY, siren="552100554", siret="55210055400013"
        ),
        role=MembershipRole.FUNDER,
    )
    second = AllianceFactory(title="Réseau des tiers-lieux", territories=[departement])
    MembershipFactory(alliance=second, organisation=OrganisationFactory(name="Tiers-lieu A"))
    MembershipFactory(
        alliance=second,
        organisation=OrganisationFactory(name="Commune de Bourg", world=World.PUBLIC),
        role=MembershipRole.LEAD,
    )
    hidden = AllianceFactory(title="Non publiée", submitted=True)
    MembershipFactory(alliance=hidden)
    MembershipFactory(alliance=hidden)


def empty_registry():
    Membership.objects.all().delete()
    Alliance.objects.all().delete()
    Catalyst.objects.all().delete()
    Organisation.objects.all().delete()


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_exported_alliances_import_into_an_empty_registry_unchanged(alliances, tmp_path, extension):
    before = snapshot()
    del before["Non publiée"]
    call_command("export_opendata", "--output", str(tmp_path))
    path = tmp_path / f"alliances-schema.{extension}"
    empty_registry()
    assert not Alliance.objects.exists()

    report = alliances_import(content=path.read_bytes(), filename=path.name, commit=True)

    assert report.committed, [problem.message for problem in report.problems]
    assert snapshot() == before
    assert Organisation.objects.count() == 4


def test_exported_file_is_valid_against_the_published_schema(alliances, tmp_path):
    call_command("export_opendata", "--output", str(tmp_path))
    path = tmp_path / "alliances-schema.csv"
    schema = Schema.from_descriptor(alliance_schema())
    with system.use_context(trusted=True):
        report = Resource(str(path), schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])
    path.write_text(path.read_text(encoding="utf-8").replace(",lead,", ",boss,", 1), "utf-8")
    with system.use_context(trusted=True):
        report = Resource(str(path), schema=schema).validate()
    assert report.flatten(["fieldName", "type"]) == [["member_role", "constraint-error"]]
    published = (tmp_path / "schema-alliances.json").read_text(encoding="utf-8")
    assert '"name": "member_role"' in published


def test_schema_columns_are_the_importer_columns():
    names = [field["name"] for field in alliance_schema()["fields"]]
    assert names == [column.name for column in SCHEMA_COLUMNS]
    assert set(COLUMN_NAMES) - set(names) == OPTIONAL_COLUMNS
