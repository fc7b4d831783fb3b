"""Screenshots of key pages at desktop and mobile widths, in both languages, saved under
artifacts/screenshots/ to be looked at; at mobile width no page scrolls sideways."""

import pytest

from tests.browser.conftest import ARTIFACTS, localised

pytestmark = pytest.mark.browser

KEY_PAGES = [
    "home",
    "programme",
    "measure",
    "registry_results",
    "alliance",
    "diagnostic",
    "resources",
    "compass_answer",
    "event",
    "login",
]
WIDTHS = {"desktop": (1280, 800), "mobile": (390, 844)}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots(width, browser, live_url, paths):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    w, h = WIDTHS[width]
    context = browser.new_context(
        base_url=live_url, viewport={"width": w, "height": h}, bypass_csp=True
    )
    page = context.new_page()
    overflowing = []
    for key in KEY_PAGES:
        for language in ("fr", "en"):
            page.goto(localised(paths[key], language))
            target = folder / f"{key}-{language}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 0
            extra = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if extra > 1:
                overflowing.append(f"{page.url}: {extra}px wider than the screen")
    context.close()
    assert not overflowing, "\n".join(overflowing)
