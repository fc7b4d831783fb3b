"""The roles a person holds, read in one place: every app's `perms.py` asks here.

Roles (see docs/adr/0013-role-model.md):
- platform administrator: a superuser;
- moderator: `User.platform_role == "moderator"`; staff accounts (who reach the admin site)
  count as moderators too;
- organisation member / administrator: `OrganisationMembership` rows;
- catalyst: `CatalystAssignment` rows, to a registry catalyst (its territories) or to a territory;
- programme co-pilot, measure pilot, event organiser: links on the programme, measure and event.

A person's organisation and catalyst links are read once per request object and kept on it
(`_alliances_roles`), so a page asking many questions costs two queries.
"""

from dataclasses import dataclass, field

from alliances.accounts.models import (
    CatalystAssignment,
    OrganisationMembership,
    OrganisationRole,
    PlatformRole,
)

CACHE_ATTRIBUTE = "_alliances_roles"


@dataclass(frozen=True)
class Scopes:
    """Where a person holds a scoped role."""

    organisations: dict[int, str] = field(default_factory=dict)  # organisation id → role
    territories: frozenset[int] = frozenset()  # territory ids a catalyst serves


def is_active_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_platform_admin(user) -> bool:
    return is_active_user(user) and user.is_superuser


def is_moderator(user) -> bool:
    """Platform-wide moderators, staff and administrators."""
    if not is_active_user(user):
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or getattr(user, "platform_role", "") == PlatformRole.MODERATOR
    )


def scopes(user) -> Scopes:
    if not is_active_user(user):
        return Scopes()
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    organisations = dict(
        OrganisationMembership.objects.filter(user=user).values_list("organisation_id", "role")
    )
    territories = set(
        CatalystAssignment.objects.filter(user=user, territory__isnull=False).values_list(
            "territory_id", flat=True
        )
    )
    territories.update(
        CatalystAssignment.objects.filter(user=user, catalyst__is_active=True)
        .exclude(catalyst__isnull=True)
        .values_list("catalyst__territories", flat=True)
    )
    territories.discard(None)
    result = Scopes(organisations=organisations, territories=frozenset(territories))
    setattr(user, CACHE_ATTRIBUTE, result)
    return result


def forget(user) -> None:
    """Drop the cached scopes after a role change."""
    if user is not None and hasattr(user, CACHE_ATTRIBUTE):
        delattr(user, CACHE_ATTRIBUTE)


def organisation_role(user, organisation) -> str | None:
    organisation_id = getattr(organisation, "pk", organisation)
    return scopes(user).organisations.get(organisation_id)


def is_organisation_member(user, organisation) -> bool:
    """Members and administrators of the organisation."""
    return organisation_role(user, organisation) is not None


def is_organisation_admin(user, organisation) -> bool:
    return organisation_role(user, organisation) == OrganisationRole.ADMIN


def administered_organisation_ids(user) -> set[int]:
    return {pk for pk, role in scopes(user).organisations.items() if role == OrganisationRole.ADMIN}


def is_catalyst(user) -> bool:
    return bool(scopes(user).territories)


def _enclosing_ids(territory) -> set[int]:
    """The territory and every territory that contains it."""
    ids = {territory.pk}
    for name in ("region_id", "departement_id", "epci_id", "commune_id"):
        value = getattr(territory, name, None)
        if value:
            ids.add(value)
    return ids


def serves_territory(user, territory) -> bool:
    """A catalyst serves a territory they are assigned to, or one inside it."""
    if territory is None:
        return False
    served = scopes(user).territories
    return bool(served) and bool(_enclosing_ids(territory) & served)


def serves_any(user, territories) -> bool:
    """A catalyst serves one of these territories (an alliance's, an event's…)."""
    served = scopes(user).territories
    if not served:
        return False
    return any(serves_territory(user, territory) for territory in territories)


@dataclass(frozen=True)
class RoleSummary:
    """What the account page shows: the roles a person holds and where."""

    platform: list[str]
    organisations: list  # OrganisationMembership rows, organisation selected
    catalyst: list  # CatalystAssignment rows, catalyst and territory selected
    programmes: list
    measures: list
    events: list

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.platform,
                self.organisations,
                self.catalyst,
                self.programmes,
                self.measures,
                self.events,
            )
        )


def summary(user) -> RoleSummary:
    from django.utils.translation import gettext as _

    platform = []
    if is_platform_admin(user):
        platform.append(_("platform administrator"))
    elif is_moderator(user):
        platform.append(_("moderator"))
    return RoleSummary(
        platform=platform,
        organisations=list(
            OrganisationMembership.objects.filter(user=user)
            .select_related("organisation")
            .order_by("organisation__search_name")
        ),
        catalyst=list(
            CatalystAssignment.objects.filter(user=user).select_related(
                "catalyst__organisation", "territory"
            )
        ),
        programmes=list(user.co_piloted_programmes.all()),
        measures=list(user.piloted_measures.select_related("programme")),
        events=list(user.organised_events.all()),
    )
