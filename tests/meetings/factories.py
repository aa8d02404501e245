import datetime

import factory

from events.models import Registration
from lawmakers.models import Building, CapitolSide, Chamber, Lawmaker, Level
from meetings.models import Meeting
from tests.factories import ChapterFactory, EventFactory


class LawmakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lawmaker

    public_id = factory.Sequence(lambda n: f"T{n:06d}")
    level = Level.FEDERAL
    chamber = Chamber.UPPER
    state = "MN"
    party = "Democrat"
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    full_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    office_building = Building.HART
    office_room = factory.Sequence(lambda n: str(300 + n))
    capitol_side = CapitolSide.SENATE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    event = factory.SubFactory(EventFactory)
    chapter = factory.SubFactory(ChapterFactory)
    lawmaker = factory.SubFactory(LawmakerFactory)
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.event.date, datetime.time(10, 0), tzinfo=o.event.zone
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=20))
    building = factory.LazyAttribute(lambda o: o.lawmaker.office_building)
    room = factory.LazyAttribute(lambda o: o.lawmaker.office_room)
    seats = 5


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration
