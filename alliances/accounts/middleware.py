import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from alliances.accounts.passwords import is_privileged

SESSION_STARTED = "alliances_session_started"
# Where a privileged account without a second factor may still go: set one up, or leave.
MFA_SETUP_PREFIXES = ("/compte/", "/en/compte/", "/static/", "/i18n/")


class SessionLifetimeMiddleware:
    """Absolute session lifetime, and a second factor required of privileged accounts.

    The idle timeout is Django's own (SESSION_COOKIE_AGE renewed on every request); this ends
    any session SESSION_MAX_HOURS after sign-in, whatever the activity.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.setdefault(SESSION_STARTED, time.time())
            if time.time() - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
                messages.info(request, _("Your session has ended: please sign in again."))
                return redirect(settings.LOGIN_URL)
            if (
                settings.MFA_REQUIRED_FOR_PRIVILEGED
                and not request.path_info.startswith(MFA_SETUP_PREFIXES)
                and not request.path_info.startswith("/api/")
                and is_privileged(user)
                and not _has_mfa(user)
            ):
                messages.warning(
                    request,
                    _("Administrators and co-pilots must turn on two-factor authentication."),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def _has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
