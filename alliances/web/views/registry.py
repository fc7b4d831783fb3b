"""Registry pages: search with facets, organisation and alliance pages, catalysts directory."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.insights import ego
from alliances.insights.suggestions import partner_suggestions
from alliances.registry import perms, selectors
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
    ego_network = ego.ego_network(organisation)
    return render(
        request,
        "web/registry/organisation_detail.html",
        {
            "section": "organisations",
            "organisation": organisation,
            "ego": ego_network,
            **_ego_texts(ego_network),
            "memberships": selectors.organisation_alliances(organisation),
            "suggestions": partner_suggestions(organisation),
            "can_edit": perms.can_edit_organisation(request.user, organisation),
            "theme": WaldecTheme(organisation.waldec_theme).label
            if organisation.waldec_theme
            else "",
        },
    )


def _ego_texts(ego_network) -> dict:
    """The drawing's accessible name and description (its <title> and <desc>)."""
    if not ego_network.drawn:
        return {}
    name = ego_network.organisation.display_name
    if ego_network.is_drawing_truncated:
        description = _(
            "%(name)s in the centre, its %(drawn)s most tied partners of %(total)s around it, "
            "coloured by world; dashed lines are ties between partners. The table below lists "
            "its partners."
        )
    else:
        description = _(
            "%(name)s in the centre, its partners around it, coloured by world; dashed lines are "
            "ties between partners. The table below lists them."
        )
    return {
        "ego_drawing": ego.drawing(ego_network),
        "ego_title": _("Alliance partners of %(name)s") % {"name": name},
        "ego_description": description
        % {"name": name, "drawn": len(ego_network.drawn), "total": ego_network.partners},
    }


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
    from alliances.web.views.kit.compass import evaluation_context

    alliance = selectors.alliance_get(pk, include_unpublished=request.user.is_authenticated)
    if not perms.can_view_alliance(request.user, alliance):
        raise Http404
    return render(
        request,
        "web/registry/alliance_detail.html",
        {
            "section": "alliances",
            "alliance": alliance,
            "member_groups": selectors.alliance_members_by_world(alliance),
            "is_published": alliance.publication == Publication.PUBLISHED,
            **evaluation_context(alliance, request.user),
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
