import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from alliances.core.links import (
    WebURLField,
    is_web_url,
    project_url_fields,
    validate_web_url,
)
from alliances.registry.models import Organisation

UNSAFE = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("value", UNSAFE)
def test_the_validator_refuses_every_scheme_but_http_and_https(value):
    with pytest.raises(ValidationError):
        validate_web_url(value)
    assert not is_web_url(value)


def test_the_validator_accepts_web_addresses():
    for value in ("https://example.org/page?x=1", "http://mairie.example.fr"):
        validate_web_url(value)
        assert is_web_url(value)


def test_every_model_url_field_of_the_project_refuses_unsafe_schemes():
    fields = list(project_url_fields())
    labels = {f"{field.model._meta.label}.{field.name}" for field in fields}
    # The fields people fill: registry, events, kit links, milestones, studies.
    assert {
        "registry.Organisation.website",
        "registry.Alliance.evidence_url",
        "registry.Catalyst.contact_url",
        "mobilisation.Event.online_url",
        "mobilisation.Event.replay_url",
        "mobilisation.EventResource.url",
        "kit.ResourceLink.url",
        "program.Milestone.evidence_url",
        "studies.Study.source_url",
    } <= labels
    for field in fields:
        assert validate_web_url in field.validators, field
        for value in ("javascript:alert(1)", "data:text/html,x", "ftp://example.org/"):
            with pytest.raises(ValidationError):
                field.run_validators(value)


def test_the_form_field_refuses_unsafe_schemes_and_assumes_https():
    field = WebURLField(required=False)
    assert field.clean("example.org") == "https://example.org"
    for value in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>"):
        with pytest.raises(ValidationError):
            field.clean(value)


def test_the_admin_site_builds_url_inputs_with_the_same_field():
    from django.contrib import admin

    model_admin = admin.site._registry[Organisation]
    formfield = model_admin.formfield_for_dbfield(
        Organisation._meta.get_field("website"), request=None
    )
    assert isinstance(formfield, WebURLField)


def test_a_stored_unsafe_address_never_becomes_a_link():
    template = Template('{% load links %}<a href="{{ url|web_url }}">x</a>')
    assert 'href=""' in template.render(Context({"url": "javascript:alert(1)"}))
    assert 'href="https://example.org"' in template.render(Context({"url": "https://example.org"}))
