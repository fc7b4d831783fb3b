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


DEMO_ORGANISATION_ADMIN_EMAIL = "organisation@alliances.test"
DEMO_CATALYST_EMAIL = "catalyseur@alliances.test"


def _demo_account(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": name, "is_demo": True}
    )
    if created:
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save()
    demo_email_verify(user)
    return user


@transaction.atomic
def demo_roles_ensure() -> None:
    """An administrator of the first demo organisation and a catalyst linked to the first demo
    catalyst record, so that the demo shows these roles (after `registry_demo_load`)."""
    from alliances.accounts.models import OrganisationRole
    from alliances.accounts.role_changes import catalyst_assign, organisation_member_set
    from alliances.registry.models import Catalyst, Organisation

    organisation = Organisation.objects.filter(is_demo=True).order_by("pk").first()
    catalyst = Catalyst.objects.filter(is_demo=True).order_by("pk").first()
    if organisation is not None:
        organisation_member_set(
            organisation=organisation,
            user=_demo_account(DEMO_ORGANISATION_ADMIN_EMAIL, "Olivia Organisation (démo)"),
            role=OrganisationRole.ADMIN,
            by=None,
        )
    if catalyst is not None:
        catalyst_assign(
            user=_demo_account(DEMO_CATALYST_EMAIL, "Claude Catalyseur (démo)"),
            catalyst=catalyst,
            by=None,
        )
