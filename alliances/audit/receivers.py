from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit_record(action=AuditAction.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    attempted = credentials.get("email") or credentials.get("username") or credentials.get("login")
    audit_record(action=AuditAction.LOGIN_FAILED, request=request, label=str(attempted or "")[:200])


@receiver(user_locked_out)
def on_lockout(sender, request, username, ip_address, **kwargs):
    audit_record(action=AuditAction.LOCKOUT, request=request, label=str(username or "")[:200])
