"""Who may do what in roadmap steering. Reads are public; views, API and admin ask here.

Platform administrators manage every programme; co-pilots (`Programme.co_pilots`) manage theirs;
a measure's pilots (`Measure.pilots`) edit their measures. Role lookups: `alliances.accounts.roles`.
"""

from alliances.accounts import roles
from alliances.program.models import Measure, Programme


def _is_co_pilot(user, programme: Programme) -> bool:
    return programme.co_pilots.filter(pk=user.pk).exists()


def can_manage_programme(user, programme: Programme) -> bool:
    """Co-pilots (and platform administrators): attainment, reports, imports, every measure."""
    if not roles.is_active_user(user):
        return False
    return roles.is_platform_admin(user) or _is_co_pilot(user, programme)


def can_edit_measure(user, measure: Measure) -> bool:
    """A measure's pilots edit their own measures; co-pilots edit them all."""
    if not roles.is_active_user(user):
        return False
    if roles.is_platform_admin(user) or measure.pilots.filter(pk=user.pk).exists():
        return True
    return _is_co_pilot(user, measure.programme)
