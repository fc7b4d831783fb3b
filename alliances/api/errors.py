"""One error format for the whole API: a machine code, a human message, and field errors.

{"code": "validation_error", "message": "The data sent is not valid.",
 "errors": {"value": ["A valid number is required."]}, "codes": {"value": ["invalid"]}}

`codes` mirrors `errors` with a machine code per message (`required`, `invalid_siren`, …).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from alliances.core.errors import DomainError, NotAllowed, StaleEdit


def _codes(exc: exceptions.ValidationError) -> dict:
    codes = exc.get_codes()
    return codes if isinstance(codes, dict) else {"non_field_errors": codes}


def api_exception_handler(exc, context):
    if isinstance(exc, StaleEdit):
        return Response(
            {"code": "stale_version", "message": str(exc)}, status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, NotAllowed):
        return Response(
            {"code": "permission_denied", "message": str(exc)}, status=status.HTTP_403_FORBIDDEN
        )
    if isinstance(exc, DomainError):
        return Response(
            {"code": "invalid", "message": str(exc)}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "code": "validation_error",
            "message": _("The data sent is not valid."),
            "errors": response.data
            if isinstance(response.data, dict)
            else {"non_field_errors": response.data},
            "codes": _codes(exc),
        }
    else:
        detail = getattr(exc, "detail", "")
        response.data = {
            "code": getattr(detail, "code", None) or getattr(exc, "default_code", "error"),
            "message": str(detail) if detail else str(exc),
        }
    return response
