import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from alliances.accounts import roles
from alliances.accounts.models import User
from alliances.accounts.services import (
    DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD,
    DEMO_CATALYST_EMAIL,
    DEMO_ORGANISATION_ADMIN_EMAIL,
)
from alliances.audit.models import AuditAction, AuditEvent
from alliances.kit import perms
from alliances.kit.models import Assessment
from alliances.kit.services.demo import DEMO_EVALUATORS
from alliances.program.services.demo import PILOT_EMAIL

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_demo_creates_an_administrator_once_and_the_printed_login_works(capsys):
    call_command("load_demo")
    call_command("load_demo")
    assert User.objects.filter(email=DEMO_ADMIN_EMAIL, is_demo=True, is_superuser=True).count() == 1
    call_command("load_demo", "--print-login")
    assert f"{DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}" in capsys.readouterr().out
    assert authenticate(username=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD) is not None


@override_settings(DEBUG=True, MFA_REQUIRED_FOR_PRIVILEGED=False)
@pytest.mark.parametrize(
    "email", [DEMO_ADMIN_EMAIL, PILOT_EMAIL, DEMO_ORGANISATION_ADMIN_EMAIL, DEMO_CATALYST_EMAIL]
)
def test_demo_accounts_sign_in_through_the_login_page(client, email):
    """Sign-in requires a verified address: the demo accounts have theirs verified."""
    call_command("load_demo")
    response = client.post("/compte/login/", {"login": email, "password": DEMO_ADMIN_PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    assert client.get("/compte/profil/").status_code == 200


@override_settings(DEBUG=True)
def test_demo_has_an_organisation_administrator_and_a_catalyst_once(capsys):
    call_command("load_demo")
    call_command("load_demo")
    organisation_admin = User.objects.get(email=DEMO_ORGANISATION_ADMIN_EMAIL)
    catalyst = User.objects.get(email=DEMO_CATALYST_EMAIL)
    assert len(roles.administered_organisation_ids(organisation_admin)) == 1
    assert roles.is_catalyst(catalyst) and not roles.is_moderator(catalyst)
    # Those two, and the demo evaluators' memberships of the evaluated alliance's organisations:
    # each recorded once, however many times the demo is loaded.
    assert AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE).count() == 2 + DEMO_EVALUATORS
    evaluations = Assessment.objects.filter(is_demo=True, alliance__isnull=False)
    assert evaluations.count() == DEMO_EVALUATORS
    for evaluation in evaluations:
        assert perms.can_evaluate_alliance(evaluation.user, evaluation.alliance)
        assert evaluation.organisation_id in roles.scopes(evaluation.user).organisations
    call_command("load_demo", "--print-login")
    printed = capsys.readouterr().out
    assert DEMO_ORGANISATION_ADMIN_EMAIL in printed and DEMO_CATALYST_EMAIL in printed


def test_demo_is_refused_in_production():
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists()
    call_command("load_demo", "--allow-production")
    assert User.objects.filter(email=DEMO_ADMIN_EMAIL).exists()
