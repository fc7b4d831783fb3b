"""Test settings: SQLite in memory unless TEST_DATABASE_URL names another database."""

import os

# Tests run with production behaviour whatever the shell (make exports DEBUG=1 for `make run`).
os.environ["DEBUG"] = "0"
os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-checks-0123456789"
)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from alliances.settings.base import *  # noqa: E402,F403
from alliances.settings.base import TEMPLATES, env  # noqa: E402
from alliances.settings.database import database_from_url  # noqa: E402

DATABASES = {
    "default": database_from_url(
        env.str("TEST_DATABASE_URL", default="sqlite:///:memory:"),
        variable="TEST_DATABASE_URL",
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Storing 72,000 diagnostics at every refresh would add half a minute to each test that
# refreshes; tests/insights/test_stored_diagnostics.py turns it on.
STORE_DIAGNOSTICS = False
# Undefined template variables fail loudly in tests.
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = "INVALID_TEMPLATE_VARIABLE<%s>"
# Tests serve static files from the apps, without a collectstatic step.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The test client speaks plain HTTP: secure-only cookies would never come back.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "user": "100000/min"},
}
# Tests sign people in with force_login; the lock-out and two-factor rules have their own tests.
AXES_ENABLED = False
MFA_REQUIRED_FOR_PRIVILEGED = False
