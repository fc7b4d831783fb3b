"""Writes on the kit, by the rules of the pages: signed-in people propose resources (drafts),
authors edit their drafts and submit them, editors moderate; bookmarks of published resources.

The resource page's form validates (territory, author organisation, links), the services write.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from alliances.api.forms import References, validated
from alliances.api.kit import views
from alliances.api.kit import write_serializers as serializers
from alliances.core.errors import NotAllowed
from alliances.kit import perms, selectors
from alliances.kit.enums import RESOURCE_TRANSITIONS
from alliances.kit.models import Resource, Theme
from alliances.kit.services.resources import (
    bookmark_set,
    resource_create,
    resource_transition,
    resource_update,
)
from alliances.sdg.models import Goal
from alliances.web.forms.kit import ResourceForm

NOT_ALLOWED_PROPOSE = _("You may not propose resources.")
NOT_ALLOWED_EDIT = _("You may not edit this resource.")
NOT_ALLOWED_MOVE = _("You may not move this resource to this state.")
NOT_ALLOWED_BOOKMARK = _("You may not bookmark resources.")
UNKNOWN_GOAL = _("There is no Sustainable Development Goal number %(value)s.")
UNKNOWN_THEME = _("There is no theme “%(value)s”.")
UNKNOWN_QUESTION = _("This questionnaire has no question with this code.")

# The form's field names that differ from the API's.
FORM_TO_API = {"territory_code": "territory", "author_siren_or_rna": "author_organisation"}
API_TO_FORM = {api: form for form, api in FORM_TO_API.items()}


def _form_data(data: dict, resource: Resource | None) -> dict:
    """The page form's data: the resource's current values, overlaid with what was sent."""
    form_data = {}
    if resource is not None:
        form_data = ResourceForm.initial_for(resource)
        form_data["goals"] = [goal.pk for goal in form_data["goals"]]
        form_data["themes"] = [theme.pk for theme in form_data["themes"]]
    refs = References()
    for name, value in data.items():
        if name == "goals":
            value = refs.many(Goal.objects.all(), "number", value, ("goals",), UNKNOWN_GOAL)
        elif name == "themes":
            value = refs.many(Theme.objects.all(), "slug", value, ("themes",), UNKNOWN_THEME)
        elif name == "links":
            value = "\n".join(f"{link['label']} | {link['url']}" for link in value)
        form_data[API_TO_FORM.get(name, name)] = value
    refs.check()
    return form_data


def _rename(name: str):
    return (FORM_TO_API.get(name, name),)


def _render(resource: Resource, code=status.HTTP_200_OK) -> Response:
    resource = (
        Resource.objects.select_related("author_organisation", "territory")
        .prefetch_related("goals", "themes", "audiences", "links")
        .get(pk=resource.pk)
    )
    return Response(serializers.ResourceStateSerializer(resource).data, status=code)


class ResourceListCreate(views.ResourceList):
    """Published resources; POST proposes one, saved as the author's draft."""

    @extend_schema(
        request=serializers.ResourceWriteSerializer,
        responses={201: serializers.ResourceStateSerializer},
    )
    def post(self, request):
        if not perms.can_propose_resource(request.user):
            raise NotAllowed(NOT_ALLOWED_PROPOSE)
        body = serializers.ResourceWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = ResourceForm(_form_data(body.validated_data, None))
        validated(form, _rename)
        resource = resource_create(data=form.to_data(), by=request.user)
        return _render(resource, status.HTTP_201_CREATED)


class ResourceDetailUpdate(views.ResourceDetail):
    """A resource: published ones for everyone, drafts for their author and the editors.

    PATCH changes the fields sent: editors any resource, authors their own drafts.
    """

    serializer_class = serializers.ResourceStateSerializer

    def get_object(self):
        return selectors.resource_get(self.kwargs["pk"], self.request.user)

    @extend_schema(
        request=serializers.ResourcePatchSerializer,
        responses=serializers.ResourceStateSerializer,
    )
    def patch(self, request, pk: int):
        resource = self.get_object()
        if not perms.can_edit_resource(request.user, resource):
            raise NotAllowed(NOT_ALLOWED_EDIT)
        body = serializers.ResourcePatchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = ResourceForm(_form_data(body.validated_data, resource))
        validated(form, _rename)
        resource_update(resource=resource, data=form.to_data(), by=request.user)
        return _render(resource)


class ResourceTransition(APIView):
    """Move a resource in its workflow: authors submit their drafts (or take them back),
    editors publish, archive or send back to draft."""

    @extend_schema(
        request=serializers.ResourceMoveSerializer,
        responses=serializers.ResourceStateSerializer,
    )
    def post(self, request, pk: int):
        resource = selectors.resource_get(pk, request.user)
        body = serializers.ResourceMoveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        to_state = body.validated_data["to"]
        possible = to_state in RESOURCE_TRANSITIONS.get(resource.state, set())
        if possible and not perms.can_transition(request.user, resource, to_state):
            raise NotAllowed(NOT_ALLOWED_MOVE)
        moved = resource_transition(
            resource=resource,
            to_state=to_state,
            by=request.user,
            note=body.validated_data.get("note", ""),
        )
        return _render(moved)


class ResourceBookmark(APIView):
    """The signed-in person's bookmark on a resource: PUT adds it (published resources only),
    DELETE removes it. Both may be repeated."""

    def _resource(self, request, pk: int, resources) -> Resource:
        if not perms.can_bookmark(request.user):
            raise NotAllowed(NOT_ALLOWED_BOOKMARK)
        return get_object_or_404(resources, pk=pk)

    @extend_schema(
        request=None,
        responses={200: serializers.BookmarkSerializer, 201: serializers.BookmarkSerializer},
    )
    def put(self, request, pk: int):
        resource = self._resource(request, pk, Resource.objects.published())
        created = bookmark_set(user=request.user, resource=resource, on=True)
        return Response(
            {"resource": resource.pk, "bookmarked": True},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Removed.")})
    def delete(self, request, pk: int):
        resource = self._resource(request, pk, Resource.objects.all())
        bookmark_set(user=request.user, resource=resource, on=False)
        return Response(status=status.HTTP_204_NO_CONTENT)
