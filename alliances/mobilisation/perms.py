"""Who may do what in mobilisation. Reads are public; views, commands and admin ask here.

Moderators (platform role, staff, administrators) moderate every contribution; catalysts
moderate the contributions on records of the territories they serve (alliances, territories,
events held there). An event's organisers are the accounts listed on it. Contributing needs a
signed-in account. Role lookups live in `alliances.accounts.roles`.
"""

from alliances.accounts import roles
from alliances.mobilisation.models import Contribution, Debate, Event
from alliances.program import perms as program_perms


def _active(user) -> bool:
    return roles.is_active_user(user)


def can_manage_event(user, event: Event) -> bool:
    """See and export the attendee list; organisers of the event and moderators."""
    if not _active(user):
        return False
    return roles.is_moderator(user) or event.organisers.filter(pk=user.pk).exists()


def can_contribute(user) -> bool:
    return _active(user)


def _target_in_scope(user, target) -> bool:
    """Whether a catalyst serves the territory of a contribution's record."""
    from alliances.registry.models import Alliance
    from alliances.territories.models import Territory

    if isinstance(target, Alliance):
        return roles.serves_any(user, target.territories.all())
    if isinstance(target, Territory):
        return roles.serves_territory(user, target)
    if isinstance(target, Event):
        return roles.serves_territory(user, target.territory)
    return False


def can_moderate(user, record=None) -> bool:
    """Hide and restore contributions, handle reports.

    Without a record: whether the person moderates anything (the moderation queue); with a
    contribution or the record a thread is on: whether they moderate there.
    """
    if roles.is_moderator(user):
        return True
    if not roles.is_catalyst(user):
        return False
    if record is None:
        return True
    if isinstance(record, Contribution):
        record = record.target
    return _target_in_scope(user, record)


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
