"""Password rules after the CNIL's recommendation (délibération 2022-100).

Length, not composition.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PRIVILEGED_MIN_LENGTH = 15


def is_privileged(user) -> bool:
    """Administrators and programme co-pilots: longer passwords and a second factor."""
    if user is None or not getattr(user, "pk", None):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.co_piloted_programmes.exists()


class PrivilegedAccountLengthValidator:
    """At least 15 characters for privileged accounts (12 for everyone: MinimumLengthValidator)."""

    def validate(self, password: str, user=None) -> None:
        if is_privileged(user) and len(password) < PRIVILEGED_MIN_LENGTH:
            raise ValidationError(
                _("Administrators and co-pilots need a password of at least %(min)d characters.")
                % {"min": PRIVILEGED_MIN_LENGTH},
                code="password_too_short_privileged",
            )

    def get_help_text(self) -> str:
        return _("Administrators and co-pilots need at least %(min)d characters.") % {
            "min": PRIVILEGED_MIN_LENGTH
        }
