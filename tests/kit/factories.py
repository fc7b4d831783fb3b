import factory
from django.utils import timezone

from alliances.kit.enums import Maturity, ResourceKind, ResourceState
from alliances.kit.models import Resource, ResourceAudience, ResourceAxis


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    kind = ResourceKind.METHOD
    title = factory.Sequence(lambda n: f"Méthode de coopération numéro {n}")
    summary = "Une méthode pour travailler ensemble entre associations et entreprises."
    body = "## Étapes\n\n1. Se rencontrer.\n2. Décider ensemble."
    maturity = Maturity.START
    state = ResourceState.DRAFT

    class Params:
        published = factory.Trait(
            state=ResourceState.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )

    @factory.post_generation
    def profiles(self, create, extracted, **kwargs):
        if create:
            for profile in extracted if extracted is not None else ["association"]:
                ResourceAudience.objects.create(resource=self, profile=profile)

    @factory.post_generation
    def axes(self, create, extracted, **kwargs):
        if create:
            for axis in extracted or []:
                ResourceAxis.objects.create(resource=self, axis=axis)
