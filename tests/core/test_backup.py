import hashlib
import sqlite3
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend

from alliances.core.backup import database_backup, database_restore
from alliances.core.errors import DomainError

POSTGRES = connection.vendor == "postgresql"


def table_fingerprints(alias: str) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of the sorted rows of every table of the database."""
    target = connections[alias]
    fingerprints = {}
    with target.cursor() as cursor:
        for table in sorted(target.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {target.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(tuple(row)) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            fingerprints[table] = (len(rows), digest)
    return fingerprints


def _register(alias: str, settings: dict) -> None:
    """A connection made on the fly: Django's test isolation allows those, unlike new aliases."""
    complete = connections.configure_settings(
        {"default": connection.settings_dict, alias: settings}
    )
    connections[alias] = load_backend(settings["ENGINE"]).DatabaseWrapper(complete[alias], alias)


def _unregister(alias: str) -> None:
    connections[alias].close()
    del connections[alias]


def _postgres_admin(settings):
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        autocommit=True,
    )


@pytest.fixture
def databases_pair(tmp_path):
    """("source", "restored"): a database full of the reference data and an empty one.

    On SQLite the source is a file copy of the test database made with SQLite's own dump (the
    test database is in memory, inside this test's transaction); on PostgreSQL it is the test
    database itself, whose reference data is committed. The restored one is a fresh database.
    """
    settings = {**connection.settings_dict, "TEST": {}}
    if POSTGRES:
        name = f"{settings['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        admin = _postgres_admin(settings)
        admin.execute(f'CREATE DATABASE "{name}"')
        _register("restored", {**settings, "NAME": name})
        yield "default", "restored"
        _unregister("restored")
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
        return
    source_path = tmp_path / "source.sqlite3"
    copy = sqlite3.connect(source_path)
    copy.executescript("\n".join(connection.connection.iterdump()))
    copy.close()
    _register("source", {**settings, "NAME": str(source_path)})
    _register("restored", {**settings, "NAME": str(tmp_path / "restored.sqlite3")})
    yield "source", "restored"
    _unregister("source")
    _unregister("restored")


@pytest.mark.django_db
def test_backup_and_restore_round_trip_keeps_every_row(tmp_path, databases_pair):
    source, restored = databases_pair
    before = table_fingerprints(source)
    assert before["territories_territory"][0] > 30000
    assert before["sdg_goal"][0] == 17
    backup = tmp_path / ("alliances.dump" if POSTGRES else "alliances.sqlite3")

    report = database_backup(destination=backup, alias=source)
    assert report.size == backup.stat().st_size > 0

    database_restore(source=backup, alias=restored)
    assert table_fingerprints(restored) == before

    # And back again: a backup of the restored database restores to the same rows.
    second = tmp_path / ("second.dump" if POSTGRES else "second.sqlite3")
    database_backup(destination=second, alias=restored)
    database_restore(source=second, alias=restored)
    assert table_fingerprints(restored) == before


@pytest.fixture
def empty_sqlite(tmp_path):
    _register(
        "empty",
        {
            **connection.settings_dict,
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "empty.sqlite3"),
            "TEST": {},
        },
    )
    yield "empty"
    _unregister("empty")


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path, empty_sqlite, english):
    restored = empty_sqlite
    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a database")
    with pytest.raises(DomainError, match="is not a"):
        database_restore(source=stranger, alias=restored)
    with pytest.raises(DomainError, match="does not exist"):
        database_restore(source=tmp_path / "missing.dump", alias=restored)
    with pytest.raises(DomainError, match="does not exist"):
        database_backup(destination=tmp_path / "no-such-folder" / "x.dump", alias=restored)


@pytest.mark.django_db
def test_commands_report_errors_and_ask_before_restoring(tmp_path, monkeypatch, english):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.dump"), "--noinput")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(tmp_path / "missing.dump"))
