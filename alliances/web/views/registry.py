"""Registry pages: search with facets, organisation and alliance pages, catalysts directory."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.insights.suggestions import partner_suggestions
from alliances.registry import selectors
from alliances.registry.enums import Publication, WaldecTheme
from alliances.registry.models import Alliance, Organisation

PER_PAGE = 25


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _query(request) -> str:
    return request.GET.get("q", "")[:100].strip()


def _filters_query(request) -> str:
    """The current filters as a query string without the page number, for the pager."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_safe
@cache_public
def registry_search(request):
    query = _query(request)
    organisations = alliances = None
    if query:
        organisations = selectors.organisation_search(selectors.OrganisationFilters(query=query))
        alliances = selectors.alliance_search(selectors.AllianceFilters(query=query))
    return render(
        request,
        "web/registry/search.html",
        {
            "section": "registry",
            "query": query,
            "organisations": organisations.select_related("commune")[:10] if query else None,
            "organisation_count": organisations.count() if query else 0,
            "alliances": alliances[:10] if query else None,
            "alliance_count": alliances.count() if query else 0,
            "totals": Organisation.objects.displayable().aggregate(
                organisations=Count("id"),
                associations=Count("id", filter=Q(world="association")),
            )
            | {"alliances": Alliance.objects.published().count()},
        },
    )


@require_safe
@cache_public
def organisation_list(request):
    filters = selectors.OrganisationFilters(
        query=_query(request),
        world=request.GET.get("world", ""),
        departement=request.GET.get("departement", ""),
        theme=request.GET.get("theme", ""),
        status=request.GET.get("status", ""),
        goal=request.GET.get("goal", ""),
    )
    organisations = selectors.organisation_search(filters)
    page = _page(request, organisations.select_related("commune"))
    return render(
        request,
        "web/registry/organisation_list.html",
        {
            "section": "organisations",
            "filters": filters,
            "query": filters.query,
            "page": page,
            "facets": selectors.organisation_facets(organisations, filters),
            "filters_query": _filters_query(request),
        },
    )


@require_safe
@cache_public
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_get(pk)
    return render(
        request,
        "web/registry/organisation_detail.html",
        {
            "section": "organisations",
            "organisation": organisation,
            "memberships": selectors.organisation_alliances(organisation),
            "suggestions": partner_suggestions(organisation),
            "theme": WaldecTheme(organisation.waldec_theme).label
            if organisation.waldec_theme
            else "",
        },
    )


@require_safe
@cache_public
def alliance_list(request):
    filters = selectors.AllianceFilters(
        query=_query(request),
        alliance_type=request.GET.get("type", ""),
        status=request.GET.get("status", ""),
        goal=request.GET.get("goal", ""),
        region=request.GET.get("region", "")[:3],
        world=request.GET.get("world", ""),
    )
    alliances = selectors.alliance_search(filters)
    page = _page(request, alliances.prefetch_related("goals"))
    return render(
        request,
        "web/registry/alliance_list.html",
        {
            "section": "alliances",
            "filters": filters,
            "query": filters.query,
            "page": page,
            "facets": selectors.alliance_facets(alliances, filters),
            "filters_query": _filters_query(request),
        },
    )


@require_safe
@cache_public
def alliance_detail(request, pk: int):
    from alliances.registry.perms import can_moderate

    moderator = can_moderate(request.user)
    alliance = selectors.alliance_get(pk, include_unpublished=moderator)
    return render(
        request,
        "web/registry/alliance_detail.html",
        {
            "section": "alliances",
            "alliance": alliance,
            "member_groups": selectors.alliance_members_by_world(alliance),
            "is_published": alliance.publication == Publication.PUBLISHED,
        },
    )


@require_safe
@cache_public
def catalyst_list(request):
    query = _query(request)
    return render(
        request,
        "web/registry/catalyst_list.html",
        {
            "section": "catalysts",
            "query": query,
            "page": _page(request, selectors.catalysts(query)),
            "filters_query": _filters_query(request),
        },
    )
