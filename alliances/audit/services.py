"""Recording audit events: from signal receivers, and from services that import or moderate."""

from alliances.audit.models import AuditEvent


def client_ip(request) -> str | None:
    if request is None:
        return None
    # REMOTE_ADDR is set by the server; behind a trusted proxy, Django's SECURE_PROXY_SSL_HEADER
    # does not touch it, so the proxy must pass the client address (e.g. with ProxyFix/uWSGI).
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *, action: str, actor=None, obj=None, request=None, label: str = "", **detail
) -> AuditEvent:
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        action=action,
        actor=actor if authenticated else None,
        actor_label=(actor.email if authenticated else label)[:200],
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip_address=client_ip(request),
        detail=detail,
    )
