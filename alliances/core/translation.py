"""Content stored in both languages as `<field>_fr` / `<field>_en` columns."""

from django.utils.translation import get_language

CONTENT_LANGUAGES = ("fr", "en")


def localized(instance, field: str) -> str:
    """The value of `field` in the active language, falling back to French when empty."""
    language = (get_language() or "fr")[:2]
    if language not in CONTENT_LANGUAGES:
        language = "fr"
    return getattr(instance, f"{field}_{language}") or getattr(instance, f"{field}_fr")
