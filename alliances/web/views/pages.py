from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory
from alliances.web.accessibility import current_audit


@require_safe
@cache_public
def home(request):
    counts = {
        kind: Territory.objects.filter(kind=kind).official().count()
        for kind in (TerritoryKind.REGION, TerritoryKind.DEPARTEMENT, TerritoryKind.EPCI)
    }
    counts["commune"] = Territory.objects.filter(kind=TerritoryKind.COMMUNE).count()
    return render(
        request,
        "web/pages/home.html",
        {"counts": counts, "goals": Goal.objects.all(), "section": "home"},
    )


@require_safe
def accessibility(request):
    """The RGAA accessibility statement, its figures read from the measured audit file."""
    audit = current_audit()
    return render(
        request,
        "web/pages/accessibility.html",
        {
            "section": "accessibility",
            "audit": audit,
            "sample": audit.sample(get_language()) if audit else [],
        },
    )


@require_safe
def accessibility_plan(request):
    """The multi-year accessibility plan (schéma pluriannuel) and its yearly action plans."""
    return render(
        request,
        "web/pages/accessibility_plan.html",
        {"section": "accessibility", "audit": current_audit()},
    )


@require_safe
def legal_notice(request):
    return render(
        request,
        "web/pages/legal.html",
        {
            "section": "legal",
            "publication_director": settings.PLATFORM_PUBLICATION_DIRECTOR,
            "hosting_provider": settings.PLATFORM_HOSTING_PROVIDER,
        },
    )


@require_safe
def privacy(request):
    return render(request, "web/pages/privacy.html", {"section": "privacy"})


SECURITY_TXT_LIFETIME = timedelta(days=180)


def security_contact_uri() -> str:
    """SECURITY_CONTACT as a URI: an address becomes `mailto:`, a page stays as it is."""
    contact = (settings.SECURITY_CONTACT or settings.PLATFORM_CONTACT_EMAIL).strip()
    if contact.startswith(("https://", "mailto:")):
        return contact
    return f"mailto:{contact}"


@require_safe
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability."""
    expires = (timezone.now() + SECURITY_TXT_LIFETIME).replace(microsecond=0)
    lines = [
        f"Contact: {security_contact_uri()}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {settings.PLATFORM_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
