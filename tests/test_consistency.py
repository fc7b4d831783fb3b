"""Guard rails: what the code declares is documented, registered and compiled."""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "alliances" / "settings"
ENV_CALL = re.compile(r'env\.(?:str|bool|int|list|cache_url)\(\s*"([A-Z_]+)"')


def settings_variables() -> set[str]:
    return {name for path in SETTINGS.glob("*.py") for name in ENV_CALL.findall(path.read_text())}


def test_settings_read_the_environment_variables_we_expect():
    assert {"DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"} <= settings_variables()


@pytest.mark.parametrize("document", [".env.example", "docs/configuration.md"])
def test_every_environment_variable_is_documented(document):
    text = (ROOT / document).read_text()
    missing = {name for name in settings_variables() if name not in text}
    assert not missing, f"{document} does not mention {sorted(missing)}"


def test_every_documented_variable_exists():
    documented = set(
        re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "docs/configuration.md").read_text(), re.M)
    )
    assert documented == settings_variables()


def test_every_model_of_ours_is_in_the_admin():
    ours = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("alliances.") and not model.__name__.startswith("Historical")
    ]
    missing = [model.__name__ for model in ours if not admin.site.is_registered(model)]
    assert not missing


def test_every_command_of_ours_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    ours = [name for name, app in get_commands().items() if app.startswith("alliances.")]
    assert ours
    missing = [name for name in ours if f"alliances {name}" not in readme]
    assert not missing


def test_french_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(ROOT / "alliances/locale/fr/LC_MESSAGES/django.po"))
    mo = polib.mofile(str(ROOT / "alliances/locale/fr/LC_MESSAGES/django.mo"))
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()
    compiled = {(entry.msgid, entry.msgstr) for entry in mo if not entry.msgid_plural}
    source = {(entry.msgid, entry.msgstr) for entry in po if not entry.msgid_plural}
    assert source == compiled, "run `make messages` to recompile the catalogue"


def test_reference_data_sources_are_documented():
    text = (ROOT / "docs/data-sources.md").read_text()
    for path in (ROOT / "alliances").glob("*/data/*"):
        assert path.name in text, f"docs/data-sources.md does not describe {path.name}"
