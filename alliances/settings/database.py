"""Turn DATABASE_URL into Django's DATABASES entry, refusing what we do not support."""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

SUPPORTED_SCHEMES = {
    "sqlite": "django.db.backends.sqlite3",
    "postgres": "django.db.backends.postgresql",
    "postgresql": "django.db.backends.postgresql",
    "pgsql": "django.db.backends.postgresql",
}

# WAL lets readers go on while a writer writes; IMMEDIATE transactions avoid
# "database is locked" errors when two writers start together.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=10000;"
        "PRAGMA cache_size=-64000;"
    ),
    "transaction_mode": "IMMEDIATE",
}


def database_from_url(url: str, *, variable: str = "DATABASE_URL") -> dict:
    scheme = urlsplit(url).scheme
    if scheme not in SUPPORTED_SCHEMES:
        raise ImproperlyConfigured(
            f"{variable} must start with one of {', '.join(sorted(SUPPORTED_SCHEMES))}:// "
            f"(got {scheme + '://' if scheme else 'no scheme'}). "
            "Examples: sqlite:///var/alliances.sqlite3, postgres://user:password@host:5432/name"
        )
    config = environ.Env.db_url_config(url)
    config["ENGINE"] = SUPPORTED_SCHEMES[scheme]
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{variable} names no database: {_redact(url)}")
    # Connections are kept between requests (a minute at most): opening one costs more than most
    # requests do — 3.3 ms for SQLite (its pragmas, Django's functions), a round trip and an
    # authentication for PostgreSQL — against 0.1 ms for the stored diagnostic read itself.
    config.setdefault("CONN_MAX_AGE", 60)
    if scheme == "sqlite":
        if config["NAME"] != ":memory:":
            # A laptop's first run: create the folder that will hold the database file.
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    else:
        config["CONN_HEALTH_CHECKS"] = True  # a server restarted meanwhile: reconnect, not fail
    return config


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
