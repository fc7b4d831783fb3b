"""Keyboard-only journeys: Tab, Shift-Tab, Enter, Space and typing; every focused control shows
a visible focus indicator, and the skip link leads to the main content."""

import re

import pytest

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, type: el.type || '', name: el.name || '',
    href: el.getAttribute('href') || '', text: (el.innerText || el.value || '').trim().slice(0, 80),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
  };
}"""


def press(page, key: str) -> dict:
    page.keyboard.press(key)
    focused = page.evaluate(FOCUSED)
    assert focused, f"{key} left the focus on the page body at {page.url}"
    assert focused["outline"], f"no visible focus outline on {focused} at {page.url}"
    assert focused["visible"], f"focused element off screen: {focused} at {page.url}"
    return focused


def tab_to(page, matches, limit: int = 150, key: str = "Tab") -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; each step shows its focus."""
    for _ in range(limit):
        focused = press(page, key)
        if matches(focused):
            return focused
    raise AssertionError(f"{limit} presses of {key} never reached the target on {page.url}")


@pytest.fixture
def anonymous_tab(contexts):
    tab = contexts["anonymous"].new_page()
    yield tab
    tab.close()


@pytest.fixture
def pilot_tab(contexts):
    tab = contexts["pilot"].new_page()
    yield tab
    tab.close()


def test_skip_link_is_first_visible_and_leads_to_main(anonymous_tab):
    page = anonymous_tab
    page.goto("/")
    focused = press(page, "Tab")
    assert focused["href"] == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab lands inside the main content, past the header and menus.
    focused = press(page, "Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    # Shift+Tab goes back out: no trap.
    press(page, "Shift+Tab")


def test_search_the_registry_and_open_an_alliance(anonymous_tab):
    page = anonymous_tab
    page.goto("/registre/")
    tab_to(page, lambda f: f["tag"] == "input" and f["type"] == "search" or f["name"] == "q")
    page.keyboard.type("alliance")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=alliance" in page.url
    focused = tab_to(page, lambda f: re.search(r"/alliances/\d+/$", f["href"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(focused["href"])
    assert page.locator("h1").inner_text()


def test_answer_the_compass_and_reach_the_results(anonymous_tab):
    page = anonymous_tab
    page.goto("/boussole/")
    tab_to(page, lambda f: re.search(r"^/boussole/[\w-]+/$", f["href"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["name"] == "profile")
    page.keyboard.type("A")  # type-ahead picks the first profile starting with A (association)
    assert page.eval_on_selector("select[name=profile]", "el => el.value")
    questions = page.eval_on_selector_all(
        "input[type=radio]", "els => [...new Set(els.map(e => e.name))]"
    )
    for name in questions:
        tab_to(page, lambda f, name=name: f["name"] == name)
        page.keyboard.press("Space")
        assert page.is_checked(f"input[name={name}]:focus")
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/boussole/resultats/" in page.url


def test_register_to_an_event(anonymous_tab):
    page = anonymous_tab
    page.goto("/evenements/")
    tab_to(page, lambda f: re.search(r"^/evenements/\d+/$", f["href"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    fields = page.eval_on_selector_all(
        "main form[action*=inscription] :is(input, textarea)[required]",
        "els => els.map(e => [e.name, e.type])",
    )
    assert fields, f"no registration form on {page.url}"
    for name, kind in fields:
        tab_to(page, lambda f, name=name: f["name"] == name)
        if kind == "checkbox":
            page.keyboard.press("Space")
        elif kind == "email":
            page.keyboard.type("marie.durand@example.org")
        else:
            page.keyboard.type("Marie Durand")
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit" and "nscri" in f["text"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".messages, [role=status], .message").count() > 0


def test_update_a_measure_as_its_pilot(pilot_tab):
    page = pilot_tab
    page.goto("/feuille-de-route/")
    tab_to(page, lambda f: re.search(r"^/feuille-de-route/[\w-]+/$", f["href"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["href"].endswith("/mesures/O1/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["href"].endswith("/modifier/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["tag"] == "textarea")
    page.keyboard.type(" Mise à jour au clavier.")
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mesures/O1/"), page.url
    assert "Mise à jour au clavier." in page.content()
