import datetime

import factory
from django.utils import timezone

from coalitions.models import CoalitionEvent, Guest, GuestKind, Partner, PartnerKind, Principles
from tests.factories import ChapterFactory


class CoalitionEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoalitionEvent

    chapter = factory.SubFactory(ChapterFactory)
    name = factory.Sequence(lambda n: f"Community forum {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    venue = "Central Library, Pohlad Hall"
    address = "300 Nicollet Mall, Minneapolis, MN 55401"
    asks = "Fund counsel for people who cannot pay\nAn independent immigration court"


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guest

    event = factory.SubFactory(CoalitionEventFactory)
    kind = GuestKind.PUBLIC
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = PartnerKind.FAITH

    @factory.post_generation
    def chapters(self, create, extracted, **kwargs):
        if create and extracted:
            self.chapters.set(extracted)


class PrinciplesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principles

    chapter = factory.SubFactory(ChapterFactory)
    title = "Principles for a fair immigration system"
    text = "Families belong together.\nDue process for everyone."
