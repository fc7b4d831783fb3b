import pytest

from alliances.kit.enums import AudienceProfile, Maturity, ResourceKind, ResourceState
from alliances.kit.models import Assessment, GuidedPath, Resource, ResourceAudience
from alliances.kit.services.demo import kit_demo_load

pytestmark = pytest.mark.django_db


def test_demo_covers_every_kind_profile_and_level_and_is_idempotent():
    resources, paths = kit_demo_load()
    assert resources >= 40 and paths == 3
    demo = Resource.objects.filter(is_demo=True, state=ResourceState.PUBLISHED)
    assert demo.count() == resources
    assert set(demo.values_list("kind", flat=True)) == set(ResourceKind.values)
    assert set(demo.values_list("maturity", flat=True)) == set(Maturity.values)
    assert set(
        ResourceAudience.objects.filter(resource__is_demo=True).values_list("profile", flat=True)
    ) == set(AudienceProfile.values)
    assert set(demo.values_list("language", flat=True)) == {"fr", "en"}
    assert all(path.steps.count() >= 4 for path in GuidedPath.objects.all())
    assessments = Assessment.objects.filter(is_demo=True).count()
    assert assessments >= 10

    assert kit_demo_load() == (resources, paths)
    assert Resource.objects.count() == resources
    assert Assessment.objects.filter(is_demo=True).count() == assessments
