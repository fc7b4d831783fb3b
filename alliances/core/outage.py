"""A database outage answers 503 "come back in a few minutes", never a traceback.

`DatabaseUnavailableMiddleware` turns an `OperationalError` / `InterfaceError` raised by a view
(or while rendering its template) into a themed 503 page, or into the API's error format under
`/api/`. Errors raised inside other middleware (the session or the signed-in user loaded before
the view) never reach a middleware's `process_exception`; `server_error`, the project's
handler500, catches those the same way.

Neither response touches the database: the page is rendered without context processors.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("alliances.outage")

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 120


def database_unavailable_response(request) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        response = JsonResponse(
            {
                "code": "service_unavailable",
                "message": _(
                    "The database is unavailable for a moment. Please try again in a few minutes."
                ),
            },
            status=503,
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception, exc_info=exception)
            return database_unavailable_response(request)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 answer when the error is the database, Django's 500 page otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return database_unavailable_response(request)
    return defaults.server_error(request, template_name)
