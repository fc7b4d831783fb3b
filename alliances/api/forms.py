"""Writes run the web pages' own forms, so the API and the pages share every validation rule.

A serializer checks the shape and the JSON types of a request (what OpenAPI can state); the form
the page uses then checks the rest, and its errors come back in the API's error format, under
the API's field names, with Django's machine codes (`invalid_siren`, `unique`, …).
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from rest_framework.exceptions import ErrorDetail, ValidationError

Path = tuple[str | int, ...]


def _place(errors: dict, path: Path, details: list) -> None:
    """Put `details` at `path` in DRF's nested error shape: {"members": [{}, {"name": […]}]}."""
    node = errors
    for position, key in enumerate(path[:-1]):
        following = path[position + 1]
        if isinstance(key, int):
            while len(node) <= key:
                node.append({})
            node = node[key]
        else:
            node = node.setdefault(key, [] if isinstance(following, int) else {})
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append({})
        node[last] = details
    else:
        node.setdefault(last, []).extend(details)


def form_errors(form: forms.BaseForm, rename: Callable[[str], Path] | None = None) -> dict:
    """The form's errors as API field errors; `rename` maps a form field to its API path."""
    errors: dict = {}
    for name, error_list in form.errors.as_data().items():
        if name == NON_FIELD_ERRORS:
            path: Path = ("non_field_errors",)
        else:
            path = rename(name) if rename else (name,)
        details = [
            ErrorDetail(message, code=error.code or "invalid")
            for error in error_list
            for message in error.messages
        ]
        _place(errors, path, details)
    return errors


def validated(form: forms.BaseForm, rename: Callable[[str], Path] | None = None) -> dict:
    """The form's cleaned data, or a 400 in the API's format."""
    if not form.is_valid():
        raise ValidationError(form_errors(form, rename))
    return form.cleaned_data


class References:
    """Turns the codes an API client sends (an INSEE code, an SDG number, a slug) into the
    primary keys the page forms take; unknown codes are collected as field errors."""

    def __init__(self):
        self.errors: dict = {}

    def one(self, queryset, field: str, value, path: Path, message: str):
        if value in (None, ""):
            return ""
        found = queryset.filter(**{field: value}).values_list("pk", flat=True).first()
        if found is None:
            _place(self.errors, path, [ErrorDetail(message % {"value": value}, code="not_found")])
            return ""
        return found

    def many(self, queryset, field: str, values, path: Path, message: str) -> list:
        values = list(dict.fromkeys(values or []))
        found = dict(queryset.filter(**{f"{field}__in": values}).values_list(field, "pk"))
        unknown = [value for value in values if value not in found]
        if unknown:
            details = [
                ErrorDetail(message % {"value": value}, code="not_found") for value in unknown
            ]
            _place(self.errors, path, details)
        return [found[value] for value in values if value in found]

    def check(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
