import re
from pathlib import Path

import pytest

from alliances.sdg.models import GOAL_COLOURS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "alliances"


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response):
    directives = csp_directives(response)
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_page_has_security_headers_and_its_scripts_carry_the_nonce(client):
    response = client.get("/")
    assert response.status_code == 200
    assert_security_headers(response)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the page loads htmx"
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag
    # Each response gets a fresh nonce.
    again = client.get("/")
    assert again["Content-Security-Policy"] != response["Content-Security-Policy"]


def test_api_response_has_security_headers(client):
    response = client.get("/api/v1/sdg/goals/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_admin_has_security_headers(client):
    client.force_login(UserFactory(staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_security_headers(response)
    assert "<script>" not in response.content.decode()


def test_swagger_ui_has_no_inline_script(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert_security_headers(response)
    html = response.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<style nonce="{nonce}">' in html


def test_no_template_has_inline_script_style_attribute_or_event_handler():
    offenders = []
    for template in (PACKAGE_DIR / "web" / "templates").rglob("*.html"):
        text = template.read_text()
        for pattern in (
            r"<script(?![^>]*\bsrc=)[^>]*>",
            r"\sstyle=",
            r"\son[a-z]+=",
            "javascript:",
        ):
            if re.search(pattern, text):
                offenders.append(f"{template.relative_to(PACKAGE_DIR)}: {pattern}")
    assert offenders == []


def test_goal_colour_classes_match_the_official_colours():
    css = (PACKAGE_DIR / "web" / "static" / "web" / "css" / "theme.css").read_text()
    found = {
        int(number): colour
        for number, colour in re.findall(r"\.sdg-(\d+) \{ --goal-colour: (#[0-9A-F]{6}); \}", css)
    }
    assert found == GOAL_COLOURS


def test_hsts_on_https_responses_with_the_production_defaults(client):
    """The test settings keep the production defaults (DEBUG off): a year, subdomains, preload."""
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    # Never over plain HTTP, where the browser would ignore it anyway.
    assert "Strict-Transport-Security" not in client.get("/")
