import pytest
from django.core.management import call_command

pytest_plugins = ["tests.program.fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the real reference data, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
