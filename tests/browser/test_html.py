"""The HTML of every page type is valid, checked with the Nu Html Checker (vnu.jar) run locally."""

import json
import subprocess

import pytest

from tests.browser.catalogue import PAGE_TYPES
from tests.browser.tools import vnu_jar

pytestmark = pytest.mark.browser


def test_every_page_type_is_valid_html(contexts, paths, tmp_path):
    files = []
    for page_type in PAGE_TYPES:
        response = contexts[page_type.roles[0]].request.get(paths[page_type.key])
        assert response.status == page_type.status, paths[page_type.key]
        target = tmp_path / f"{page_type.key}.html"
        target.write_bytes(response.body())
        files.append(str(target))
    checked = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert not problems, "\n".join(problems)
