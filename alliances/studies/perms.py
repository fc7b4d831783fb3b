"""Who may do what with studies. Until roles exist, study editors are staff members."""


def can_edit_studies(user) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def can_see_study(user, study) -> bool:
    """Published studies are public; drafts are visible to study editors only."""
    return study.status == "published" or can_edit_studies(user)
