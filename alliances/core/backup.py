"""Back up and restore the database: pg_dump/pg_restore (custom format) or SQLite's online backup.

`database_backup` writes one file; `database_restore` replaces the whole database with the content
of such a file. Both refuse, with a clear message, what they cannot do: an unknown engine, a
missing PostgreSQL client, a file of the wrong kind, a restore inside a transaction.
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 — fixed argument lists, never a shell
from dataclasses import dataclass
from pathlib import Path

from django.db import connections
from django.utils.translation import gettext as _

from alliances.core.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
# SQLite copies this many pages per step, so other writers are not blocked for long.
SQLITE_PAGES_PER_STEP = 1024


@dataclass(frozen=True)
class BackupReport:
    action: str
    engine: str
    path: Path
    size: int

    def __str__(self) -> str:
        return f"{self.action} {self.engine} database: {self.path} ({self.size:,} bytes)"


def database_backup(*, destination: Path, alias: str = "default") -> BackupReport:
    """Write a consistent copy of the database to `destination` (overwritten if it exists)."""
    connection = connections[alias]
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise DomainError(
            _("The folder %(folder)s does not exist.") % {"folder": destination.parent}
        )
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:
            # SQLite's backup would wait forever for the lock this very transaction holds.
            raise DomainError(_("A database cannot be backed up inside a transaction."))
        connection.ensure_connection()
        partial = destination.with_name(destination.name + ".partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target, pages=SQLITE_PAGES_PER_STEP)
        finally:
            target.close()
        partial.replace(destination)
    elif connection.vendor == "postgresql":
        _run(
            "pg_dump",
            ["--format=custom", "--no-owner", "--no-privileges", f"--file={destination}"],
            connection.settings_dict,
        )
    else:
        raise DomainError(_unsupported(connection.vendor))
    return BackupReport("Backed up", connection.vendor, destination, destination.stat().st_size)


def database_restore(*, source: Path, alias: str = "default") -> BackupReport:
    """Replace the whole content of the database with the backup file `source`."""
    connection = connections[alias]
    source = Path(source)
    if not source.is_file():
        raise DomainError(_("The backup file %(path)s does not exist.") % {"path": source})
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if connection.vendor == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise DomainError(_wrong_kind(source, "SQLite"))
        if connection.in_atomic_block:
            raise DomainError(_("A database cannot be restored inside a transaction."))
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            origin.execute("PRAGMA schema_version").fetchone()
            connection.ensure_connection()
            origin.backup(connection.connection, pages=SQLITE_PAGES_PER_STEP)
        except sqlite3.DatabaseError as error:
            raise DomainError(
                _("The backup file %(path)s cannot be read: %(error)s")
                % {"path": source, "error": error}
            ) from error
        finally:
            origin.close()
    elif connection.vendor == "postgresql":
        if not head.startswith(PG_CUSTOM_MAGIC):
            raise DomainError(_wrong_kind(source, "PostgreSQL (pg_dump --format=custom)"))
        connection.close()
        _run(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ],
            connection.settings_dict,
        )
    else:
        raise DomainError(_unsupported(connection.vendor))
    return BackupReport("Restored", connection.vendor, source, source.stat().st_size)


def _run(program: str, arguments: list[str], settings: dict) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise DomainError(
            _(
                "%(program)s was not found: install the PostgreSQL client tools "
                "(Debian: postgresql-client) in the version of the server."
            )
            % {"program": program}
        )
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    connection_options = [f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        connection_options.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        connection_options.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        connection_options.append(f"--username={settings['USER']}")
    completed = subprocess.run(  # noqa: S603 — the executable and arguments are ours
        [executable, "--no-password", *connection_options, *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise DomainError(
            _("%(program)s failed: %(error)s")
            % {"program": program, "error": completed.stderr.strip() or completed.returncode}
        )


def _unsupported(vendor: str) -> str:
    return _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}


def _wrong_kind(path: Path, kind: str) -> str:
    return _("%(path)s is not a %(kind)s backup.") % {"path": path, "kind": kind}
