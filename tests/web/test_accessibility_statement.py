"""The accessibility statement renders the measured audit; the multi-year plan is linked."""

import json
from datetime import date

import pytest

from alliances.web import accessibility
from alliances.web.accessibility import AUDIT_FILE, current_audit, parse_audit
from tests.browser.audit import AuditRecorder

pytestmark = pytest.mark.django_db


def axe_result(passes, violations=(), incomplete=()):
    rule = lambda rule_id: {"id": rule_id, "nodes": []}  # noqa: E731
    return {
        "testEngine": {"name": "axe-core", "version": "4.10.3"},
        "passes": [rule(r) for r in passes],
        "violations": [rule(r) for r in violations],
        "incomplete": [rule(r) for r in incomplete],
    }


def recorded(*visits):
    recorder = AuditRecorder()
    recorder.browser = "Chromium 142.0"
    for key, language, result in visits:
        recorder.record_axe(
            key=key,
            path=f"/{key}/",
            title=f"{key} title",
            language=language,
            role="anonymous",
            tags=["wcag2a", "wcag2aa"],
            result=result,
        )
    recorder.record_outcome("keyboard", True)
    recorder.record_outcome("keyboard", False)
    return recorder


def test_the_recorder_writes_what_the_statement_reads(tmp_path):
    recorder = recorded(
        ("home", "fr", axe_result(["image-alt", "label"], incomplete=["color-contrast"])),
        ("home", "en", axe_result(["image-alt"], violations=["label"])),
        ("login", "fr", axe_result(["bypass", "color-contrast"], incomplete=["aria-valid-attr"])),
    )
    target = tmp_path / "audit.json"
    recorder.write(target)
    audit = current_audit(target)
    # A rule violated on one page is failed, even where it passed elsewhere.
    assert audit.rules_passed == ["bypass", "color-contrast", "image-alt"]
    assert audit.rules_failed == ["label"]
    # Left for a human only when no page decided it (color-contrast passed on the login page).
    assert audit.rules_needs_review == ["aria-valid-attr"]
    assert audit.rate == 75.0
    assert audit.status == accessibility.PARTIAL
    assert audit.violations == 1
    assert audit.axe_version == "4.10.3" and audit.browser == "Chromium 142.0"
    assert [(c.key, c.passed, c.failed) for c in audit.checks] == [("keyboard", 1, 1)]
    assert [p.language for p in audit.sample("en")] == ["en", "fr"]
    assert [p.key for p in audit.sample("fr")] == ["home", "login"]


def test_status_follows_the_rate_and_is_never_full_without_a_manual_audit(tmp_path):
    document = recorded(("home", "fr", axe_result(["a", "b"]))).document(date(2026, 11, 26))
    assert parse_audit(document).status == accessibility.PARTIAL
    assert parse_audit({**document, "manual_audit": True}).status == accessibility.FULL
    failing = {**document, "rules": {"passed": ["a"], "failed": ["b", "c"], "needs_review": []}}
    assert parse_audit(failing).status == accessibility.NONE
    assert current_audit(tmp_path / "missing.json") is None
    with pytest.raises(ValueError, match="date"):
        parse_audit({key: value for key, value in document.items() if key != "date"})


def test_the_committed_audit_is_measured_and_complete():
    data = json.loads(AUDIT_FILE.read_text(encoding="utf-8"))
    audit = parse_audit(data)
    assert audit.pages and audit.rules_passed
    assert audit.violations == 0 and not audit.rules_failed
    assert {"home", "accessibility", "accessibility_plan", "diagnostic"} <= set(audit.page_types)
    assert {"fr", "en"} == {page.language for page in audit.pages}
    assert {check.key for check in audit.checks} >= {"axe", "keyboard", "layout", "html"}
    assert all(check.failed == 0 for check in audit.checks)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_statement_renders_the_measured_figures(client, language):
    audit = current_audit()
    response = client.get("/accessibilite/" if language == "fr" else "/en/accessibilite/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    applicable = f"{len(audit.rules_passed)} / {audit.rules_applicable}"
    assert applicable in html
    assert audit.axe_version in html and audit.browser in html
    assert html.count('<tr><th scope="row">') >= len(audit.page_types)
    assert 'href="/accessibilite/schema-pluriannuel/"' in html or (
        'href="/en/accessibilite/schema-pluriannuel/"' in html
    )
    assert "Libre réponse 71120" in html
    if language == "fr":
        assert "partiellement conforme" in html
        assert "Défenseur des droits" in html
        assert "Accessibilité : partiellement conforme" in html  # the footer
    else:
        assert "partially compliant" in html
        assert "Accessibility: partially compliant" in html


def test_statement_without_an_audit_declares_not_compliant(client, monkeypatch, tmp_path):
    monkeypatch.setattr(accessibility, "AUDIT_FILE", tmp_path / "none.json")
    html = client.get("/en/accessibilite/").content.decode()
    assert "is not compliant with the general accessibility improvement framework" in html
    assert "Accessibility: not compliant" in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_multi_year_plan_has_three_yearly_action_plans(client, prefix):
    response = client.get(prefix + "/accessibilite/schema-pluriannuel/")
    html = response.content.decode()
    assert response.status_code == 200
    for year in ("2026", "2027", "2028"):
        assert f'id="plan-{year}"' in html
    assert f'href="{prefix}/accessibilite/"' in html
    # Linked from every page's footer.
    home = client.get(prefix + "/").content.decode()
    assert f'href="{prefix}/accessibilite/schema-pluriannuel/"' in home
