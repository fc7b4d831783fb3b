"""axe-core (WCAG 2.0/2.1 A and AA rules) on every page type, in French and English, anonymous
and signed in: zero violations."""

import pytest

from tests.browser.audit import RECORDER
from tests.browser.catalogue import PAGE_TYPES
from tests.browser.conftest import localised

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_run(page, axe_source: str, skipped: tuple[str, ...] = ()) -> dict:
    """axe-core's result on the page, without the rules skipped for it (details: violations)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    for kind in ("passes", "violations", "incomplete"):
        result[kind] = [rule for rule in result[kind] if rule["id"] not in skipped]
    return result


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
            result = axe_run(tab, axe, page_type.axe_skipped_rules)
            RECORDER.record_axe(
                key=page_type.key,
                path=path,
                title=tab.title(),
                language=language,
                role=role,
                tags=AXE_TAGS,
                result=result,
            )
            violations = result["violations"]
            if violations:
                problems.append(f"{path} as {role}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
