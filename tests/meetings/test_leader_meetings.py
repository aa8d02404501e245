"""Scheduling from the leaders' pages: forms, conflicts, status, seats and the history."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from events.models import Level
from lawmakers.models import Level as LawmakerLevel
from meetings.models import Meeting, MeetingChange, MeetingStatus, Seat, SeatStatus
from meetings.seats import seat_take
from tests.factories import EventFactory, MembershipFactory, UserFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory


def create_url(event, chapter):
    return reverse("meetings:meeting_create", args=[event.slug, chapter.slug])


def manage_url(meeting):
    return reverse("meetings:meeting_manage", args=[meeting.pk])


def form_data(office, **changes):
    return {
        "lawmaker": office.pk,
        "start_time": "09:30",
        "minutes": "20",
        "kind": "staff",
        "building": "",
        "room": "",
        "location_note": "",
        "contact_name": "Jo Staffer",
        "contact_email": "jo@senate.example",
        "seats": "4",
        "reserved_for_constituents": "1",
        "reserved_for_first_timers": "0",
        "lead": "",
        "notes": "Bring the leave-behind.",
        **changes,
    }


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_meeting_create_fills_the_place_from_the_office(client_as, event, chapter, senator):
    response = client_as("leader").post(create_url(event, chapter), form_data(senator))

    assert response.url == reverse("meetings:board", args=[event.slug, chapter.slug])
    meeting = Meeting.objects.get()
    assert (meeting.building, meeting.room) == ("hart", "425")
    assert (meeting.starts_at, meeting.duration_minutes) == (at(event, 9, 30), 20)
    assert (meeting.contact_name, meeting.seats, meeting.reserved_for_constituents) == (
        "Jo Staffer",
        4,
        1,
    )
    assert meeting.status == MeetingStatus.REQUESTED
    assert list(meeting.changes.values_list("summary", flat=True)) == ["Meeting created"]


def test_meeting_create_keeps_a_place_the_leader_typed(client_as, event, chapter, senator):
    client_as("leader").post(
        create_url(event, chapter), form_data(senator, building="capitol", room="S-120")
    )
    assert Meeting.objects.values_list("building", "room").get() == ("capitol", "S-120")


def test_meeting_create_preselects_the_office_from_the_board(client_as, event, chapter, senator):
    response = client_as("leader").get(create_url(event, chapter) + f"?lawmaker={senator.pk}")
    assert f'<option value="{senator.pk}" selected>' in response.content.decode()


def test_lawmaker_picker_offers_serving_members_of_congress_for_a_national_day(
    client_as, event, chapter, senator
):
    LawmakerFactory(last_name="Retired", is_serving=False)
    LawmakerFactory(last_name="Statehouse", level=LawmakerLevel.STATE, state="MN")
    form = client_as("leader").get(create_url(event, chapter)).context["form"]
    assert [lawmaker.last_name for lawmaker in form.lawmaker_list] == ["Larsen"]


def test_lawmaker_picker_offers_the_states_legislators_for_a_state_day(client_as, chapter):
    day = EventFactory(level=Level.STATE, state="TN")
    LawmakerFactory(last_name="Washington")
    LawmakerFactory(last_name="Nashville", level=LawmakerLevel.STATE, state="TN")
    LawmakerFactory(last_name="SaintPaul", level=LawmakerLevel.STATE, state="MN")
    form = client_as("leader").get(create_url(day, chapter)).context["form"]
    assert [lawmaker.last_name for lawmaker in form.lawmaker_list] == ["Nashville"]


def test_meeting_create_same_office_overlapping_is_refused_and_input_kept(
    client_as, event, chapter, meeting, senator
):
    response = client_as("leader").post(
        create_url(event, chapter), form_data(senator, start_time="10:10")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "already has a meeting from 10:00 to 10:20 AM" in page
    assert "Bring the leave-behind." in page
    assert Meeting.objects.count() == 1


def test_meeting_create_outside_the_day_is_refused(client_as, event, chapter, senator):
    response = client_as("leader").post(
        create_url(event, chapter), form_data(senator, start_time="17:50")
    )
    assert "must fall within the day of the event" in response.content.decode()
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    "junk",
    [
        {"lawmaker": "999999"},
        {"lawmaker": "abc"},
        {"start_time": "25:99"},
        {"minutes": "0"},
        {"minutes": "-20"},
        {"seats": "many"},
        {"contact_email": "not-an-email"},
        {"lead": "999999"},
        {"kind": "séance"},
        {"building": "pentagon"},
        {"room": "x" * 500},
    ],
)
def test_meeting_create_junk_rerenders_the_form(client_as, event, chapter, senator, junk):
    response = client_as("leader").post(create_url(event, chapter), form_data(senator, **junk))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_meeting_create_lead_from_another_chapter_is_refused(
    client_as, event, chapter, senator, other_leader
):
    response = client_as("leader").post(
        create_url(event, chapter), form_data(senator, lead=other_leader.pk)
    )
    assert response.status_code == 200
    assert Meeting.objects.count() == 0


def test_meeting_with_an_office_another_chapter_meets_warns_both_leaders(
    client_as, event, chapter, other_chapter, representative, other_meeting
):
    response = client_as("leader").post(
        create_url(event, chapter), form_data(representative, start_time="14:00")
    )

    assert any("Tennessee also has a meeting with Ilhan Osei" in text for text in texts(response))
    mine = Meeting.objects.get(chapter=chapter)
    ours = client_as("leader").get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    assert "Tennessee also has a meeting with Ilhan Osei" in ours.content.decode()
    assert (
        "Tennessee also has a meeting"
        in client_as("leader").get(manage_url(mine)).content.decode()
    )
    theirs = client_as("other_leader").get(
        reverse("meetings:board", args=[event.slug, other_chapter.slug])
    )
    assert "Minnesota/Dakotas also has a meeting with Ilhan Osei" in theirs.content.decode()


def test_meeting_edit_changes_time_and_keeps_the_history(client_as, event, meeting, senator):
    client = client_as("leader")
    response = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        form_data(senator, start_time="11:00", minutes="30", room="SH-425", seats="3"),
    )

    assert response.url == manage_url(meeting)
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.duration_minutes, meeting.room) == (
        at(event, 11),
        30,
        "SH-425",
    )
    page = client.get(manage_url(meeting)).content.decode()
    assert "Changed starts at, ends at, room, office contact" in page
    change = meeting.changes.first()
    assert {"starts_at", "ends_at", "room"} <= set(change.fields)
    assert "building" not in change.fields


def test_meeting_edit_outside_the_day_keeps_the_meeting(client_as, meeting, senator):
    response = client_as("leader").post(
        reverse("meetings:meeting_edit", args=[meeting.pk]), form_data(senator, start_time="06:00")
    )
    assert response.status_code == 200
    assert "must fall within the day" in response.content.decode()
    assert Meeting.objects.get().starts_at == meeting.starts_at


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ([MeetingStatus.SCHEDULED, MeetingStatus.CONFIRMED, MeetingStatus.HELD], True),
        ([MeetingStatus.SCHEDULED, MeetingStatus.NO_SHOW], True),
        ([MeetingStatus.CANCELLED, MeetingStatus.REQUESTED], True),
        ([MeetingStatus.HELD], False),
        ([MeetingStatus.CONFIRMED], False),
    ],
    ids=["to-held", "no-show", "cancel-and-retry", "requested-to-held", "requested-to-confirmed"],
)
def test_meeting_status_follows_the_meetings_life(client_as, meeting, leader, path, allowed):
    client = client_as("leader")
    url = reverse("meetings:meeting_status", args=[meeting.pk])
    for status in path:
        response = client.post(url, {"status": status})
    meeting.refresh_from_db()
    if allowed:
        assert meeting.status == path[-1]
        summaries = list(
            meeting.changes.filter(fields__has_key="status").values_list("changed_by", flat=True)
        )
        assert summaries == [leader.pk] * len(path)
    else:
        assert meeting.status == MeetingStatus.REQUESTED
        assert any("cannot become" in text for text in texts(response))


@pytest.mark.parametrize("junk", [{}, {"status": "teleported"}, {"status": "x" * 1000}])
def test_meeting_status_junk_is_a_message(client_as, meeting, junk):
    response = client_as("leader").post(
        reverse("meetings:meeting_status", args=[meeting.pk]), junk, follow=True
    )
    assert response.status_code == 200
    assert Meeting.objects.get().status == MeetingStatus.REQUESTED


def test_meeting_page_shows_the_history_with_who(client_as, meeting, leader, staff):
    client_as("staff").post(
        reverse("meetings:meeting_status", args=[meeting.pk]), {"status": "scheduled"}
    )
    page = client_as("leader").get(manage_url(meeting)).content.decode()
    assert "Status: Requested → Scheduled" in page
    assert str(staff) in page


def capacity(meeting, **changes):
    return {
        "seats": meeting.seats,
        "reserved_for_constituents": 0,
        "reserved_for_first_timers": 0,
        **changes,
    }


def test_meeting_capacity_fewer_seats_than_people_is_refused(client_as, meeting, chapter):
    for _ in range(3):
        seat_take(meeting_id=meeting.pk, user=MembershipFactory(chapter=chapter).user)
    response = client_as("leader").post(
        reverse("meetings:meeting_capacity", args=[meeting.pk]), capacity(meeting, seats=2)
    )
    assert any("needs at least 3 seats" in text for text in texts(response))
    assert Meeting.objects.get().seats == 3


def test_meeting_capacity_more_seats_promotes_the_waitlist(client_as, meeting, chapter):
    people = [MembershipFactory(chapter=chapter).user for _ in range(5)]
    for person in people:
        seat_take(meeting_id=meeting.pk, user=person)
    assert Seat.objects.filter(status=SeatStatus.WAITLISTED).count() == 2

    response = client_as("leader").post(
        reverse("meetings:meeting_capacity", args=[meeting.pk]), capacity(meeting, seats=4)
    )

    meeting.refresh_from_db()
    assert (meeting.seats, meeting.seats_taken) == (4, 4)
    assert Seat.objects.get(user=people[3]).status == SeatStatus.CONFIRMED
    assert Seat.objects.get(user=people[4]).status == SeatStatus.WAITLISTED
    assert any("now has a seat" in text for text in texts(response))


def test_meeting_capacity_closes_signup_and_reserves_seats(client_as, meeting):
    client_as("leader").post(
        reverse("meetings:meeting_capacity", args=[meeting.pk]),
        capacity(meeting, reserved_for_constituents=2, signup_closed="on"),
    )
    meeting.refresh_from_db()
    assert (meeting.signup_closed, meeting.reserved_for_constituents) == (True, 2)


@pytest.mark.parametrize("junk", [{}, {"seats": "-1"}, {"seats": "lots"}])
def test_meeting_capacity_junk_is_a_message(client_as, meeting, junk):
    response = client_as("leader").post(
        reverse("meetings:meeting_capacity", args=[meeting.pk]), junk, follow=True
    )
    assert response.status_code == 200
    assert Meeting.objects.get().seats == 3


def test_meeting_roles_set_lead_and_note_taker(client_as, meeting, member, leader):
    client_as("leader").post(
        reverse("meetings:meeting_roles", args=[meeting.pk]),
        {"lead": member.pk, "note_taker": leader.pk},
    )
    meeting.refresh_from_db()
    assert (meeting.lead, meeting.note_taker) == (member, leader)


def test_meeting_roles_refuse_an_outsider(client_as, meeting):
    outsider = UserFactory()
    client_as("leader").post(
        reverse("meetings:meeting_roles", args=[meeting.pk]), {"lead": outsider.pk}
    )
    meeting.refresh_from_db()
    assert meeting.lead is None


def test_seat_add_works_when_signup_is_closed(client_as, meeting, member):
    Meeting.objects.filter(pk=meeting.pk).update(signup_closed=True)
    response = client_as("leader").post(
        reverse("meetings:seat_add", args=[meeting.pk]), {"user": member.pk}
    )
    assert Seat.objects.get(user=member).status == SeatStatus.CONFIRMED
    assert f"{member} has a seat." in texts(response)


def test_seat_add_refuses_another_chapters_member(client_as, meeting, other_leader):
    client_as("leader").post(
        reverse("meetings:seat_add", args=[meeting.pk]), {"user": other_leader.pk}
    )
    assert Seat.objects.count() == 0


def test_seat_add_a_clash_is_explained(client_as, event, chapter, meeting, member, representative):
    later = MeetingFactory(
        event=event, chapter=chapter, lawmaker=representative, starts_at=at(event, 10, 25)
    )
    seat_take(meeting_id=meeting.pk, user=member)
    response = client_as("leader").post(
        reverse("meetings:seat_add", args=[later.pk]), {"user": member.pk}
    )
    assert any(text.startswith(f"{member} cannot join") for text in texts(response))
    assert Seat.objects.filter(meeting=later).count() == 0


def test_seat_remove_promotes_the_waitlist(client_as, meeting, chapter):
    people = [MembershipFactory(chapter=chapter).user for _ in range(4)]
    seats = [seat_take(meeting_id=meeting.pk, user=person) for person in people]

    response = client_as("leader").post(
        reverse("meetings:seat_remove", args=[meeting.pk, seats[0].pk])
    )

    assert response.url == manage_url(meeting)
    statuses = dict(Seat.objects.values_list("user", "status"))
    assert statuses[people[0].pk] == SeatStatus.CANCELLED
    assert statuses[people[3].pk] == SeatStatus.CONFIRMED


def test_seat_move_to_another_meeting_of_the_chapter(
    client_as, event, chapter, meeting, member, representative
):
    target = MeetingFactory(
        event=event, chapter=chapter, lawmaker=representative, starts_at=at(event, 14)
    )
    seat = seat_take(meeting_id=meeting.pk, user=member)

    client_as("leader").post(
        reverse("meetings:seat_move", args=[meeting.pk, seat.pk]), {"to_meeting": target.pk}
    )

    assert list(
        Seat.objects.filter(user=member).values_list("meeting", "status").order_by("pk")
    ) == [(meeting.pk, SeatStatus.CANCELLED), (target.pk, SeatStatus.CONFIRMED)]


def test_seat_move_to_another_chapters_meeting_is_refused(
    client_as, meeting, member, other_meeting
):
    seat = seat_take(meeting_id=meeting.pk, user=member)
    response = client_as("leader").post(
        reverse("meetings:seat_move", args=[meeting.pk, seat.pk]),
        {"to_meeting": other_meeting.pk},
    )
    assert response.status_code == 302
    assert Seat.objects.get().status == SeatStatus.CONFIRMED
    assert MeetingChange.objects.count() == 0
