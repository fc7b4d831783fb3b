from django import template

from alliances.core.links import is_web_url

register = template.Library()


@register.filter
def web_url(value: str) -> str:
    """The address if it is an http(s) one, else nothing: a stored `javascript:` never becomes a
    link, even if it came in by a path that skipped validation."""
    return value if is_web_url(value or "") else ""
