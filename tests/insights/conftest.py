import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def french_urls():
    """Each test starts in French, whatever a previous request to /en/ left active."""
    with translation.override("fr"):
        yield
