"""The platform's settings, plus the benchmark's hello-world views (see `benchmarks/urls.py`)."""

from alliances.settings.base import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# Static files are not requested by the benchmarks: skip the `collectstatic` that the hashed
# manifest of production needs (a dictionary lookup per `{% static %}` tag, no measurable cost).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
