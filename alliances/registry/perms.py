"""Who may do what in the registry. Until roles exist, staff members are the moderators."""


def can_moderate(user) -> bool:
    """Publish submitted alliances, handle correction requests."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def can_merge(user) -> bool:
    """Merge duplicate organisations."""
    return can_moderate(user)


def can_import(user) -> bool:
    """Import alliances from a spreadsheet."""
    return can_moderate(user)
