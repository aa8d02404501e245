"""Video and phone meetings: the leader's form, the member's itinerary, the calendar entry."""

import datetime

import icalendar
import pytest
import time_machine
from django.urls import reverse

from events.models import EventFormat
from meetings.calendar import calendar_for, calendar_seats
from meetings.models import LineHost, Meeting, MeetingMode, Seat, SeatStatus
from meetings.services import MeetingError, meeting_update
from members.services import profile_for
from tests.factories import EventFactory, at
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_leader_meetings import create_url, form_data, manage_url

pytestmark = pytest.mark.django_db

ZOOM = "https://us02web.zoom.us/j/85512345678?pwd=abc"


def edit_url(meeting):
    return reverse("meetings:meeting_edit", args=[meeting.pk])


@pytest.fixture
def hybrid(db):
    return EventFactory(name="Hybrid Day", slug="hybrid", format=EventFormat.HYBRID)


def video_meeting(event, chapter, hour=13, **fields):
    return MeetingFactory(
        event=event,
        chapter=chapter,
        starts_at=at(event, hour),
        ends_at=at(event, hour, 20),
        mode=MeetingMode.VIDEO,
        building="",
        room="",
        join_url=ZOOM,
        **fields,
    )


def in_california(user):
    profile = profile_for(user=user)
    profile.state = "CA"
    profile.save()
    user.profile = profile  # the one the pages read
    return user


# The leader's form ---------------------------------------------------------------------


def test_video_meeting_created_with_a_zoom_link_has_no_room(client_as, event, chapter, senator):
    response = client_as("leader").post(
        create_url(event, chapter), form_data(senator, mode="video", join_url=ZOOM)
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.mode, meeting.join_url, meeting.building, meeting.room) == (
        "video",
        ZOOM,
        "",
        "",
    )
    assert meeting.join_provider == "Zoom"
    assert meeting.place == "Video call (Zoom)"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"mode": "video", "join_url": "http://zoom.us/j/1"}, "join_url", "https://"),
        ({"mode": "video", "join_url": "zoom dot us"}, "join_url", "not a web address"),
        ({"mode": "in_person", "join_url": ZOOM}, "join_url", "has no join link"),
        ({"mode": "in_person", "phone_number": "202-555-0100"}, "phone_number", "dial-in"),
        ({"mode": "phone", "phone_number": ""}, "phone_number", "needs the number to dial"),
        ({"mode": "video", "huddle_url": "http://x.example"}, "huddle_url", "https://"),
    ],
)
def test_meeting_form_refuses_bad_lines_and_keeps_the_input(
    client_as, event, chapter, senator, changes, field, words
):
    data = form_data(senator, **changes)

    response = client_as("leader").post(create_url(event, chapter), data)

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert words in errors
    assert not Meeting.objects.exists()
    page = response.content.decode()
    assert "Jo Staffer" in page  # nothing typed is lost


def test_meeting_form_makes_a_room_on_our_server(client_as, event, chapter, senator, settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"

    client_as("leader").post(
        create_url(event, chapter),
        form_data(senator, mode="video", make_room="on", want_huddle="on"),
    )

    meeting = Meeting.objects.get()
    assert meeting.join_url.startswith("https://video.example.org/dayofaction-")
    assert meeting.huddle_url.startswith("https://video.example.org/huddle-")
    assert meeting.join_provider == "our video server"


def test_office_link_wins_over_making_a_room(client_as, event, chapter, senator, settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"

    client_as("leader").post(
        create_url(event, chapter),
        form_data(senator, mode="video", line_host="office", join_url=ZOOM, make_room="on"),
    )

    meeting = Meeting.objects.get()
    assert (meeting.join_url, meeting.line_host) == (ZOOM, LineHost.OFFICE)
    assert not meeting.on_our_line


def test_phone_meeting_keeps_number_and_pin(client_as, event, chapter, senator):
    client_as("leader").post(
        create_url(event, chapter),
        form_data(senator, mode="phone", phone_number="+1 202-555-0100", phone_pin="4411#"),
    )

    meeting = Meeting.objects.get()
    assert (meeting.place, meeting.phone_number, meeting.phone_pin) == (
        "Phone call",
        "+1 202-555-0100",
        "4411#",
    )


@pytest.mark.parametrize("role", ["anonymous", "member", "other_leader"])
def test_only_the_chapters_leaders_and_staff_change_a_meetings_link(client_as, meeting, role):
    response = client_as(role).post(
        edit_url(meeting), form_data(meeting.lawmaker, mode="video", join_url=ZOOM)
    )

    assert response.status_code in (302, 403, 404)
    meeting.refresh_from_db()
    assert meeting.join_url == ""


def test_service_refuses_a_link_on_an_office_visit(meeting, leader):
    with pytest.raises(MeetingError, match="has no join link"):
        meeting_update(meeting=meeting, by=leader, join_url=ZOOM)


def test_changed_join_link_is_announced_with_the_new_link(
    hybrid, chapter, member, leader, django_capture_on_commit_callbacks
):
    from django.core import mail

    meeting = video_meeting(hybrid, chapter)
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    new_link = "https://meet.google.com/abc-defg-hij"

    with django_capture_on_commit_callbacks(execute=True):
        meeting_update(meeting=meeting, by=leader, join_url=new_link)

    [notice] = [m for m in mail.outbox if member.email in m.to]
    assert new_link in notice.body
    assert "Google Meet" in notice.body


# The member's itinerary ----------------------------------------------------------------


def test_itinerary_shows_her_time_with_the_offices_beside(client, hybrid, chapter, member):
    in_california(member)
    meeting = video_meeting(hybrid, chapter)
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[hybrid.slug])).content.decode()

    assert "10:00 AM your time · 1:00 PM in Washington" in page
    assert "<strong>10:00 AM</strong>" in page


@pytest.mark.parametrize(
    ("minutes_before", "live"), [(30, False), (11, False), (10, True), (0, True)]
)
def test_join_button_is_live_from_ten_minutes_before(
    client, hybrid, chapter, member, minutes_before, live
):
    meeting = video_meeting(hybrid, chapter)
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)

    moment = meeting.starts_at - datetime.timedelta(minutes=minutes_before)
    with time_machine.travel(moment, tick=False):
        client.force_login(member)
        page = client.get(reverse("meetings:itinerary", args=[hybrid.slug])).content.decode()

    assert ("data-join-later" not in page) is live
    assert ZOOM.replace("&", "&amp;") in page  # hidden until then, for the page's script
    assert ('data-join-at="' not in page) is live


def test_waitlisted_member_does_not_get_the_join_link(client, hybrid, chapter, member):
    meeting = video_meeting(hybrid, chapter)
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.WAITLISTED)
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[hybrid.slug])).content.decode()

    assert ZOOM not in page


# The calendar entry --------------------------------------------------------------------


def test_calendar_entry_carries_the_link_as_conference_location_and_url(hybrid, chapter, member):
    in_california(member)
    meeting = video_meeting(hybrid, chapter, phone_number="+1 202 555 0100", phone_pin="4411")
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)

    ics = calendar_for(user=member, seats=calendar_seats(user=member), site="https://x.test")
    [entry] = icalendar.Calendar.from_ical(ics).walk("VEVENT")

    conferences = entry.get("conference")
    assert [str(c) for c in conferences] == [ZOOM, "tel:+12025550100,,4411"]
    assert conferences[0].params["FEATURE"] == ["AUDIO", "VIDEO"]
    assert conferences[0].params["LABEL"] == "Zoom"
    assert conferences[1].params["FEATURE"] == "PHONE"
    assert str(entry["location"]) == ZOOM
    assert str(entry["url"]) == ZOOM
    start = entry.decoded("dtstart")
    assert (str(start.tzinfo), start.hour) == ("America/Los_Angeles", 10)
    assert start == meeting.starts_at
    assert "10:00 AM your time · 1:00 PM in Washington" in str(entry["description"])


def test_calendar_entry_of_an_office_visit_has_no_conference(meeting, member):
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)

    ics = calendar_for(user=member, seats=calendar_seats(user=member))
    [entry] = icalendar.Calendar.from_ical(ics).walk("VEVENT")

    assert entry.get("conference") is None
    assert "Hart" in str(entry["location"])
    assert manage_url(meeting)  # the meeting page itself is untouched


# The leaders' board on their own clock ---------------------------------------------------


def test_board_switches_between_the_offices_time_and_the_leaders(client, hybrid, chapter, leader):
    in_california(leader)
    video_meeting(hybrid, chapter, hour=13)
    client.force_login(leader)
    url = reverse("meetings:board", args=[hybrid.slug, chapter.slug])

    offices = client.get(url).content.decode()
    mine = client.get(url + "?zone=mine").content.decode()

    assert "times in America/New_York" in offices
    assert "Show my own time" in offices
    assert "times in America/Los_Angeles" in mine
    assert "Show the offices" in mine
    assert "<strong>1:00</strong>" in offices and "<strong>10:00</strong>" in mine
    assert ">1 PM</div>" in offices and ">10 AM</div>" in mine  # the hours of the timeline
    assert "Video call (Zoom)" in offices


@pytest.mark.parametrize("role", ["member", "other_leader"])
def test_board_in_my_zone_is_still_only_for_the_chapters_leaders(client_as, hybrid, chapter, role):
    url = reverse("meetings:board", args=[hybrid.slug, chapter.slug]) + "?zone=mine"

    assert client_as(role).get(url).status_code in (403, 404)


def test_sign_up_list_names_the_call_but_never_shows_its_link(client, hybrid, chapter, member):
    video_meeting(hybrid, chapter)
    client.force_login(member)

    page = client.get(reverse("meetings:open", args=[hybrid.slug])).content.decode()

    assert "Video call (Zoom)" in page
    assert ZOOM not in page


def test_itinerary_asks_for_a_time_zone_it_cannot_work_out(client, hybrid, chapter, member):
    profile = profile_for(user=member)
    profile.state = "TN"  # Central and Eastern: never guessed
    profile.save()
    Seat.objects.create(
        meeting=video_meeting(hybrid, chapter), user=member, status=SeatStatus.CONFIRMED
    )
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[hybrid.slug])).content.decode()

    assert "we do not know your time zone yet" in page
    assert reverse("profile_edit") in page


@pytest.mark.parametrize(
    ("attendance", "shown"),
    [("in_person", "<strong>1:00 PM</strong>"), ("virtual", "<strong>10:00 AM</strong>")],
)
def test_hybrid_day_reads_the_offices_clock_for_those_who_are_there(
    client, hybrid, chapter, member, attendance, shown
):
    from tests.meetings.factories import RegistrationFactory

    in_california(member)
    RegistrationFactory(event=hybrid, user=member, attendance=attendance)
    Seat.objects.create(
        meeting=video_meeting(hybrid, chapter), user=member, status=SeatStatus.CONFIRMED
    )
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[hybrid.slug])).content.decode()

    assert shown in page


def test_in_person_day_reads_the_offices_clock_even_from_california(
    client, event, chapter, member
):
    in_california(member)
    meeting = MeetingFactory(
        event=event, chapter=chapter, starts_at=at(event, 13), ends_at=at(event, 13, 20)
    )
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    client.force_login(member)

    page = client.get(reverse("meetings:itinerary", args=[event.slug])).content.decode()

    assert "<strong>1:00 PM</strong>" in page
    assert "your time" not in page
