"""The bulk paths of `core.bulk` on the organisation table (whichever engine runs the tests)."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from alliances.core.bulk import (
    indexes_built_after_load,
    insert_new_rows,
    read_ahead,
    update_rows,
    upsert_rows,
)
from alliances.registry.models import Organisation
from alliances.registry.models.organisations import SEARCH_NAME_TRIGRAM_INDEX
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


# Secondary indexes around a bulk load: the declared ones, and on PostgreSQL the trigram one.
SECONDARY = {index.name for index in Organisation._meta.indexes} | (
    set(SEARCH_NAME_TRIGRAM_INDEX) if connection.vendor == "postgresql" else set()
)
KEPT = {"registry_org_siren_unique", "registry_org_rna_id_unique"}


def indexes() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, Organisation._meta.db_table))


def load(rows) -> bool:
    with indexes_built_after_load(
        Organisation, postgresql_indexes=SEARCH_NAME_TRIGRAM_INDEX
    ) as deferred:
        during = indexes()
        with transaction.atomic():
            insert_new_rows(Organisation, fields=FIELDS, unique_fields=["rna_id"], rows=rows)
    return deferred, during


def test_a_first_load_builds_the_secondary_indexes_at_its_end():
    assert indexes() >= SECONDARY
    deferred, during = load([row("W751000001", "Les Amis du canal")])
    assert deferred
    assert not SECONDARY & during  # the load wrote no secondary index
    assert during >= KEPT  # the lookups of the import still use the unique ones
    assert indexes() >= SECONDARY
    # A load into a table that holds rows and all its indexes keeps them.
    deferred, during = load([row("W751000002", "Jardins du Nord")])
    assert not deferred and during >= SECONDARY
    assert names() == {"W751000001": "Les Amis du canal", "W751000002": "Jardins du Nord"}


def test_a_load_killed_before_its_end_is_completed_by_the_next_one():
    OrganisationFactory(rna_id="W751000001", world="association")
    missing = sorted(SECONDARY)[0]
    with connection.cursor() as cursor:  # as a killed load leaves the table
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(missing)}")
    deferred, during = load([row("W751000002", "Jardins du Nord")])
    assert deferred and not SECONDARY & during
    assert indexes() >= SECONDARY


def test_the_indexes_are_built_again_when_the_load_fails():
    load = indexes_built_after_load(Organisation, postgresql_indexes=SEARCH_NAME_TRIGRAM_INDEX)
    with pytest.raises(ValueError), load:
        assert not SECONDARY & indexes()
        raise ValueError("a bad file")
    assert indexes() >= SECONDARY


# Reading ahead in a thread while the caller writes.


def test_read_ahead_yields_every_item_in_order():
    assert list(read_ahead(iter(range(1000)), depth=3)) == list(range(1000))
    assert list(read_ahead([])) == []


def test_an_error_while_reading_is_raised_to_the_writer_after_the_items_before_it():
    def lines():
        yield 1
        yield 2
        raise ValueError("line 3: not a number")

    received = []
    with pytest.raises(ValueError, match="line 3"):
        for item in read_ahead(lines()):
            received.append(item)
    assert received == [1, 2]


def test_a_writer_that_fails_stops_the_reading():
    produced = []

    def lines():
        for number in range(10_000):
            produced.append(number)
            yield number

    with pytest.raises(RuntimeError):
        for item in read_ahead(lines(), depth=2):
            if item == 5:
                raise RuntimeError("the database refused batch 5")
    # The reader stopped a few items ahead of the writer, not at the end of the file.
    assert len(produced) < 20
    assert not [t for t in threading.enumerate() if t.name == "read-ahead"]
