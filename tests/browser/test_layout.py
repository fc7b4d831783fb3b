"""Every page type reflows, keeps still and survives wider text spacing (WCAG 2.1 AA).

One visit per page type (French, as its first role), with the visitor's preference for reduced
motion, checked in turn:

- 200% zoom: a 1280 px window at 200% is 640 CSS px wide: nothing scrolls sideways;
- reflow (1.4.10): at 320 CSS px (1280 px at 400%), nothing scrolls sideways either;
- reduced motion (2.3.3): no animation or transition runs nor is declared on any element;
- text spacing (1.4.12): with line height 1.5, paragraphs 2 em apart, letters 0.12 em and words
  0.16 em apart, no text is cut off by a box that hides its overflow, and still no sideways scroll.

Wide data tables scroll inside their own focusable region (`.table-wrapper`), which is allowed:
the page itself must not.
"""

import pytest

from tests.browser.catalogue import PAGE_TYPES

pytestmark = pytest.mark.browser

WIDTHS = {"200% zoom": 640, "320 px reflow": 320}

SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"

# The innermost elements that stick out on the right, to name the culprit in the failure.
WIDEST = """() => {
  const out = el => el.getBoundingClientRect().right > window.innerWidth + 1;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!out(el) || [...el.children].some(out)) continue;
    let scroller = el.parentElement, hidden = false;
    for (; scroller; scroller = scroller.parentElement) {
      const o = getComputedStyle(scroller).overflowX;
      if (o !== 'visible') { hidden = true; break; }
    }
    if (!hidden) found.push(el.tagName.toLowerCase()
      + (el.className && typeof el.className === 'string' ? '.' + el.className : '')
      + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
  }
  return found.slice(0, 4);
}"""

MOTION = """() => {
  const running = document.getAnimations().map(a => a.animationName || a.transitionProperty
    || a.constructor.name);
  const seconds = value => Math.max(...value.split(',').map(v => parseFloat(v) || 0));
  const declared = [];
  for (const el of document.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.animationName !== 'none' && seconds(style.animationDuration) > 0
        || seconds(style.transitionDuration) > 0) {
      declared.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
    }
  }
  return running.concat(declared).slice(0, 5);
}"""

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

CLIPPED = """() => {
  const cut = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    const hides = ['hidden', 'clip'];
    if (!hides.includes(style.overflowX) && !hides.includes(style.overflowY)) continue;
    if (!el.innerText || !el.innerText.trim()) continue;
    if (el.closest('.visually-hidden, .skip-link, svg')) continue;
    if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) {
      cut.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
        + ': ' + el.innerText.trim().slice(0, 40));
    }
  }
  return cut.slice(0, 5);
}"""


@pytest.fixture(scope="module")
def still_tabs(contexts):
    """One tab per role, narrow, asking for reduced motion."""
    opened = {}
    for role, context in contexts.items():
        tab = context.new_page()
        tab.emulate_media(reduced_motion="reduce")
        opened[role] = tab
    yield opened
    for tab in opened.values():
        tab.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.key for p in PAGE_TYPES])
def test_reflow_reduced_motion_and_text_spacing(page_type, paths, still_tabs):
    tab = still_tabs[page_type.roles[0]]
    path = paths[page_type.key]
    tab.set_viewport_size({"width": 640, "height": 800})
    response = tab.goto(path)
    assert response.status == page_type.status, path
    problems = []
    assert tab.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    moving = tab.evaluate(MOTION)
    if moving:
        problems.append(f"motion despite the reduced-motion preference: {moving}")
    for name, width in WIDTHS.items():
        tab.set_viewport_size({"width": width, "height": 800})
        extra = tab.evaluate(SIDEWAYS)
        if extra > 0:
            problems.append(
                f"{name}: the page is {extra}px wider than the {width}px window,"
                f" because of {tab.evaluate(WIDEST)}"
            )
    tab.add_style_tag(content=TEXT_SPACING)
    extra = tab.evaluate(SIDEWAYS)
    if extra > 0:
        problems.append(
            f"text spacing: the page is {extra}px wider than the window,"
            f" because of {tab.evaluate(WIDEST)}"
        )
    clipped = tab.evaluate(CLIPPED)
    if clipped:
        problems.append(f"text spacing: text cut off in {clipped}")
    assert not problems, f"{path}:\n" + "\n".join(problems)
