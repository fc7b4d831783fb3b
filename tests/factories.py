import factory

from alliances.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="fr_FR")
    password = factory.django.Password("a-long-enough-password")

    class Params:
        staff = factory.Trait(is_staff=True, is_superuser=True)
