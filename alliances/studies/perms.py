"""Who may do what with studies. Study editors are the platform's moderators (see
`alliances.accounts.roles`)."""

from alliances.accounts import roles


def can_edit_studies(user) -> bool:
    return roles.is_moderator(user)


def can_see_study(user, study) -> bool:
    """Published studies are public; drafts are visible to study editors only."""
    return study.status == "published" or can_edit_studies(user)
