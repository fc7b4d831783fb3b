from datetime import timedelta

import factory
from django.utils import timezone

from alliances.mobilisation.enums import EventKind
from alliances.mobilisation.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Rencontre des alliances n°{n}")
    title_en = factory.Sequence(lambda n: f"Alliances meeting no. {n}")
    kind = EventKind.LOCAL_CONFERENCE
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    organiser_name = "Collectif des catalyseurs"
    address = "1 place de la Mairie"

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
        )
