"""Writes on resources: create, update, the publication workflow, bookmarks."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError
from alliances.kit import perms
from alliances.kit.enums import (
    RESOURCE_TRANSITIONS,
    AudienceProfile,
    CompassAxis,
    Language,
    Maturity,
    ResourceKind,
    ResourceState,
)
from alliances.kit.models import (
    Bookmark,
    Resource,
    ResourceAudience,
    ResourceAxis,
    ResourceEvent,
    ResourceLink,
)

FORBIDDEN_TRANSITION = _("A resource cannot go from “%(from)s” to “%(to)s”.")
NOT_ALLOWED_TRANSITION = _("You may not move this resource from “%(from)s” to “%(to)s”.")
NOT_ALLOWED_EDIT = _("You may not edit this resource.")
NO_PROFILE = _("Choose at least one audience profile.")
EMPTY_TITLE = _("Give the resource a title.")
EMPTY_SUMMARY = _("Write a summary.")
UNKNOWN_VALUE = _("Unknown %(field)s: “%(value)s”.")
PUBLISH_NEEDS_BODY = _("A resource needs a body or at least one link before it is published.")
BOOKMARK_NOT_PUBLISHED = _("Only published resources can be bookmarked.")


@dataclass
class ResourceData:
    kind: str
    title: str
    summary: str
    maturity: str
    profiles: list[str]
    body: str = ""
    language: str = Language.FR
    axes: list[str] = field(default_factory=list)
    goals: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    territory: object = None
    author_organisation: object = None
    alliance: object = None
    links: list[tuple[str, str]] = field(default_factory=list)


def _validate(data: ResourceData) -> None:
    if not data.title.strip():
        raise DomainError(EMPTY_TITLE)
    if not data.summary.strip():
        raise DomainError(EMPTY_SUMMARY)
    if not data.profiles:
        raise DomainError(NO_PROFILE)
    checks = [
        (_("kind"), [data.kind], ResourceKind.values),
        (_("maturity level"), [data.maturity], Maturity.values),
        (_("language"), [data.language], Language.values),
        (_("profile"), data.profiles, AudienceProfile.values),
        (_("compass axis"), data.axes, CompassAxis.values),
    ]
    for name, values, allowed in checks:
        for value in values:
            if value not in allowed:
                raise DomainError(UNKNOWN_VALUE % {"field": name, "value": value})


def _write(resource: Resource, data: ResourceData) -> Resource:
    for name in ("kind", "maturity", "language", "territory", "author_organisation", "alliance"):
        setattr(resource, name, getattr(data, name))
    resource.title = data.title.strip()
    resource.summary = data.summary.strip()
    resource.body = data.body.strip()
    resource.save()
    resource.goals.set(data.goals)
    resource.themes.set(data.themes)
    resource.audiences.exclude(profile__in=data.profiles).delete()
    for profile in data.profiles:
        ResourceAudience.objects.get_or_create(resource=resource, profile=profile)
    resource.axes.exclude(axis__in=data.axes).delete()
    for axis in data.axes:
        ResourceAxis.objects.get_or_create(resource=resource, axis=axis)
    resource.links.filter(file="").delete()
    for order, (label, url) in enumerate(data.links):
        ResourceLink.objects.create(resource=resource, label=label, url=url, order=order)
    return resource


@transaction.atomic
def resource_create(*, data: ResourceData, by, is_demo: bool = False) -> Resource:
    """A new resource, as a draft of the person who wrote it."""
    _validate(data)
    resource = _write(
        Resource(
            created_by=by if by is not None and by.is_authenticated else None, is_demo=is_demo
        ),
        data,
    )
    ResourceEvent.objects.create(
        resource=resource, from_state="", to_state=ResourceState.DRAFT, by=resource.created_by
    )
    return resource


@transaction.atomic
def resource_update(*, resource: Resource, data: ResourceData, by) -> Resource:
    if not perms.can_edit_resource(by, resource):
        raise DomainError(NOT_ALLOWED_EDIT)
    _validate(data)
    return _write(Resource.objects.select_for_update().get(pk=resource.pk), data)


@transaction.atomic
def resource_transition(*, resource: Resource, to_state: str, by, note: str = "") -> Resource:
    """Move a resource in the workflow (`RESOURCE_TRANSITIONS`), recording who and when."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    labels = {"from": ResourceState(resource.state).label, "to": to_state}
    if to_state in ResourceState.values:
        labels["to"] = ResourceState(to_state).label
    if not perms.can_transition(by, resource, to_state):
        allowed = RESOURCE_TRANSITIONS.get(resource.state, set())
        message = NOT_ALLOWED_TRANSITION if to_state in allowed else FORBIDDEN_TRANSITION
        raise DomainError(message % labels)
    if to_state == ResourceState.PUBLISHED and not resource.body and not resource.links.exists():
        raise DomainError(PUBLISH_NEEDS_BODY)
    ResourceEvent.objects.create(
        resource=resource, from_state=resource.state, to_state=to_state, by=by, note=note
    )
    resource.state = to_state
    if to_state == ResourceState.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
    resource.save(update_fields=["state", "published_at", "updated_at"])
    return resource


@transaction.atomic
def bookmark_toggle(*, user, resource: Resource) -> bool:
    """Add the bookmark, or remove it if it was there; returns whether it is now bookmarked."""
    deleted, _rows = Bookmark.objects.filter(user=user, resource=resource).delete()
    if deleted:
        return False
    if resource.state != ResourceState.PUBLISHED:
        raise DomainError(BOOKMARK_NOT_PUBLISHED)
    Bookmark.objects.create(user=user, resource=resource)
    return True


@transaction.atomic
def bookmark_set(*, user, resource: Resource, on: bool) -> bool:
    """Bookmark the resource (`on`) or remove the bookmark, whatever it was before; returns
    whether anything changed. Same rule as the toggle: only published resources are added."""
    if not on:
        deleted, _rows = Bookmark.objects.filter(user=user, resource=resource).delete()
        return bool(deleted)
    if resource.state != ResourceState.PUBLISHED:
        raise DomainError(BOOKMARK_NOT_PUBLISHED)
    _bookmark, created = Bookmark.objects.get_or_create(user=user, resource=resource)
    return created
