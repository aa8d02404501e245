"""A participant's packet: the itinerary, then a briefing per meeting, ready to print."""

import pytest
from django.urls import reverse

from meetings.models import MeetingStatus, Seat, SeatStatus
from tests.factories import UserFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.talkingpoints.factories import AskFactory

pytestmark = pytest.mark.django_db


def url(event):
    return reverse("talkingpoints:packet", args=[event.slug])


def meeting_for(person, event, chapter, hour, **fields):
    meeting = MeetingFactory(event=event, chapter=chapter, starts_at=at(event, hour), **fields)
    Seat.objects.create(meeting=meeting, user=person, status=SeatStatus.CONFIRMED)
    return meeting


def test_packet_has_the_itinerary_then_a_briefing_per_meeting(client, member, event, chapter):
    first = meeting_for(member, event, chapter, 9, lawmaker=LawmakerFactory(full_name="Ann Lind"))
    second = meeting_for(member, event, chapter, 11, lawmaker=LawmakerFactory(full_name="Bo Berg"))
    cancelled = meeting_for(
        member, event, chapter, 14, lawmaker=LawmakerFactory(full_name="Cy Dahl")
    )
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save()
    AskFactory(event=event, title="Cut the visa backlogs")
    client.force_login(member)

    page = client.get(url(event)).content.decode()

    assert page.index("My day") < page.index(f'id="briefing-{first.pk}"')
    assert page.index(f'id="briefing-{first.pk}"') < page.index(f'id="briefing-{second.pk}"')
    assert f'id="briefing-{cancelled.pk}"' not in page
    assert "Cy Dahl" in page  # still on the day's list, marked cancelled
    assert page.count('class="packet__page card"') == 2
    assert page.count("Cut the visa backlogs") == 2


def test_packet_without_meetings_points_to_the_sign_up(client, member, event):
    client.force_login(member)

    page = client.get(url(event)).content.decode()

    assert "You have no meetings in this Day of Action yet." in page


def test_packet_needs_a_login_and_a_published_event(client, member, event):
    assert client.get(url(event)).status_code == 302
    event.status = "draft"
    event.save()
    client.force_login(member)
    assert client.get(url(event)).status_code == 403


def test_packet_shows_only_my_own_meetings(client, member, event, chapter):
    mine = meeting_for(member, event, chapter, 9)
    theirs = meeting_for(UserFactory(), event, chapter, 10)
    client.force_login(member)

    page = client.get(url(event)).content.decode()

    assert f'id="briefing-{mine.pk}"' in page
    assert f'id="briefing-{theirs.pk}"' not in page


def test_packet_query_count_is_constant(client, member, event, chapter, django_assert_num_queries):
    client.force_login(member)
    meeting_for(member, event, chapter, 8)
    AskFactory(event=event)
    client.get(url(event))
    # 17, and whether the member keeps the offices' contacts (talkingpoints.office_panels)
    with django_assert_num_queries(20):  # + marking the packet opened, + the programme items
        client.get(url(event))

    for hour in range(9, 15):
        meeting = meeting_for(member, event, chapter, hour)
        Seat.objects.create(meeting=meeting, user=UserFactory(), status=SeatStatus.CONFIRMED)
        AskFactory(event=event)
    with django_assert_num_queries(20):
        client.get(url(event))


def test_itinerary_links_each_briefing_and_the_packet(client, member, event, chapter):
    meeting = meeting_for(member, event, chapter, 9)
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[event.slug])).content.decode()

    assert reverse("talkingpoints:briefing", args=[meeting.pk]) in page
    assert url(event) in page
