"""Staff pages: candidate duplicate organisations, and merging them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from alliances.core.errors import DomainError
from alliances.registry.duplicates import duplicate_candidates
from alliances.registry.models import Organisation, OrganisationMerge
from alliances.registry.perms import can_merge
from alliances.registry.services.merge import organisation_merge
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


@login_required
@require_safe
def duplicate_list(request):
    if not can_merge(request.user):
        raise PermissionDenied
    departements = Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).order_by("code")
    code = request.GET.get("departement", "")[:3]
    departement = departements.filter(code=code).first() if code else None
    pairs = duplicate_candidates(departement=departement)
    counts = dict(
        Organisation.objects.filter(pk__in={o.pk for p in pairs for o in (p.first, p.second)})
        .annotate(n=Count("memberships"))
        .values_list("pk", "n")
    )
    return render(
        request,
        "web/registry/duplicates.html",
        {
            "section": "moderation",
            "pairs": pairs,
            "memberships": counts,
            "departements": departements,
            "departement": departement,
            "merges": OrganisationMerge.objects.select_related("kept", "by")[:20],
        },
    )


@login_required
@require_POST
def duplicate_merge(request):
    if not can_merge(request.user):
        raise PermissionDenied
    ids = [request.POST.get(name, "") for name in ("kept", "duplicate")]
    if not all(value.isdigit() for value in ids):
        messages.error(request, _("Choose the record to keep."))
        return redirect("web:duplicates")
    kept = get_object_or_404(Organisation, pk=int(ids[0]))
    duplicate = get_object_or_404(Organisation, pk=int(ids[1]))
    name = duplicate.display_name
    try:
        merge = organisation_merge(kept=kept, duplicate=duplicate, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(name)s” was merged into “%(kept)s” (%(count)d memberships moved).")
            % {"name": name, "kept": kept.display_name, "count": merge.memberships_moved},
        )
    return redirect("web:duplicates")
