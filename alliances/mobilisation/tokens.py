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


CONFIRM_SALT = "alliances.mobilisation.record-confirm"
# A confirmation link stays valid for two months after the reminder.
CONFIRM_MAX_AGE = 60 * 24 * 3600


def confirmation_token(record, user) -> str:
    return signing.dumps(
        {"m": record._meta.label_lower, "p": record.pk, "u": user.pk}, salt=CONFIRM_SALT
    )


def confirmation_from_token(token: str) -> tuple[str, int, int] | None:
    """(model label, record id, user id) from a confirmation token; None if expired or forged."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return data["m"], data["p"], data["u"]
