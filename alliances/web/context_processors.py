from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from alliances.web import accessibility
from alliances.web.navigation import MAIN_NAVIGATION


def platform(request):
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    return {
        "platform_name": settings.PLATFORM_NAME,
        "platform_publisher": settings.PLATFORM_PUBLISHER or settings.PLATFORM_NAME,
        "platform_contact_email": settings.PLATFORM_CONTACT_EMAIL,
        "platform_logo_url": settings.PLATFORM_LOGO_URL,
        "main_navigation": MAIN_NAVIGATION,
        # The footer's "Accessibility: ..." says the status measured by the last audit.
        "accessibility_status": accessibility.status_label(accessibility.current_audit()),
        "language_links": [
            {
                "code": code,
                "name": {"fr": "Français", "en": "English"}[code],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ],
    }
