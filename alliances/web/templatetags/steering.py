from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.4567 → "46 %" in French, "46%" in English; unknown → an em dash."""
    if value is None or value == "":
        return "—"
    from django.utils.translation import get_language

    number = number_format(round(float(value) * 100))
    return f"{number}\u202f%" if (get_language() or "fr").startswith("fr") else f"{number}%"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
