"""Accounts: sign-up with verification, lock-out by user and IP, tokens, sessions, RGPD rights."""

import io
import json
import time
import zipfile

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import override_settings
from rest_framework.test import APIClient

from alliances.accounts import personal_data, tokens
from alliances.accounts.middleware import SESSION_STARTED
from alliances.accounts.models import User
from alliances.audit.models import AuditAction, AuditEvent
from alliances.program.models import Measure, ProgressUpdate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-password"


def test_signup_requires_a_verified_email_before_sign_in(client):
    response = client.post(
        "/compte/signup/",
        {
            "email": "Nouvelle@Example.org",
            "password1": "correct horse battery",
            "password2": "correct horse battery",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert len(mail.outbox) == 1 and "nouvelle@example.org" in mail.outbox[0].to
    assert "_auth_user_id" not in client.session
    response = client.post(
        "/compte/login/", {"login": "nouvelle@example.org", "password": "correct horse battery"}
    )
    assert "_auth_user_id" not in client.session  # not verified yet
    assert user.emailaddress_set.get().verified is False


def test_short_and_common_passwords_are_refused(client):
    response = client.post(
        "/compte/signup/",
        {"email": "a@example.org", "password1": "short-pass", "password2": "short-pass"},
    )
    assert response.status_code == 200 and not User.objects.filter(email="a@example.org").exists()
    response = client.post(
        "/compte/signup/",
        {"email": "a@example.org", "password1": "password1234", "password2": "password1234"},
    )
    assert not User.objects.filter(email="a@example.org").exists()


def test_privileged_accounts_need_15_characters():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    staff = UserFactory(is_staff=True)
    with pytest.raises(ValidationError, match="15"):
        validate_password("fourteen-chars", user=staff)
    validate_password("fourteen-chars", user=UserFactory())


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_lockout_is_per_user_and_ip_and_spares_colleagues_behind_the_same_ip(client):
    from allauth.account.models import EmailAddress

    victim = UserFactory(email="victim@example.org")
    colleague = UserFactory(email="colleague@example.org")
    for user in (victim, colleague):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _ in range(3):
        client.post(
            "/compte/login/", {"login": "victim@example.org", "password": "wrong-password-1"}
        )
    locked = client.post("/compte/login/", {"login": "victim@example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditAction.LOCKOUT).exists()
    other = client.post("/compte/login/", {"login": "colleague@example.org", "password": PASSWORD})
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_failed_and_successful_sign_ins_are_audited(client):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="who@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post("/compte/login/", {"login": "who@example.org", "password": "wrong-password-1"})
    client.post("/compte/login/", {"login": "who@example.org", "password": PASSWORD})
    actions = list(AuditEvent.objects.order_by("at").values_list("action", flat=True))
    assert actions == [AuditAction.LOGIN_FAILED, AuditAction.LOGIN]
    assert AuditEvent.objects.get(action=AuditAction.LOGIN).actor == user


def test_sessions_end_after_their_absolute_lifetime(client, settings):
    user = UserFactory()
    client.force_login(user)
    session = client.session
    session[SESSION_STARTED] = time.time() - settings.SESSION_MAX_HOURS * 3600 - 1
    session.save()
    response = client.get("/compte/profil/")
    assert response.status_code == 302 and response["Location"].startswith("/compte/login/")
    assert "_auth_user_id" not in client.session


@override_settings(MFA_REQUIRED_FOR_PRIVILEGED=True)
def test_administrators_are_sent_to_set_up_a_second_factor(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/feuille-de-route/alliances-strategiques-2020/")
    assert response.status_code == 302 and response["Location"].endswith(
        "/compte/2fa/totp/activate/"
    )
    setup = client.get("/compte/2fa/totp/activate/")
    assert setup.status_code == 200 or not setup["Location"].endswith("/totp/activate/")
    plain = UserFactory()
    client.force_login(plain)
    assert client.get("/feuille-de-route/alliances-strategiques-2020/").status_code == 200


def test_personal_tokens_authenticate_and_respect_their_scope(pilot, o1):
    read_token, read_key = tokens.api_token_create(user=pilot, name="Dashboard", scope="read")
    _write_token, write_key = tokens.api_token_create(user=pilot, name="Sync", scope="write")
    assert not read_token.key_hash.startswith("all_") and read_key.startswith("all_")
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    url = "/api/v1/programmes/alliances-strategiques-2020/measures/O1/"
    api.credentials(HTTP_AUTHORIZATION=f"Token {read_key}")
    assert (
        api.patch(url, {"version": o1.version, "status": "in_progress"}, format="json").status_code
        == 403
    )
    api.credentials(HTTP_AUTHORIZATION=f"Token {write_key}")
    assert (
        api.patch(url, {"version": o1.version, "status": "in_progress"}, format="json").status_code
        == 200
    )
    tokens.api_token_revoke(user=pilot, token=_write_token)
    response = api.patch(url, {"version": o1.version + 1, "status": "completed"}, format="json")
    assert response.status_code == 401
    assert Measure.objects.get(pk=o1.pk).status == "in_progress"


def test_tokens_are_managed_from_the_account_page(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/compte/profil/jetons/", {"name": "Script", "scope": "read"})
    page = client.get("/compte/profil/").content.decode()
    token = user.api_tokens.get()
    assert f"{tokens.KEY_PREFIX}{token.prefix}" in page  # shown once…
    assert (
        f"{tokens.KEY_PREFIX}{token.prefix}" not in client.get("/compte/profil/").content.decode()
    )
    other = UserFactory()
    client.force_login(other)
    assert client.post(f"/compte/profil/jetons/{token.pk}/revoquer/").status_code == 404


def test_data_export_link_is_personal_and_contains_my_data(client, pilot, o1):
    ProgressUpdate.objects.create(
        measure=o1, date="2026-01-05", status="on_track", narrative="Kick-off", author=pilot
    )
    client.force_login(pilot)
    page = client.post("/compte/profil/donnees/").content.decode()
    link = page.split('class="button" href="/compte/profil/donnees/')[1].split('"')[0]
    response = client.get(f"/compte/profil/donnees/{link}")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("personal-data.json"))
    assert data["account"][0]["email"] == pilot.email
    assert data["program.progressupdate.author"][0]["narrative"] == "Kick-off"
    assert "password" not in json.dumps(data)
    client.force_login(UserFactory())
    assert client.get(f"/compte/profil/donnees/{link}").status_code == 404


def _text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(
                field, models.CharField | models.TextField | models.EmailField | models.JSONField
            ):
                yield model, field


def test_deleted_account_leaves_its_name_and_email_nowhere(client, pilot, o1):
    pilot.display_name = "Gaëlle Unique-Pilote"
    pilot.save()
    tokens.api_token_create(user=pilot, name="Mine", scope="read")
    ProgressUpdate.objects.create(
        measure=o1, date="2026-01-05", status="on_track", narrative="Kick-off", author=pilot
    )
    client.force_login(pilot)
    client.post("/compte/login/", {"login": pilot.email, "password": "wrong-password-1"})
    client.force_login(pilot)
    response = client.post("/compte/profil/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pilot.pk).exists()
    assert ProgressUpdate.objects.get().author is None
    leaks = []
    for model, field in _text_columns():
        for needle in ("pilot@example.org", "Gaëlle Unique-Pilote"):
            lookup = "icontains" if not isinstance(field, models.JSONField) else "icontains"
            try:
                if model._default_manager.filter(**{f"{field.name}__{lookup}": needle}).exists():
                    leaks.append(f"{model._meta.label}.{field.name}")
            except Exception:  # JSON contains lookups differ across engines; compare as text
                rows = model._default_manager.values_list(field.name, flat=True)
                if any(needle in json.dumps(value, ensure_ascii=False) for value in rows):
                    leaks.append(f"{model._meta.label}.{field.name}")
    assert leaks == []


def test_wrong_password_keeps_the_account(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/compte/profil/supprimer/", {"password": "not-mine-at-all"})
    assert response.status_code == 400
    assert User.objects.filter(pk=user.pk).exists()


def test_personal_data_covers_every_link_to_the_user():
    labels = {f"{m._meta.label_lower}.{f.name}" for m, f in personal_data._user_links()}
    assert "program.progressupdate.author" in labels
    assert "accounts.apitoken.user" in labels
