"""axe-core (WCAG 2.0/2.1 A and AA rules) on every page type, in French and English, anonymous
and signed in: zero violations."""

import pytest

from tests.browser.catalogue import PAGE_TYPES
from tests.browser.conftest import localised

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source: str, skipped: tuple[str, ...] = ()) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [v for v in result["violations"] if v["id"] not in skipped]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['id']}] {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node['failureSummary'][:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.key for p in PAGE_TYPES])
def test_no_axe_violation(page_type, paths, tabs, axe):
    problems = []
    for index, role in enumerate(page_type.roles):
        tab = tabs[role]
        # The first role in both languages; a second role (signed in) in English.
        languages = ("fr", "en") if index == 0 else ("en",)
        for language in languages if page_type.localised else ("fr",):
            path = localised(paths[page_type.key], language)
            response = tab.goto(path)
            assert response.status == page_type.status, f"{path} as {role}: {response.status}"
            html = tab.content()
            assert "INVALID_TEMPLATE_VARIABLE" not in html, f"{path} as {role}"
            if page_type.localised and page_type.status != 404:
                assert tab.get_attribute("html", "lang") == language
            # An unknown French path has no language of its own: Django answers in the visitor's
            # last language (its cookie), which the lang attribute then names.
            assert tab.get_attribute("html", "lang") in ("fr", "en") or not page_type.localised
            violations = axe_violations(tab, axe, page_type.axe_skipped_rules)
            if violations:
                problems.append(f"{path} as {role}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
