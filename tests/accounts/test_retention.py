from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.utils import timezone

from alliances.accounts.models import User
from alliances.audit.models import AuditEvent
from alliances.audit.services import audit_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_purge_deletes_old_logs_and_stale_unverified_accounts_only(capsys):
    long_ago = timezone.now() - timedelta(days=400)
    stale = UserFactory(email="stale@example.org", last_login=None)
    User.objects.filter(pk=stale.pk).update(date_joined=long_ago)
    verified = UserFactory(email="verified@example.org", last_login=None)
    User.objects.filter(pk=verified.pk).update(date_joined=long_ago)
    EmailAddress.objects.create(user=verified, email=verified.email, verified=True, primary=True)
    recent = UserFactory(email="recent@example.org", last_login=None)
    old_event = audit_record(action="login", label="someone")
    AuditEvent.objects.filter(pk=old_event.pk).update(at=long_ago)
    new_event = audit_record(action="login", label="someone else")

    call_command("purge_retention")
    assert "Would delete (dry run, add --commit): 1 audit events" in capsys.readouterr().out
    assert User.objects.filter(pk=stale.pk).exists()

    call_command("purge_retention", "--commit")
    assert "1 unverified accounts" in capsys.readouterr().out
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[verified.pk, recent.pk]).count() == 2
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    assert AuditEvent.objects.filter(pk=new_event.pk).exists()


def test_purge_refuses_too_short_periods():
    with pytest.raises(CommandError, match="at least 30"):
        call_command("purge_retention", "--audit-days", "1")
