"""The bulk paths of `core.bulk` on the organisation table (whichever engine runs the tests)."""

import pytest
from django.db import transaction
from django.utils import timezone

from alliances.core.bulk import insert_new_rows, update_rows, upsert_rows
from alliances.registry.models import Organisation
from tests.registry.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FIELDS = ["rna_id", "name", "search_name", "world", "source", "imported_at", "updated_at"]


def row(rna_id: str, name: str) -> tuple:
    now = timezone.now()
    return (rna_id, name, name.lower(), "association", "rna", now, now)


def names() -> dict[str, str]:
    return dict(Organisation.objects.values_list("rna_id", "name"))


def test_new_rows_go_straight_in():
    with transaction.atomic():
        written = insert_new_rows(
            Organisation,
            fields=FIELDS,
            unique_fields=["rna_id"],
            rows=[row("W751000001", "Les Amis du canal"), row("W751000002", "Jardins du Nord")],
        )
    assert written == 2
    assert names() == {"W751000001": "Les Amis du canal", "W751000002": "Jardins du Nord"}


def test_a_row_created_meanwhile_falls_back_to_the_upsert_whole():
    OrganisationFactory(rna_id="W751000001", name="Ancien nom", world="association")
    with transaction.atomic():
        written = insert_new_rows(
            Organisation,
            fields=FIELDS,
            unique_fields=["rna_id"],
            rows=[row("W751000001", "Nouveau nom"), row("W751000003", "Troisième")],
        )
    assert written == 2
    assert names() == {"W751000001": "Nouveau nom", "W751000003": "Troisième"}
    assert Organisation.objects.count() == 2


def test_upsert_then_update_by_key():
    with transaction.atomic():
        upsert_rows(
            Organisation,
            fields=FIELDS,
            unique_fields=["rna_id"],
            rows=[row("W751000001", "Un"), row("W751000002", "Deux")],
        )
        upsert_rows(
            Organisation, fields=FIELDS, unique_fields=["rna_id"], rows=[row("W751000002", "2")]
        )
        first = Organisation.objects.get(rna_id="W751000001")
        update_rows(Organisation, fields=["name"], key="id", rows=[("Premier", first.pk)])
    assert names() == {"W751000001": "Premier", "W751000002": "2"}
