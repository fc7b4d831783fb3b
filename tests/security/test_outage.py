"""A real connection failure: the application started against a database server that refuses."""

import json
import subprocess
import sys

PROBE = """
import json, django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
client = Client(raise_request_exception=False)
result = {}
for path in ("/", "/en/", "/api/v1/sdg/goals/", "/registre/"):
    response = client.get(path)
    result[path] = {
        "status": response.status_code,
        "type": response["Content-Type"],
        "retry": response.get("Retry-After"),
        "body": response.content.decode(),
    }
print(json.dumps(result))
"""


def run_against_unreachable_database() -> dict:
    environment = {
        "DJANGO_SETTINGS_MODULE": "alliances.settings.test",
        # Nothing listens on port 1: psycopg's connection is refused, as in a real outage.
        "TEST_DATABASE_URL": "postgres://alliances@127.0.0.1:1/alliances_security_outage",
        "ENV_FILE": "/nonexistent",
        "PATH": "/usr/bin:/bin",
    }
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_database_outage_gives_503_page_and_api_error_never_a_traceback():
    result = run_against_unreachable_database()

    page = result["/"]
    assert page["status"] == 503
    assert page["type"].startswith("text/html")
    assert page["retry"] == "120"
    assert "<h1>Service indisponible</h1>" in page["body"]
    assert "theme.css" in page["body"]
    assert "Traceback" not in page["body"]
    assert "OperationalError" not in page["body"]
    assert "<h1>Service unavailable</h1>" in result["/en/"]["body"]
    assert result["/registre/"]["status"] == 503

    api = result["/api/v1/sdg/goals/"]
    assert api["status"] == 503
    assert api["type"] == "application/json"
    body = json.loads(api["body"])
    assert body["code"] == "service_unavailable"
    assert "base de données" in body["message"]
