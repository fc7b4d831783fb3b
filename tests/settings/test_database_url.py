"""DATABASE_URL into Django's DATABASES entry (alliances/settings/database.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from alliances.settings.database import database_from_url


def test_connections_are_kept_between_requests_on_both_engines(tmp_path):
    sqlite = database_from_url(f"sqlite:///{tmp_path}/data/alliances.sqlite3")
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert sqlite["CONN_MAX_AGE"] == 60
    assert "PRAGMA journal_mode=WAL" in sqlite["OPTIONS"]["init_command"]
    assert (tmp_path / "data").is_dir()  # created for a laptop's first run
    postgres = database_from_url("postgres://alliances:secret@db.example.org:5432/alliances")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["CONN_MAX_AGE"], postgres["CONN_HEALTH_CHECKS"]) == (60, True)
    # An explicit choice in the URL wins.
    assert (
        database_from_url("postgres://db.example.org/alliances?conn_max_age=0")["CONN_MAX_AGE"] == 0
    )


def test_an_unsupported_url_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="must start with one of"):
        database_from_url("mysql://db.example.org/alliances")
    with pytest.raises(ImproperlyConfigured, match=r"names no database: postgres://u:\*\*\*@h/"):
        database_from_url("postgres://u:secret@h/")
