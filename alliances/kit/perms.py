"""Who may do what in the kit. Its editors and moderators are the platform's moderators (see
`alliances.accounts.roles`)."""

from alliances.accounts import roles
from alliances.kit.enums import AUTHOR_TRANSITIONS, RESOURCE_TRANSITIONS, ResourceState


def is_editor(user) -> bool:
    """Moderate resources, curate guided paths, see every state."""
    return roles.is_moderator(user)


def can_propose_resource(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_author(user, resource) -> bool:
    return bool(user.is_authenticated and resource.created_by_id == user.pk)


def can_view_resource(user, resource) -> bool:
    return resource.state == ResourceState.PUBLISHED or is_editor(user) or is_author(user, resource)


def can_edit_resource(user, resource) -> bool:
    """Editors edit anything; authors edit their own drafts only."""
    if is_editor(user):
        return True
    return is_author(user, resource) and resource.state == ResourceState.DRAFT


def can_transition(user, resource, to_state: str) -> bool:
    if to_state not in RESOURCE_TRANSITIONS.get(resource.state, set()):
        return False
    if is_editor(user):
        return True
    return is_author(user, resource) and (resource.state, to_state) in AUTHOR_TRANSITIONS


def allowed_transitions(user, resource) -> list[str]:
    return [
        state
        for state in ResourceState.values
        if state in RESOURCE_TRANSITIONS.get(resource.state, set())
        and can_transition(user, resource, state)
    ]


def can_bookmark(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_view_assessment_history(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def evaluating_organisations(user, alliance) -> list[int]:
    """The alliance's member organisations this person belongs to: those they may answer the
    partnership evaluation for (one query; none for anonymous people)."""
    mine = roles.scopes(user).organisations
    if not mine:
        return []
    return sorted(
        set(
            alliance.memberships.filter(organisation_id__in=mine).values_list(
                "organisation_id", flat=True
            )
        )
    )


def can_evaluate_alliance(user, alliance) -> bool:
    """Answer the partnership evaluation of a published alliance: members (or administrators)
    of one of its member organisations, for that organisation."""
    from alliances.registry.enums import Publication

    return bool(
        roles.is_active_user(user)
        and alliance.publication == Publication.PUBLISHED
        and evaluating_organisations(user, alliance)
    )
