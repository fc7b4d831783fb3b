"""A live Alliances server with the reference and demo data, driven by Debian's Chromium.

The server runs in its own process on a free port, against a fresh SQLite file, with the test
settings (DEBUG off, so the real 403/404 pages show; undefined template variables rendered loudly).
One browser serves the whole session; each signed-in role keeps its cookies in one context."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.audit import RECORDER, audit_target
from tests.browser.catalogue import discover
from tests.browser.tools import axe_source

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = (
    "demo-alliances-2026"  # published on purpose in README and `load_demo --print-login`
)
USERS = {
    "admin": "demo@alliances.test",
    "pilot": "pilote@alliances.test",
    "member": "organisation@alliances.test",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(database: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="alliances.settings.test",
        TEST_DATABASE_URL=f"sqlite:///{database}",
        MFA_REQUIRED_FOR_PRIVILEGED="0",
        DATA_DIR=str(database.parent),
    )
    return env


@pytest.fixture(scope="session")
def live_url(tmp_path_factory):
    """Base URL of a running server with reference and demo data (French at /, English at /en/).

    `BROWSER_SERVER_URL` names a server already running with the demo data (while developing)."""
    if os.environ.get("BROWSER_SERVER_URL"):
        yield os.environ["BROWSER_SERVER_URL"].rstrip("/")
        return
    folder = tmp_path_factory.mktemp("server")
    database = folder / "browser.sqlite3"
    env = _server_env(database)
    alliances = [sys.executable, "-m", "alliances"]
    for command in (
        ["migrate", "--noinput"],
        ["load_reference"],
        ["load_demo", "--allow-production"],
    ):
        subprocess.run(
            [*alliances, *command], env=env, cwd=ROOT, check=True, capture_output=True, timeout=900
        )
    port = _free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [*alliances, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 — our own local server
            break
        except OSError:
            if server.poll() is not None:
                raise RuntimeError((folder / "server.log").read_text()) from None
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        RECORDER.browser = f"Chromium {chromium.version}"
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe():
    return axe_source()


def sign_in(context, live_url: str, email: str) -> None:
    page = context.new_page()
    page.goto(f"{live_url}/compte/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/compte/login/" not in page.url, f"sign-in of {email} failed"
    page.close()


@pytest.fixture(scope="session")
def contexts(browser, live_url):
    """One browser context per role: anonymous, the demo administrator, the measure pilot, the
    demo organisation's administrator."""
    # bypass_csp: the checkers (axe-core) are injected as scripts, which the platform's own
    # Content-Security-Policy rightly refuses; the policy itself is tested in tests/security.
    made = {"anonymous": browser.new_context(base_url=live_url, bypass_csp=True)}
    for role, email in USERS.items():
        context = browser.new_context(base_url=live_url, bypass_csp=True)
        sign_in(context, live_url, email)
        made[role] = context
    yield made
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def paths(contexts):
    """French path of every page type on the demo data."""
    return discover(contexts)


@pytest.fixture(scope="session")
def tabs(contexts):
    """One open tab per role, reused page after page."""
    opened = {role: context.new_page() for role, context in contexts.items()}
    yield opened
    for tab in opened.values():
        tab.close()


def localised(path: str, language: str) -> str:
    return path if language == "fr" else f"/en{path}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Count each browser check's outcome (by module: axe, keyboard, layout...) for the audit."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.failed):
        check = item.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
        RECORDER.record_outcome(check, report.passed)


def pytest_sessionfinish(session, exitstatus):
    """With ACCESSIBILITY_AUDIT set, write the audit file once every check has run."""
    target = audit_target()
    if target is not None and RECORDER.pages:
        RECORDER.write(target if target.is_absolute() else ROOT / target)
