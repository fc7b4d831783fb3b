"""Who may do what in mobilisation. Reads are public; views, commands and admin ask here.

Until a role system exists, staff members are the moderators, an event's organisers are the
accounts listed on it, and contributing needs a signed-in account.
"""

from alliances.mobilisation.models import Contribution, Debate, Event
from alliances.program import perms as program_perms


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_manage_event(user, event: Event) -> bool:
    """See and export the attendee list; organisers of the event and staff."""
    if not _active(user):
        return False
    return user.is_staff or event.organisers.filter(pk=user.pk).exists()


def can_contribute(user) -> bool:
    return _active(user)


def can_moderate(user) -> bool:
    """Hide and restore contributions, handle reports."""
    return _active(user) and user.is_staff


def can_report(user, contribution: Contribution) -> bool:
    return _active(user) and contribution.author_id != user.pk


def can_react(user, contribution: Contribution) -> bool:
    return _active(user) and contribution.author_id != user.pk


def can_follow(user) -> bool:
    return _active(user)


def can_open_debate(user, measure) -> bool:
    """Open a debate on a measure: the programme's co-pilots (and administrators)."""
    return _active(user) and program_perms.can_manage_programme(user, measure.programme)


def can_steer_debate(user, debate: Debate) -> bool:
    """Close a debate early and write its conclusion: the programme's co-pilots."""
    return can_open_debate(user, debate.measure)
