"""Setting up Django for a benchmark: SQLite in a temporary folder unless DATABASE_URL is set."""

import os
import tempfile
from pathlib import Path


def django_setup(settings: str = "alliances.settings.base") -> Path:
    """Configure and set up Django; returns the working folder (data, generated files)."""
    workdir = Path(tempfile.mkdtemp(prefix="alliances-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATA_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    import django

    django.setup()
    return workdir


def migrate_and_load_reference() -> None:
    import io

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=io.StringIO())
