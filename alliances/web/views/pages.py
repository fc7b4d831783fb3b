from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


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
    return render(request, "web/pages/accessibility.html", {"section": "accessibility"})


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
