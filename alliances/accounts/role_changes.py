"""Writes to roles: every grant, change and withdrawal is one transaction and one audit event.

The admin site and the organisation members page both call these; `role_change_record` is also
used by the admin when it saves a user whose platform role or superuser status changed.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from alliances.accounts import roles
from alliances.accounts.models import (
    CatalystAssignment,
    OrganisationMembership,
    OrganisationRole,
    PlatformRole,
    User,
)
from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record
from alliances.core.errors import DomainError

LAST_ADMIN = _("An organisation keeps at least one administrator: name another one first.")
UNKNOWN_ROLE = _("Unknown role.")
NO_SUCH_ACCOUNT = _("No account uses this e-mail address: the person must sign up first.")


def role_change_record(*, user: User, by, request=None, **detail) -> None:
    """The audit event of a role change; `user` is whose role changed (pseudonymised with them)."""
    audit_record(action=AuditAction.ROLE_CHANGE, actor=by, obj=user, request=request, **detail)
    roles.forget(user)


def _admins_left(organisation, without: OrganisationMembership) -> int:
    return (
        OrganisationMembership.objects.filter(
            organisation=organisation, role=OrganisationRole.ADMIN
        )
        .exclude(pk=without.pk)
        .count()
    )


@transaction.atomic
def organisation_member_set(
    *, organisation, user: User, role: str, by, request=None
) -> OrganisationMembership:
    """Add a person to an organisation, or change their role in it."""
    if role not in OrganisationRole.values:
        raise DomainError(UNKNOWN_ROLE)
    membership = (
        OrganisationMembership.objects.select_for_update()
        .filter(organisation=organisation, user=user)
        .first()
    )
    previous = membership.role if membership else ""
    if membership is None:
        membership = OrganisationMembership.objects.create(
            organisation=organisation, user=user, role=role
        )
    elif previous != role:
        if previous == OrganisationRole.ADMIN and not _admins_left(organisation, membership):
            raise DomainError(LAST_ADMIN)
        membership.role = role
        membership.save(update_fields=["role"])
    else:
        return membership
    role_change_record(
        user=user,
        by=by,
        request=request,
        scope="organisation",
        organisation=organisation.pk,
        previous=previous,
        role=role,
    )
    return membership


@transaction.atomic
def organisation_member_add_by_email(
    *, organisation, email: str, role: str, by, request=None
) -> OrganisationMembership:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise DomainError(NO_SUCH_ACCOUNT)
    return organisation_member_set(
        organisation=organisation, user=user, role=role, by=by, request=request
    )


@transaction.atomic
def organisation_member_remove(*, membership: OrganisationMembership, by, request=None) -> None:
    if membership.role == OrganisationRole.ADMIN and not _admins_left(
        membership.organisation_id, membership
    ):
        raise DomainError(LAST_ADMIN)
    user, organisation_id, previous = membership.user, membership.organisation_id, membership.role
    membership.delete()
    role_change_record(
        user=user,
        by=by,
        request=request,
        scope="organisation",
        organisation=organisation_id,
        previous=previous,
        role="",
    )


@transaction.atomic
def catalyst_assign(
    *, user: User, by, catalyst=None, territory=None, request=None
) -> CatalystAssignment:
    assignment, created = CatalystAssignment.objects.get_or_create(
        user=user, catalyst=catalyst, territory=territory
    )
    if created:
        role_change_record(
            user=user,
            by=by,
            request=request,
            scope="catalyst",
            catalyst=getattr(catalyst, "pk", None),
            territory=getattr(territory, "pk", None),
            role="catalyst",
        )
    return assignment


@transaction.atomic
def catalyst_unassign(*, assignment: CatalystAssignment, by, request=None) -> None:
    user = assignment.user
    detail = {"catalyst": assignment.catalyst_id, "territory": assignment.territory_id}
    assignment.delete()
    role_change_record(
        user=user, by=by, request=request, scope="catalyst", previous="catalyst", role="", **detail
    )


@transaction.atomic
def platform_role_set(*, user: User, role: str, by, request=None) -> None:
    if role not in PlatformRole.values:
        raise DomainError(UNKNOWN_ROLE)
    previous = user.platform_role
    if previous == role:
        return
    user.platform_role = role
    user.save(update_fields=["platform_role"])
    role_change_record(
        user=user, by=by, request=request, scope="platform", previous=previous, role=role
    )
