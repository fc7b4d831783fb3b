import pytest

from alliances.core.errors import DomainError
from alliances.kit import perms
from alliances.kit.enums import ResourceState
from alliances.kit.models import ResourceEvent
from alliances.kit.rendering import render_markdown
from alliances.kit.services.resources import (
    NO_PROFILE,
    PUBLISH_NEEDS_BODY,
    ResourceData,
    bookmark_toggle,
    resource_create,
    resource_transition,
    resource_update,
)
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory

pytestmark = pytest.mark.django_db

D, S, P, A = (
    ResourceState.DRAFT,
    ResourceState.SUBMITTED,
    ResourceState.PUBLISHED,
    ResourceState.ARCHIVED,
)
ALL_MOVES = [(f, t) for f in (D, S, P, A) for t in (D, S, P, A) if f != t]
EDITOR_ALLOWED = {(D, S), (S, P), (S, D), (P, A), (A, P), (A, D)}
AUTHOR_ALLOWED = {(D, S), (S, D)}


def _data(**changes) -> ResourceData:
    values = {
        "kind": "tool",
        "title": "Grille d'évaluation",
        "summary": "Une grille.",
        "maturity": "start",
        "profiles": ["association"],
        "body": "Texte",
    }
    return ResourceData(**(values | changes))


@pytest.mark.parametrize(("from_state", "to_state"), ALL_MOVES)
@pytest.mark.parametrize("role", ["editor", "author", "other"])
def test_every_transition_for_every_role(from_state, to_state, role):
    author = UserFactory()
    user = {"editor": UserFactory(staff=True), "author": author, "other": UserFactory()}[role]
    resource = ResourceFactory(state=from_state, created_by=author)
    allowed = EDITOR_ALLOWED if role == "editor" else AUTHOR_ALLOWED if role == "author" else set()
    if (from_state, to_state) in allowed:
        resource_transition(resource=resource, to_state=to_state, by=user, note="ok")
        resource.refresh_from_db()
        assert resource.state == to_state
        event = ResourceEvent.objects.get(resource=resource)
        assert (event.from_state, event.to_state, event.by, event.note) == (
            from_state,
            to_state,
            user,
            "ok",
        )
        assert (resource.published_at is not None) == (to_state == P)
    else:
        with pytest.raises(DomainError):
            resource_transition(resource=resource, to_state=to_state, by=user)
        resource.refresh_from_db()
        assert resource.state == from_state
        assert not ResourceEvent.objects.filter(resource=resource).exists()


def test_create_records_the_draft_and_the_author():
    user = UserFactory()
    resource = resource_create(data=_data(axes=["governance"]), by=user)
    assert resource.state == D and resource.created_by == user
    assert resource.profiles == ["association"]
    assert [a.axis for a in resource.axes.all()] == ["governance"]
    assert ResourceEvent.objects.get(resource=resource).to_state == D
    assert resource.search_text == "grille d evaluation une grille texte"


def test_validation_comes_before_any_write(english):
    with pytest.raises(DomainError) as raised:
        resource_create(data=_data(profiles=[]), by=UserFactory())
    assert str(raised.value) == str(NO_PROFILE)
    with pytest.raises(DomainError, match="Unknown maturity level"):
        resource_create(data=_data(maturity="expert"), by=UserFactory())


def test_authors_edit_their_drafts_only():
    author, other = UserFactory(), UserFactory()
    resource = resource_create(data=_data(), by=author)
    resource_update(resource=resource, data=_data(title="Nouveau titre"), by=author)
    resource.refresh_from_db()
    assert resource.title == "Nouveau titre"
    with pytest.raises(DomainError):
        resource_update(resource=resource, data=_data(), by=other)
    resource_transition(resource=resource, to_state=S, by=author)
    resource.refresh_from_db()
    assert not perms.can_edit_resource(author, resource)
    assert perms.can_edit_resource(UserFactory(staff=True), resource)


def test_publishing_needs_a_body_or_a_link(english):
    editor = UserFactory(staff=True)
    resource = ResourceFactory(state=S, body="")
    with pytest.raises(DomainError) as raised:
        resource_transition(resource=resource, to_state=P, by=editor)
    assert str(raised.value) == str(PUBLISH_NEEDS_BODY)


def test_bookmarks_toggle_and_refuse_unpublished():
    user = UserFactory()
    resource = ResourceFactory(published=True)
    assert bookmark_toggle(user=user, resource=resource) is True
    assert bookmark_toggle(user=user, resource=resource) is False
    with pytest.raises(DomainError):
        bookmark_toggle(user=user, resource=ResourceFactory())


def test_markdown_is_rendered_and_sanitised():
    html = render_markdown(
        "# Titre\n\nTexte **gras** [lien](https://example.org) [x](javascript:alert(1))\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
    )
    assert "<h2>Titre</h2>" in html
    assert "<strong>gras</strong>" in html
    assert 'href="https://example.org"' in html
    assert "javascript:" not in html
    assert "<script" not in html and "<img" not in html and "onerror" not in html
