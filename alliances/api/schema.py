"""Teaches the OpenAPI schema about our authentication and our error responses."""

from django.utils import translation
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "alliances.api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`, a personal token created on the account page.",
        }


ERROR_SCHEMA = {
    "type": "object",
    "description": "The error format of the whole API.",
    "properties": {
        "code": {"type": "string", "description": "A machine code, e.g. `validation_error`."},
        "message": {"type": "string", "description": "A human message, in the requested language."},
        "errors": {
            "type": "object",
            "description": "Field errors (validation errors only).",
            "additionalProperties": True,
        },
        "codes": {
            "type": "object",
            "description": "The machine code of each field error, in the shape of `errors`.",
            "additionalProperties": True,
        },
    },
    "required": ["code", "message"],
}
ERROR_DESCRIPTIONS = {
    "400": "Invalid input (`validation_error` or `invalid`).",
    "401": "Authentication needed (`not_authenticated`, or an invalid or revoked token).",
    "403": "Not allowed (`permission_denied`).",
    "404": "Not found (`not_found`).",
    "409": "The record changed since it was read (`stale_version`).",
    "429": "Too many requests (`throttled`); see `Retry-After`.",
}
WRITE_METHODS = {"post", "put", "patch", "delete"}


def add_error_responses(result, generator, request, public):
    """Every operation documents the errors it can answer, all in the same format."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            codes = ["400", "404", "429"]
            if method in WRITE_METHODS:
                codes += ["401", "403"]
            if method == "patch":
                codes.append("409")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return result


class CachedSchemaView(SpectacularAPIView):
    """The schema, generated once per process and language: generating it takes seconds (the
    fuzzer's 10-second read timeout was reached under load), and it only changes with the code."""

    _cache: dict = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version)
        if key not in self._cache:
            generator = self.generator_class(
                urlconf=self.urlconf, api_version=version, patterns=self.patterns
            )
            self._cache[key] = generator.get_schema(request=request, public=self.serve_public)
        filename = self._get_filename(request, version)
        return Response(
            data=self._cache[key],
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )
