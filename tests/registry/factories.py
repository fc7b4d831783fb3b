import factory

from alliances.registry.enums import (
    AllianceType,
    MembershipRole,
    Publication,
    World,
)
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.territories.models import Territory


def commune(code: str) -> Territory:
    return Territory.objects.get(kind="commune", code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Association numéro {n}")
    world = World.ASSOCIATION
    commune = factory.LazyFunction(lambda: commune("01053"))

    class Params:
        company = factory.Trait(
            world=World.COMPANY, name=factory.Sequence(lambda n: f"Société {n}")
        )
        local_authority = factory.Trait(world=World.PUBLIC)


class AllianceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alliance
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Alliance pour le territoire {n}")
    summary = "Des associations, des entreprises et une commune agissent ensemble."
    alliance_type = AllianceType.COOPERATION
    publication = Publication.PUBLISHED

    class Params:
        submitted = factory.Trait(publication=Publication.SUBMITTED)

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if create:
            self.territories.set(extracted if extracted is not None else [commune("01053")])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.PARTNER


class CatalystFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Catalyst
        skip_postgeneration_save = True

    person_name = factory.Faker("name", locale="fr_FR")

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if create:
            self.territories.set(
                extracted or [Territory.objects.get(kind="departement", code="01")]
            )
