from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory
from alliances.web.accessibility import current_audit


@require_safe
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
