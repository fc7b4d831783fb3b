from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.core.pagecache import cache_public
from alliances.territories import selectors
from alliances.territories.enums import TerritoryKind
from alliances.web.views.observatory import DIAGNOSED_KINDS

CHILDREN_PER_PAGE = 100


@require_safe
@cache_public
def territory_index(request):
    query = request.GET.get("q", "")[:100]
    return render(
        request,
        "web/territories/index.html",
        {
            "section": "territories",
            "query": query,
            "results": selectors.territory_search(query) if query else None,
            "regions": selectors.regions(),
        },
    )


@require_safe
@cache_public
def territory_detail(request, kind: str, code: str):
    if kind not in TerritoryKind.values:
        raise Http404
    territory = selectors.territory_get(kind=kind, code=code)
    groups = []
    for group in selectors.territory_children(territory):
        page = Paginator(group.territories, CHILDREN_PER_PAGE).get_page(
            request.GET.get(f"page_{group.kind}")
        )
        groups.append({"group": group, "page": page, "param": f"page_{group.kind}"})
    return render(
        request,
        "web/territories/detail.html",
        {
            "section": "territories",
            "territory": territory,
            "ancestors": selectors.territory_ancestors(territory),
            "child_groups": groups,
            "has_diagnostic": kind in DIAGNOSED_KINDS,
        },
    )
