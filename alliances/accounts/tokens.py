"""Personal API tokens: created and revoked by their owner, stored as SHA-256 hashes."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.accounts.models import ApiToken, TokenScope
from alliances.audit.models import AuditAction
from alliances.audit.services import audit_record
from alliances.core.errors import DomainError

KEY_PREFIX = "all_"
MAX_ACTIVE_TOKENS = 10


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str, scope: str, request=None) -> tuple[ApiToken, str]:
    """Return the token and its key, which is never stored nor shown again."""
    if scope not in TokenScope.values:
        raise DomainError(_("Unknown scope."))
    if not name.strip():
        raise DomainError(_("Give the token a name."))
    if user.api_tokens.filter(revoked_at=None).count() >= MAX_ACTIVE_TOKENS:
        raise DomainError(_("You already have 10 active tokens: revoke one first."))
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], scope=scope, prefix=key[4:12], key_hash=_hash(key)
    )
    audit_record(action=AuditAction.TOKEN, actor=user, obj=token, request=request, change="created")
    return token, key


@transaction.atomic
def api_token_revoke(*, user, token: ApiToken, request=None) -> None:
    if token.user_id != user.pk:
        raise DomainError(_("This token is not yours."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            action=AuditAction.TOKEN, actor=user, obj=token, request=request, change="revoked"
        )


def api_token_authenticate(key: str) -> ApiToken | None:
    if not key.startswith(KEY_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
