"""Who may do what in roadmap steering. Reads are public; views, API and admin ask here."""

from alliances.program.models import Measure, Programme


def _is_co_pilot(user, programme: Programme) -> bool:
    return programme.co_pilots.filter(pk=user.pk).exists()


def can_manage_programme(user, programme: Programme) -> bool:
    """Co-pilots (and platform administrators): attainment, reports, imports, every measure."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or _is_co_pilot(user, programme)


def can_edit_measure(user, measure: Measure) -> bool:
    """A measure's pilots edit their own measures; co-pilots edit them all."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or measure.pilots.filter(pk=user.pk).exists():
        return True
    return _is_co_pilot(user, measure.programme)
