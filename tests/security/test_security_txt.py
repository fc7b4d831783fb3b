from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def fields(client) -> dict[str, str]:
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    return dict(line.split(": ", 1) for line in lines)


@override_settings(SECURITY_CONTACT="", PLATFORM_CONTACT_EMAIL="contact@mairie.example.fr")
def test_security_txt_falls_back_on_the_platform_contact(client):
    data = fields(client)
    assert data["Contact"] == "mailto:contact@mairie.example.fr"
    assert data["Preferred-Languages"] == "fr, en"
    assert data["Canonical"].endswith("/.well-known/security.txt")
    expires = datetime.strptime(data["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116: in the future, and less than a year ahead.
    assert timedelta(days=170) < expires - datetime.now(UTC) < timedelta(days=365)


@override_settings(SECURITY_CONTACT="securite@mairie.example.fr")
def test_security_txt_gives_the_deployers_address(client):
    assert fields(client)["Contact"] == "mailto:securite@mairie.example.fr"


@override_settings(SECURITY_CONTACT="https://mairie.example.fr/securite")
def test_security_txt_accepts_a_web_page(client):
    assert fields(client)["Contact"] == "https://mairie.example.fr/securite"
