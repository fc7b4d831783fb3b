"""The `alliances` command with bad or production configuration: clear messages, no tracebacks."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1908",
    "ALLOWED_HOSTS": "alliances.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def alliances(*args: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "SECURE_SSL_REDIRECT",
            # The defaults under test derive from these: a CI run may set them for itself.
            "DATA_DIR",
            "STATIC_ROOT",
            "MEDIA_ROOT",
            "OPENDATA_DIR",
            "CACHE_URL",
        }
    }
    return subprocess.run(
        [sys.executable, "-m", "alliances", *args],
        env={**clean, "ENV_FILE": str(tmp_path / "absent.env"), **env},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = alliances(
        "check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_in_production_is_a_clear_error(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = alliances("check", tmp_path=tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set when DEBUG is off")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/alliances", "DATABASE_URL must start with one of"),
        ("not a url", "DATABASE_URL must start with one of"),
        ("postgres://user:secret@localhost:5432", "DATABASE_URL names no database"),
    ],
)
def test_bad_database_url_is_a_clear_error(tmp_path, url, message):
    result = alliances("check", tmp_path=tmp_path, **{**PRODUCTION, "DATABASE_URL": url})
    assert result.returncode == 2
    assert message in result.stderr
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_is_a_clear_error(tmp_path):
    env = {**PRODUCTION, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/alliances"}
    result = alliances("migrate", tmp_path=tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.startswith("Database error: cannot use the database set by DATABASE_URL")
    assert "Traceback" not in result.stderr


def test_laptop_defaults_create_the_sqlite_database_under_var(tmp_path):
    result = alliances("migrate", "--noinput", tmp_path=tmp_path, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "alliances.sqlite3").is_file()
