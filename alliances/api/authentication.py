from rest_framework import authentication, exceptions, permissions

from alliances.accounts.models import TokenScope
from alliances.accounts.tokens import api_token_authenticate


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>` with a personal token created on the account page."""

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header.")
        token = api_token_authenticate(header[1].decode(errors="replace"))
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class TokenScopePermission(permissions.BasePermission):
    """A read-only token cannot write, whatever its owner may do."""

    message = "This token is read only."

    def has_permission(self, request, view):
        token = request.auth
        if token is None or request.method in permissions.SAFE_METHODS:
            return True
        return getattr(token, "scope", None) == TokenScope.WRITE
