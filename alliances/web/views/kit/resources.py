"""The resource centre: search with facets, resource pages, writing and moderation, bookmarks,
saved searches and guided paths."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from alliances.core.errors import DomainError
from alliances.kit import perms, selectors
from alliances.kit.enums import ResourceState, SortOrder
from alliances.kit.models import Bookmark, Resource, SavedSearch
from alliances.kit.rendering import render_markdown
from alliances.kit.services import alerts
from alliances.kit.services.resources import (
    bookmark_toggle,
    resource_create,
    resource_transition,
    resource_update,
)
from alliances.web.forms.kit import ResourceForm, SavedSearchForm

PER_PAGE = 20
TRANSITION_LABELS = {
    ResourceState.SUBMITTED: gettext_lazy("Submit for moderation"),
    ResourceState.PUBLISHED: gettext_lazy("Publish"),
    ResourceState.ARCHIVED: gettext_lazy("Archive"),
    ResourceState.DRAFT: gettext_lazy("Back to draft"),
}


def _filters_query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_safe
def resource_list(request):
    filters = selectors.ResourceFilters.from_query(request.GET)
    page = Paginator(selectors.resource_search(filters), PER_PAGE).get_page(request.GET.get("page"))
    examples = selectors.inspiring_alliances(filters)
    show_examples = filters.kind in ("", "example") and not (
        filters.profile or filters.maturity or filters.theme
    )
    return render(
        request,
        "web/kit/resource_list.html",
        {
            "section": "kit",
            "filters": filters,
            "query": filters.query,
            "page": page,
            "facets": selectors.resource_facets(filters),
            "filters_query": _filters_query(request),
            "sort_choices": SortOrder.choices,
            "examples": examples[:6] if show_examples else [],
            "example_count": examples.count() if show_examples else 0,
            "can_propose": perms.can_propose_resource(request.user),
            "can_save_search": perms.can_bookmark(request.user)
            and bool(alerts.normalised_query(request.GET)),
            "save_form": SavedSearchForm(),
            "search_query_string": alerts.normalised_query(request.GET),
            "paths": selectors.published_paths()[:6],
        },
    )


@require_safe
def resource_detail(request, pk: int):
    resource = selectors.resource_get(pk, request.user)
    user = request.user
    return render(
        request,
        "web/kit/resource_detail.html",
        {
            "section": "kit",
            "resource": resource,
            "body_html": render_markdown(resource.body),
            "is_published": resource.state == ResourceState.PUBLISHED,
            "can_edit": perms.can_edit_resource(user, resource),
            "transitions": [
                (state, TRANSITION_LABELS[state])
                for state in perms.allowed_transitions(user, resource)
            ],
            "can_bookmark": perms.can_bookmark(user) and resource.state == ResourceState.PUBLISHED,
            "is_bookmarked": user.is_authenticated
            and Bookmark.objects.filter(user=user, resource=resource).exists(),
            "events": resource.events.select_related("by")[:10]
            if perms.is_editor(user) or perms.is_author(user, resource)
            else [],
        },
    )


@login_required
def resource_edit(request, pk: int | None = None):
    resource = None
    if pk is not None:
        resource = get_object_or_404(Resource, pk=pk)
        if not perms.can_edit_resource(request.user, resource):
            raise PermissionDenied
    elif not perms.can_propose_resource(request.user):
        raise PermissionDenied
    initial = ResourceForm.initial_for(resource) if resource else {}
    form = ResourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if resource is None:
                resource = resource_create(data=form.to_data(), by=request.user)
                messages.success(request, _("Draft saved. Submit it for moderation when ready."))
            else:
                resource = resource_update(resource=resource, data=form.to_data(), by=request.user)
                messages.success(request, _("Resource saved."))
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            return redirect(resource.get_absolute_url())
    return render(
        request,
        "web/kit/resource_form.html",
        {"section": "kit", "form": form, "resource": resource},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def resource_move(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    if not perms.can_view_resource(request.user, resource):
        raise PermissionDenied
    try:
        resource_transition(
            resource=resource,
            to_state=request.POST.get("to", ""),
            by=request.user,
            note=request.POST.get("note", "")[:500],
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” updated.") % {"title": resource.title})
    if request.POST.get("from") == "moderation" and perms.is_editor(request.user):
        return redirect("web:kit_moderation")
    return redirect(resource.get_absolute_url())


@login_required
@require_safe
def kit_moderation(request):
    if not perms.is_editor(request.user):
        raise PermissionDenied
    return render(
        request,
        "web/kit/moderation.html",
        {
            "section": "kit",
            "resources": selectors.moderation_queue().select_related("created_by"),
        },
    )


@require_POST
@login_required
def bookmark(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    try:
        added = bookmark_toggle(user=request.user, resource=resource)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Bookmarked.") if added else _("Bookmark removed."))
    return redirect(resource.get_absolute_url())


@login_required
@require_safe
def my_kit(request):
    """The signed-in person's kit: bookmarks, saved searches, own resources, assessments."""
    return render(
        request,
        "web/kit/my_kit.html",
        {
            "section": "kit",
            "bookmarks": Bookmark.objects.filter(user=request.user)
            .filter(resource__state=ResourceState.PUBLISHED)
            .select_related("resource"),
            "saved_searches": SavedSearch.objects.filter(user=request.user),
            "drafts": selectors.user_drafts(request.user),
            "assessments": selectors.user_assessments(request.user)[:20],
        },
    )


@require_POST
@login_required
def saved_search_add(request):
    form = SavedSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the search a name."))
        return redirect(f"{_list_url()}?{request.POST.get('search', '')}")
    params = QueryDict(request.POST.get("search", "")[:500])
    try:
        alerts.saved_search_create(
            user=request.user, params=params, label=form.cleaned_data["label"]
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Search saved: new resources will come by e-mail."))
    return redirect(f"{_list_url()}?{alerts.normalised_query(params)}")


@require_POST
@login_required
def saved_search_delete(request, pk: int):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    with transaction.atomic():
        alerts.saved_search_delete(user=request.user, saved_search=saved)
    messages.success(request, _("Saved search removed."))
    return redirect("web:kit_saved_searches")


def _list_url() -> str:
    return reverse("web:kit_resources")


@require_safe
def path_list(request):
    return render(
        request,
        "web/kit/path_list.html",
        {"section": "kit", "paths": selectors.published_paths()},
    )


@require_safe
def path_detail(request, slug: str):
    path, steps = selectors.path_get(slug, request.user)
    return render(
        request, "web/kit/path_detail.html", {"section": "kit", "path": path, "steps": steps}
    )
