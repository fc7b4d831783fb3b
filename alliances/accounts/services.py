"""Writes to accounts."""

from allauth.account.models import EmailAddress
from django.db import transaction

from alliances.accounts.models import User

DEMO_ADMIN_EMAIL = "demo@alliances.test"
DEMO_ADMIN_PASSWORD = "demo-alliances-2026"  # noqa: S105 — published on purpose for the demo


@transaction.atomic
def demo_admin_ensure() -> tuple[User, bool]:
    """Create the demo administrator, or reset its password; returns (user, created)."""
    user, created = User.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL,
        defaults={"display_name": "Démo Alliances", "is_demo": True},
    )
    user.is_staff = user.is_superuser = user.is_active = user.is_demo = True
    user.set_password(DEMO_ADMIN_PASSWORD)
    user.save()
    demo_email_verify(user)
    return user, created


def demo_email_verify(user: User) -> None:
    """Mark a demo account's address as verified: sign-in requires a verified address, and the
    demo addresses (`*.test`) can receive no confirmation e-mail."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
