"""Writes to accounts."""

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
    return user, created
