import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def french_urls():
    """A request to /en/ leaves English active in the thread; `get_absolute_url()` would then
    give /en/ URLs in the next test. Each test starts in French, the default language."""
    with translation.override("fr"):
        yield
