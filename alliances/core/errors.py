class DomainError(Exception):
    """A rule of the domain was broken; the message is meant for the person who acted."""


class NotAllowed(DomainError):
    """The person may not do this; interfaces answer 403."""


class StaleEdit(DomainError):
    """The record changed since the person loaded it (optimistic locking); interfaces answer 409."""
