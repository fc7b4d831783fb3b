import pytest
from django.core import mail
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from alliances.core.errors import DomainError
from alliances.kit.models import AlertDelivery, SavedSearch
from alliances.kit.services.alerts import alerts_send, saved_search_create
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PLATFORM_URL = "https://alliances.example.org"


def _save(user, query: str, label: str = "Ma veille"):
    return saved_search_create(user=user, params=QueryDict(query), label=label)


def test_digest_sends_new_matching_resources_once(capsys):
    ResourceFactory(published=True, title="Charte de coopération ancienne")  # before saving
    user = UserFactory()
    _save(user, "q=cooperation", "Coopération")
    _save(user, "kind=tool", "Outils")
    match_both = ResourceFactory(published=True, title="Outil de coopération", kind="tool")
    match_one = ResourceFactory(published=True, title="Méthode de coopération")
    ResourceFactory(published=True, title="Sans rapport", kind="data")
    ResourceFactory(title="Brouillon de coopération")  # not published

    call_command("send_alerts")
    assert capsys.readouterr().out.strip() == "Alerts: 1 digests sent, 2 resources in them."
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "2 nouvelles ressources pour vos recherches enregistrées"
    assert message.body.count("Outil de coopération") == 1  # in one section only
    assert "Méthode de coopération" in message.body
    assert f"https://alliances.example.org{match_one.get_absolute_url()}" in message.body
    assert "ancienne" not in message.body and "Sans rapport" not in message.body
    assert set(AlertDelivery.objects.values_list("resource_id", flat=True)) == {
        match_both.pk,
        match_one.pk,
    }

    # Running again sends nothing; a new resource comes alone.
    assert alerts_send().users == 0
    newer = ResourceFactory(published=True, title="Nouvelle coopération")
    assert alerts_send().resources == 1
    assert "Nouvelle coopération" in mail.outbox[1].body
    assert "Méthode de coopération" not in mail.outbox[1].body
    assert SavedSearch.objects.filter(last_sent_at__isnull=False).count() == 1
    assert newer.published_at <= timezone.now()


def test_each_person_gets_their_own_digest():
    first, second = UserFactory(), UserFactory()
    _save(first, "q=jardin")
    _save(second, "q=jardin")
    ResourceFactory(published=True, title="Jardin partagé")
    assert alerts_send().users == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])


def test_a_failed_sending_is_retried(monkeypatch):
    user = UserFactory()
    _save(user, "q=jardin")
    ResourceFactory(published=True, title="Jardin partagé")

    def fail(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("alliances.kit.services.alerts.send_mail", fail)
    with pytest.raises(OSError):
        alerts_send()
    assert not AlertDelivery.objects.exists()
    monkeypatch.undo()
    assert alerts_send().resources == 1


def test_saving_needs_a_search_and_a_name(english):
    user = UserFactory()
    with pytest.raises(DomainError, match="at least one word or one filter"):
        _save(user, "page=2&sort=title")
    with pytest.raises(DomainError, match="name"):
        _save(user, "q=jardin", "  ")
    saved = _save(user, "sort=title&q=jardin&page=3")
    assert saved.query_string == "q=jardin"
    assert _save(user, "q=jardin").pk == saved.pk  # the same search once
