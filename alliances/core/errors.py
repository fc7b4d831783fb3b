class DomainError(Exception):
    """A rule of the domain was broken; the message is meant for the person who acted."""
