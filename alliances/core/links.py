"""Web addresses people type: only `http` and `https`, never `javascript:`, `data:` or others.

`validate_web_url` is the one validator. `CoreConfig.ready()` adds it to every model `URLField`
of the project (so a field added later is covered, through forms, the admin, the API and
imports that call `full_clean()`), and `WebURLField` is the form field for plain forms.
It is added at run time rather than declared on each field so that it needs no migration in
every app (docs/adr/0013-role-model.md, "URL fields").
"""

from urllib.parse import urlsplit

from django import forms
from django.apps import apps
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")

NOT_A_WEB_URL = _("Enter a web address that starts with http:// or https://.")

_web_url_validator = URLValidator(schemes=list(WEB_SCHEMES), message=NOT_A_WEB_URL)


def validate_web_url(value: str) -> None:
    """Raise ValidationError unless `value` is an http(s) address. A function, not a URLValidator
    instance, so that serializers which swap URLValidators for their own keep it."""
    _web_url_validator(value)


def is_web_url(value: str) -> bool:
    """Whether a stored address is safe to put in a link (what a template filter checks)."""
    if not value:
        return False
    stripped = "".join(value.split())  # browsers ignore whitespace inside the scheme
    return urlsplit(stripped).scheme.lower() in WEB_SCHEMES and stripped == value.strip()


class WebURLField(forms.URLField):
    default_validators = [validate_web_url]
    # A field's own message replaces its validators' for the same code ("invalid").
    default_error_messages = {"invalid": NOT_A_WEB_URL}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


def project_url_fields():
    """Every model URLField of the project's own apps."""
    for model in apps.get_models():
        if not model.__module__.startswith("alliances."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.URLField):
                yield field


def install_web_url_validator() -> None:
    for field in project_url_fields():
        # `validators` (cached) is what validation runs; `_validators` is what migrations record.
        if validate_web_url not in field.validators:
            field.validators.append(validate_web_url)
    # The admin site builds its URL inputs from this table (copied into each model admin when
    # it is registered, which may already have happened): the same form field there.
    from django.contrib import admin
    from django.contrib.admin.options import FORMFIELD_FOR_DBFIELD_DEFAULTS

    FORMFIELD_FOR_DBFIELD_DEFAULTS[models.URLField]["form_class"] = WebURLField
    for model_admin in admin.site._registry.values():
        model_admin.formfield_overrides.setdefault(models.URLField, {})["form_class"] = WebURLField
