import datetime

import factory

from events.models import Registration
from meetings.models import Meeting
from tests.factories import ChapterFactory, EventFactory, at
from tests.lawmakers.factories import SenatorFactory


class LawmakerFactory(SenatorFactory):
    """A senator with a Hart office of their own, the office a meeting is with by default.

    A subclass of the lawmakers' factory, so the two share one sequence of ids.
    """

    office_raw = ""
    office_room = factory.Sequence(lambda n: str(300 + n))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    event = factory.SubFactory(EventFactory)
    chapter = factory.SubFactory(ChapterFactory)
    lawmaker = factory.SubFactory(LawmakerFactory)
    starts_at = factory.LazyAttribute(lambda o: at(o.event, 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=20))
    building = factory.LazyAttribute(lambda o: o.lawmaker.office_building)
    room = factory.LazyAttribute(lambda o: o.lawmaker.office_room)
    seats = 5


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration
