from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from alliances.insights.freshness import freshness_of_territory
from alliances.insights.models import FreshnessCount
from alliances.insights.services.refresh import insights_refresh
from alliances.registry.models import Alliance, Organisation
from alliances.territories.models import Territory
from tests.registry.factories import AllianceFactory, OrganisationFactory


def test_share_confirmed_within_a_year_per_territory(client, db):
    old = timezone.now() - timedelta(days=500)
    fresh_org = OrganisationFactory()
    stale_org = OrganisationFactory()
    Organisation.objects.filter(pk=stale_org.pk).update(created_at=old)
    stale_alliance = AllianceFactory()
    Alliance.objects.filter(pk=stale_alliance.pk).update(created_at=old, published_at=old)
    AllianceFactory()  # fresh
    insights_refresh()
    commune = fresh_org.commune
    here = freshness_of_territory(commune.departement)
    assert (here["organisation"].confirmed, here["organisation"].total) == (1, 2)
    assert here["organisation"].share == 0.5
    assert (here["alliance"].confirmed, here["alliance"].total) == (1, 2)
    france = freshness_of_territory(None)
    assert france["organisation"].total == 2 and france["alliance"].total == 2
    Organisation.objects.filter(pk=stale_org.pk).update(confirmed_at=timezone.now())
    insights_refresh()
    assert freshness_of_territory(commune.departement)["organisation"].confirmed == 2
    assert FreshnessCount.objects.filter(territory=commune.region, kind="organisation").exists()

    departement = Territory.objects.get(pk=commune.departement_id)
    page = client.get(
        reverse("web:diagnostic", kwargs={"kind": "departement", "code": departement.code})
    )
    text = page.content.decode()
    assert "Fraîcheur des fiches" in text
    assert "100\u202f%" in text
