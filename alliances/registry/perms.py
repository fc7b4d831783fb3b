"""Who may do what in the registry. Role lookups live in `alliances.accounts.roles`.

- moderators (and platform administrators) moderate everywhere, merge and import;
- catalysts moderate the alliances and corrections of the territories they serve;
- organisation administrators edit their organisation's record, manage its members and edit the
  drafts of alliances their organisation belongs to; members see those drafts.
"""

from alliances.accounts import roles
from alliances.registry.enums import Publication


def _alliance_organisation_ids(alliance) -> set[int]:
    return set(alliance.memberships.values_list("organisation_id", flat=True))


def can_moderate(user, record=None) -> bool:
    """Publish submitted alliances, handle correction requests.

    Without a record: whether the person moderates anything at all (the moderation queue); with
    an alliance or a correction request: whether they moderate that one.
    """
    if roles.is_moderator(user):
        return True
    if record is None:
        return roles.is_catalyst(user)
    return _in_catalyst_scope(user, record)


def _in_catalyst_scope(user, record) -> bool:
    from alliances.registry.models import Alliance, CorrectionRequest, Organisation

    if isinstance(record, CorrectionRequest):
        record = record.alliance or record.organisation
    if isinstance(record, Alliance):
        return roles.serves_any(user, record.territories.all())
    if isinstance(record, Organisation):
        return roles.serves_territory(user, record.commune)
    return False


def can_moderate_alliance(user, alliance) -> bool:
    return can_moderate(user, alliance)


def can_merge(user) -> bool:
    """Merge duplicate organisations."""
    return roles.is_moderator(user)


def can_import(user) -> bool:
    """Import alliances from a spreadsheet."""
    return roles.is_moderator(user)


def can_edit_organisation(user, organisation) -> bool:
    """Edit the organisation's public record."""
    return roles.is_moderator(user) or roles.is_organisation_admin(user, organisation)


def can_manage_members(user, organisation) -> bool:
    """Add, change and remove the people who act for the organisation."""
    return can_edit_organisation(user, organisation)


def can_view_alliance(user, alliance) -> bool:
    """Published alliances are public; others are seen by whoever moderates or edits them, and by
    members of the organisations taking part."""
    if alliance.publication == Publication.PUBLISHED:
        return True
    if can_moderate(user, alliance):
        return True
    organisations = roles.scopes(user).organisations
    return bool(organisations) and bool(_alliance_organisation_ids(alliance) & organisations.keys())


def can_edit_alliance(user, alliance) -> bool:
    """Moderators and catalysts of its territory edit an alliance; administrators of a member
    organisation edit it while it is a draft."""
    if can_moderate(user, alliance):
        return True
    if alliance.publication != Publication.DRAFT:
        return False
    administered = roles.administered_organisation_ids(user)
    return bool(administered) and bool(_alliance_organisation_ids(alliance) & administered)


def can_see_contact(user, alliance) -> bool:
    """The contact e-mail of a submission is for the people who moderate it."""
    return can_moderate(user, alliance)
