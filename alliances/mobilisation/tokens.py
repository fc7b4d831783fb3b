"""Signed links that work without signing in: cancel a registration, stop e-mails.

Each purpose has its own salt so a token for one cannot be replayed for the other.
"""

from django.core import signing

CANCEL_SALT = "alliances.mobilisation.registration-cancel"
UNSUBSCRIBE_SALT = "alliances.mobilisation.unsubscribe"


def registration_token(registration) -> str:
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CANCEL_SALT)


def registration_from_token(token: str) -> tuple[int, str] | None:
    """(registration id, e-mail) from a cancellation token, None if tampered with."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return data["r"], data["e"]


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_id_from_unsubscribe_token(token: str) -> int | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
