"""Whole responses of public pages and API reads, cached for anonymous visitors.

A view decorated with `@cache_public` answers an anonymous GET from Django's cache (`CACHE_URL`)
when it can, and stores what it renders otherwise. The key is the absolute URL (scheme, host,
path, query string), the active language, whether the request comes from htmx, and the cache
*version*: one token in the cache, replaced by `bump()` whenever content a public page shows may
have changed — any save, deletion or many-to-many change of a platform model (wired in
`CoreConfig.ready`), every `refresh_insights`, every indicator import. A bump orphans every entry
at once; entries also expire after `PAGE_CACHE_SECONDS` (the bound on staleness for writes that
send no signal, such as bulk imports before their `refresh_insights`).

Never cached: signed-in visitors (session or API token), requests carrying an `Authorization`
header or pending messages, and responses that set a cookie, used the CSRF token, wrote the
session, added a message, are not a 200, stream, or say `private`/`no-store`. The CSP nonce of a
cached page is replaced by the current response's own nonce on every hit, so scripts keep a fresh
nonce per response. Middleware still runs on every hit (security headers, ETag, throttling of the
API), only the view's work is saved. See docs/deployment.md ("Cache") and ADR 0016.
"""

import functools
import hashlib
import secrets
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "pagecache:version"
HEADER = "X-Page-Cache"
# Stands for the CSP nonce in a stored page; replaced by the nonce of each response served.
NONCE_MARK = "\x00csp-nonce\x00"
_VARY_ALLOWED = {"accept-language", "cookie", "hx-request", "accept"}
_SKIPPED_HEADERS = {"content-length", "set-cookie", "vary", "x-page-cache"}


def version() -> str:
    """The current cache version (a fresh token after every `bump()`)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, _token(), timeout=None)
        current = cache.get(VERSION_KEY) or "0"
    return current


def bump() -> None:
    """Every cached response is stale from now on."""
    cache.set(VERSION_KEY, _token(), timeout=None)


def _token() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def bump_after_commit(using: str | None = None) -> None:
    """Bump now (readers of this transaction see new content) and again after the commit (readers
    elsewhere may have cached the old content under the first bump's version in between)."""
    bump()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not any(
        func is bump for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(bump, using=using)


def _enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _request_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.META.get("HTTP_AUTHORIZATION"):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    # A message waiting to be shown (after a form, a redirect) belongs to this visitor only.
    return not len(get_messages(request))


def _key(request) -> str:
    parts = "\n".join(
        [
            request.build_absolute_uri(),
            get_language() or "",
            "htmx" if request.headers.get("HX-Request") else "",
        ]
    )
    return f"page:{version()}:{hashlib.sha256(parts.encode()).hexdigest()}"


def _response_cacheable(request, response) -> bool:
    if response.status_code != 200 or getattr(response, "streaming", False):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and getattr(storage, "added_new", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= _VARY_ALLOWED


def _freeze(request, response) -> dict:
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str) and nonce:
        content = content.replace(nonce.encode(), NONCE_MARK.encode())
    return {
        "status": response.status_code,
        "content": content,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _SKIPPED_HEADERS
        ],
    }


def _thaw(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if NONCE_MARK.encode() in content:
        content = content.replace(NONCE_MARK.encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response[HEADER] = "hit"
    return response


def _store(request, key: str, response) -> None:
    if _response_cacheable(request, response):
        cache.set(key, _freeze(request, response), timeout=settings.PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"


def cache_public(view):
    """Serve the view's anonymous GET responses from the cache (see the module's docstring).

    Works on function views (`request` first) and on API view methods (`self, request`); an
    unrendered response (DRF's, a TemplateResponse) is stored once rendered.
    """

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        request = args[1] if len(args) > 1 and not hasattr(args[0], "META") else args[0]
        if not _enabled() or not _request_cacheable(request):
            return view(*args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _thaw(request, stored)
        response = view(*args, **kwargs)
        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
        else:
            _store(request, key, response)
        return response

    return wrapper
