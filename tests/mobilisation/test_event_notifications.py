import pytest
from django.urls import reverse

from alliances.mobilisation.models import Notification
from alliances.mobilisation.services import notifications
from alliances.territories.models import Territory
from tests.factories import UserFactory
from tests.mobilisation.factories import EventFactory


@pytest.fixture
def lyon(db):
    return Territory.objects.get(kind="commune", code="69123")


def test_followers_of_the_territory_and_of_those_holding_it_are_notified_once(lyon):
    region_follower = UserFactory()
    notifications.follow_toggle(user=region_follower, target=lyon.region)
    both = UserFactory()  # follows the département and the commune: one notification
    notifications.follow_toggle(user=both, target=lyon.departement)
    notifications.follow_toggle(user=both, target=lyon)
    elsewhere = UserFactory()
    notifications.follow_toggle(
        user=elsewhere, target=Territory.objects.get(kind="departement", code="35")
    )
    event = EventFactory(territory=lyon)
    notifications.notify_event(event)
    notifications.notify_event(event)  # saved again: nothing new
    received = Notification.objects.filter(kind="event", cause_id=event.pk)
    assert sorted(received.values_list("recipient_id", flat=True)) == sorted(
        [region_follower.pk, both.pk]
    )
    assert all(event.get_absolute_url() == n.url for n in received)


def test_past_events_and_events_without_a_place_notify_no_one(lyon):
    follower = UserFactory()
    notifications.follow_toggle(user=follower, target=lyon)
    notifications.notify_event(EventFactory(territory=lyon, past=True))
    notifications.notify_event(EventFactory(territory=None, online_url="https://v.example.org"))
    assert not Notification.objects.exists()


# The administration's URL fields warn about Django 6's default scheme; not what is tested here.
@pytest.mark.filterwarnings("ignore::django.utils.deprecation.RemovedInDjango60Warning")
def test_saving_an_event_in_the_administration_notifies(client, lyon):
    admin = UserFactory(staff=True)
    follower = UserFactory()
    notifications.follow_toggle(user=follower, target=lyon.region)
    client.force_login(admin)
    response = client.post(
        reverse("admin:mobilisation_event_add"),
        {
            "title_fr": "Forum local",
            "kind": "forum",
            "starts_at_0": "2099-01-10",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2099-01-10",
            "ends_at_1": "12:00:00",
            "time_zone": "Europe/Paris",
            "territory": lyon.pk,
            "organiser_name": "Collectif",
            "resources-TOTAL_FORMS": "0",
            "resources-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Notification.objects.filter(recipient=follower, kind="event").count() == 1


def test_unread_badge_in_the_header_is_cleared_when_viewed(client, lyon):
    user = UserFactory()
    notifications.follow_toggle(user=user, target=lyon)
    notifications.notify_event(EventFactory(territory=lyon))
    notifications.notify_event(EventFactory(territory=lyon))
    client.force_login(user)
    page = client.get(reverse("web:home")).content.decode()
    assert (
        'class="badge badge-count">2<span class="visually-hidden"> notifications non lues' in page
    )
    listing = client.get(reverse("web:notification_settings")).content.decode()
    assert "badge-count" not in listing  # viewed: marked read
    assert notifications.unread_count(user) == 0
    assert "badge-count" not in client.get(reverse("web:home")).content.decode()


def test_no_badge_for_anonymous_visitors(client, db):
    page = client.get(reverse("web:home")).content.decode()
    assert "notifications-link" not in page
