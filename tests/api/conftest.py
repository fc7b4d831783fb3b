import pytest
from rest_framework.test import APIClient

from alliances.accounts.tokens import api_token_create
from tests.factories import UserFactory


@pytest.fixture
def writer():
    return UserFactory()


@pytest.fixture
def moderator():
    return UserFactory(staff=True)


def token_client(user, scope: str = "write") -> APIClient:
    """An API client authenticated as a script would be: a personal token of that scope."""
    _token, key = api_token_create(user=user, name=f"test {scope}", scope=scope)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def anonymous():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")
