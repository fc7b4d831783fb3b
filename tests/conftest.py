import pytest
from django.core.management import call_command

pytest_plugins = ["tests.program.fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the real reference data, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)


@pytest.fixture(autouse=True)
def french_by_default():
    """A request to /en/ leaves English active in the test thread, which would leak into the next
    test (`get_absolute_url()` giving /en/ URLs). Each test starts in French, the default."""
    from django.utils import translation

    with translation.override("fr"):
        yield


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Pages cached by one test are never served to the next (its database is another)."""
    from alliances.core import pagecache

    pagecache.bump()
