import pytest

from meetings.models import Seat, SeatStatus
from press.models import MediaContact
from press.services import page_create
from tests.factories import MembershipFactory


@pytest.fixture
def national_page(event, staff):
    page = page_create(by=staff, event=event)
    page.hashtag = "DayOfAction"
    page.partners = "Faith in Action\nLa Raza Legal Aid"
    page.is_published = True
    page.save()
    return page


@pytest.fixture
def chapter_page(event, chapter, leader):
    page = page_create(by=leader, event=event, chapter=chapter)
    page.is_published = True
    page.save()
    return page


@pytest.fixture
def press_contacts(chapter):
    return [
        MediaContact.objects.create(
            name="Rosa Díaz",
            email="rosa@telemundo.example",
            outlet="Telemundo Minnesota",
            language="Spanish",
            is_ethnic_media=True,
            chapter=chapter,
        ),
        MediaContact.objects.create(
            name="Tom Berg",
            email="tom@startribune.example",
            outlet="Star Tribune",
            market_state="MN",
        ),
        MediaContact.objects.create(
            name="Ann Lee",
            email="ann@tennessean.example",
            outlet="The Tennessean",
            market_state="TN",
        ),
    ]


@pytest.fixture
def delegate(meeting, chapter):
    user = MembershipFactory(chapter=chapter).user
    user.first_name, user.last_name = "Amara", "Okafor"
    user.save()
    Seat.objects.create(meeting=meeting, user=user, status=SeatStatus.CONFIRMED)
    return user
