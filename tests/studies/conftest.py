import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Domain messages are asserted in their English source; pages test the French ones."""
    with translation.override("en"):
        yield
