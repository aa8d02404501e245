"""The member's sign-up list, taking and leaving seats, through the views."""

import datetime

import pytest
from django.urls import reverse

from chapters.models import Role
from lawmakers.models import Building, Chamber
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from meetings.signals import seat_promoted
from members.models import Profile
from tests.factories import EventFactory, MembershipFactory, UserFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventFactory(name="National Day of Action", slug="ndoa")


@pytest.fixture
def meeting(event, chapter):
    lawmaker = LawmakerFactory(
        first_name="Ruth", last_name="Halvorsen", full_name="Ruth Halvorsen", state="TN"
    )
    return MeetingFactory(event=event, chapter=chapter, lawmaker=lawmaker, room="317")


def meeting_at(event, chapter, hour, minute=0, *, minutes=20, **fields):
    starts = at(event, hour, minute)
    return MeetingFactory(
        event=event,
        chapter=chapter,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=minutes),
        **fields,
    )


def live_home(user, state):
    Profile.objects.filter(user=user).update(state=state)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


# The sign-up list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_open_meetings_permissions(client, roles, meeting, role, status):
    response = client_for(client, roles[role]).get(reverse("meetings:open", args=["ndoa"]))

    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("role", "sees_it"),
    [("member", True), ("leader", True), ("other_leader", False), ("staff", False)],
)
def test_open_meetings_lists_only_the_viewers_chapters(client, roles, meeting, role, sees_it):
    response = client_for(client, roles[role]).get(reverse("meetings:open", args=["ndoa"]))

    assert ("Ruth Halvorsen" in response.content.decode()) is sees_it


def test_open_meetings_of_a_draft_event_are_forbidden_to_members(client, member, staff):
    EventFactory(slug="draft-day", status="draft")

    assert client_for(client, member).get("/events/draft-day/meetings/").status_code == 403
    assert client_for(client, staff).get("/events/draft-day/meetings/").status_code == 200


def test_open_meetings_of_an_unknown_event_is_404(client, member):
    assert client_for(client, member).get("/events/nowhere/meetings/").status_code == 404


def test_open_meetings_puts_the_members_own_lawmakers_first(client, event, chapter, member):
    live_home(member, "MN")
    other_chapter = MembershipFactory(role=Role.MEMBER).chapter
    own = LawmakerFactory(full_name="Amy Nord", state="MN", chamber=Chamber.UPPER)
    meeting_at(event, chapter, 9, lawmaker=LawmakerFactory(full_name="Tom Early", state="TN"))
    meeting_at(event, other_chapter, 11, lawmaker=own)

    response = client_for(client, member).get(reverse("meetings:open", args=["ndoa"]))

    page = response.content.decode()
    assert [m.lawmaker.full_name for m in response.context["constituent_meetings"]] == ["Amy Nord"]
    assert [m.lawmaker.full_name for m in response.context["chapter_meetings"]] == ["Tom Early"]
    assert page.index("Amy Nord") < page.index("Tom Early")
    assert page.count("Constituent meeting") == 1


def test_open_meetings_shows_seats_left_and_the_members_status(client, event, chapter, member):
    free = meeting_at(event, chapter, 9, seats=3)
    full = meeting_at(event, chapter, 11, seats=1)
    holder = UserFactory()
    Seat.objects.create(meeting=full, user=holder, status=SeatStatus.CONFIRMED)
    Meeting.objects.filter(pk=full.pk).update(seats_taken=1)
    client_for(client, member).post(reverse("meetings:take_seat", args=[free.pk]))
    client.post(reverse("meetings:take_seat", args=[full.pk]))

    response = client.get(reverse("meetings:open", args=["ndoa"]))

    page = response.content.decode()
    assert "2 seats left" in page
    assert 'aria-label="1 of 3 seats taken"' in page
    assert "You have a seat" in page
    assert "Waitlist, number 1" in page
    assert "Leave this meeting" in page
    assert "Leave the waitlist" in page


def test_open_meetings_offers_take_a_seat_or_the_waitlist(client, event, chapter, member):
    meeting_at(event, chapter, 9, seats=2)
    full = meeting_at(event, chapter, 11, seats=1)
    Seat.objects.create(meeting=full, user=UserFactory(), status=SeatStatus.CONFIRMED)
    Meeting.objects.filter(pk=full.pk).update(seats_taken=1)

    page = client_for(client, member).get(reverse("meetings:open", args=["ndoa"])).content

    assert page.decode().count(">Take a seat<") == 1
    assert page.decode().count(">Join the waitlist<") == 1


def test_open_meetings_without_buttons_when_sign_up_is_closed(client, event, chapter, member):
    meeting_at(event, chapter, 9, signup_closed=True)

    page = client_for(client, member).get(reverse("meetings:open", args=["ndoa"])).content

    assert "Sign-up is closed" in page.decode()
    assert ">Take a seat<" not in page.decode()


def test_open_meetings_leaves_out_cancelled_meetings(client, event, chapter, member):
    meeting_at(event, chapter, 9, status=MeetingStatus.CANCELLED)

    response = client_for(client, member).get(reverse("meetings:open", args=["ndoa"]))

    assert response.context["chapter_meetings"] == []
    assert "No meeting is open to you" in response.content.decode()


@pytest.mark.parametrize("count", [1, 8])
def test_open_meetings_query_count_is_constant(
    client, event, chapter, member, django_assert_num_queries, count
):
    live_home(member, "MN")
    for number in range(count):
        meeting = meeting_at(event, chapter, 8 + number, lead=UserFactory())
        Seat.objects.create(meeting=meeting, user=UserFactory(), status=SeatStatus.CONFIRMED)
        Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.WAITLISTED)
    client_for(client, member)

    # session, user, event, memberships, profile, lawmakers of MN, meetings, their seats,
    # and the navigation's "leads a chapter?"
    with django_assert_num_queries(9):
        response = client.get(reverse("meetings:open", args=["ndoa"]))

    assert response.status_code == 200
    # The factory's lawmakers are Minnesota's senators: the member's own.
    assert len(response.context["constituent_meetings"]) == count


# Taking a seat ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "seated"),
    [
        ("anonymous", 302, False),
        ("member", 302, True),
        ("leader", 302, True),
        ("other_leader", 403, False),
        ("staff", 302, True),
    ],
)
def test_take_seat_permissions(client, roles, meeting, role, status, seated):
    response = client_for(client, roles[role]).post(
        reverse("meetings:take_seat", args=[meeting.pk])
    )

    assert response.status_code == status
    assert Seat.objects.filter(meeting=meeting).exists() is seated


def test_take_seat_in_another_chapters_meeting_is_allowed_to_a_constituent(
    client, other_leader, meeting
):
    meeting.lawmaker.state = "TN"
    meeting.lawmaker.save()
    live_home(other_leader, "TN")

    response = client_for(client, other_leader).post(
        reverse("meetings:take_seat", args=[meeting.pk])
    )

    assert response.status_code == 302
    seat = Seat.objects.get(meeting=meeting, user=other_leader)
    assert (seat.status, seat.is_constituent) == (SeatStatus.CONFIRMED, True)


def test_take_seat_of_an_unknown_meeting_is_404(client, member):
    assert client_for(client, member).post("/meetings/999999/seat/").status_code == 404


def test_take_seat_refuses_get(client, member, meeting):
    response = client_for(client, member).get(reverse("meetings:take_seat", args=[meeting.pk]))

    assert response.status_code == 405


def test_take_seat_confirms_and_says_when(client, member, meeting):
    response = client_for(client, member).post(
        reverse("meetings:take_seat", args=[meeting.pk]), follow=True
    )

    assert response.redirect_chain == [(reverse("meetings:open", args=["ndoa"]), 302)]
    assert messages_of(response) == [
        "You have a seat in the meeting with Ruth Halvorsen at 10:00 AM."
    ]
    assert Meeting.objects.get(pk=meeting.pk).seats_taken == 1


def test_take_seat_in_a_full_meeting_joins_the_waitlist(client, member, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(seats=1, seats_taken=1)

    response = client_for(client, member).post(
        reverse("meetings:take_seat", args=[meeting.pk]), follow=True
    )

    assert Seat.objects.get(user=member).status == SeatStatus.WAITLISTED
    assert messages_of(response) == [
        "No seat is free for you in the meeting with Ruth Halvorsen: you are on its waitlist, "
        "and you get the first seat that frees up."
    ]


def test_take_seat_twice_says_so(client, member, meeting):
    client_for(client, member).post(reverse("meetings:take_seat", args=[meeting.pk]), follow=True)

    response = client.post(reverse("meetings:take_seat", args=[meeting.pk]), follow=True)

    assert messages_of(response) == [
        "You are already signed up for the meeting with Ruth Halvorsen."
    ]
    assert Seat.objects.filter(user=member).count() == 1


def test_take_seat_refuses_an_overlap_naming_the_meeting(client, event, chapter, member):
    first = meeting_at(
        event, chapter, 10, lawmaker=LawmakerFactory(full_name="Ann Lind"), minutes=30
    )
    second = meeting_at(event, chapter, 10, 15, lawmaker=LawmakerFactory(full_name="Bo Kerr"))
    client_for(client, member).post(reverse("meetings:take_seat", args=[first.pk]), follow=True)

    response = client.post(reverse("meetings:take_seat", args=[second.pk]), follow=True)

    assert response.status_code == 200
    assert messages_of(response) == [
        "You cannot join the meeting with Bo Kerr: it overlaps your meeting with "
        "Ann Lind at 10:00 AM."
    ]
    assert list(Seat.objects.filter(user=member).values_list("meeting", flat=True)) == [first.pk]
    assert b"message--error" in response.content


def test_take_seat_refuses_a_walk_too_short_naming_the_meeting(client, event, chapter, member):
    senate = LawmakerFactory(full_name="Ann Lind", office_building=Building.HART)
    house = LawmakerFactory(
        full_name="Bo Kerr", chamber=Chamber.LOWER, office_building=Building.RAYBURN
    )
    first = meeting_at(event, chapter, 10, lawmaker=senate)
    # Ends 10:20 in Hart; 10:30 in Rayburn leaves 10 minutes to cross to the House side.
    second = meeting_at(event, chapter, 10, 30, lawmaker=house, room="2123")
    client_for(client, member).post(reverse("meetings:take_seat", args=[first.pk]), follow=True)

    response = client.post(reverse("meetings:take_seat", args=[second.pk]), follow=True)

    assert messages_of(response) == [
        "You cannot join the meeting with Bo Kerr: it leaves 10 minutes to walk to or from your "
        "meeting with Ann Lind at 10:00 AM, and the event allows 20 minutes between these rooms."
    ]
    assert not Seat.objects.filter(user=member, meeting=second).exists()


def test_take_seat_when_sign_up_is_closed_says_so(client, member, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(signup_closed=True)

    response = client_for(client, member).post(
        reverse("meetings:take_seat", args=[meeting.pk]), follow=True
    )

    assert messages_of(response) == [
        "Sign-up for the meeting with Ruth Halvorsen is closed: ask your chapter leader."
    ]
    assert not Seat.objects.exists()


def test_take_seat_in_a_cancelled_meeting_says_so(client, member, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)

    response = client_for(client, member).post(
        reverse("meetings:take_seat", args=[meeting.pk]), follow=True
    )

    assert messages_of(response) == ["The meeting with Ruth Halvorsen is Cancelled."]


def test_take_seat_keeps_reserved_seats_for_constituents(client, event, chapter):
    lawmaker = LawmakerFactory(state="MN", chamber=Chamber.UPPER)
    meeting = MeetingFactory(
        event=event, chapter=chapter, lawmaker=lawmaker, seats=2, reserved_for_constituents=1
    )
    outsider_one, outsider_two, constituent = (
        MembershipFactory(chapter=chapter).user for _ in range(3)
    )
    live_home(constituent, "MN")
    url = reverse("meetings:take_seat", args=[meeting.pk])

    for person in (outsider_one, outsider_two, constituent):
        client.force_login(person)
        client.post(url)

    statuses = dict(Seat.objects.filter(meeting=meeting).values_list("user", "status"))
    assert statuses == {
        outsider_one.pk: SeatStatus.CONFIRMED,
        outsider_two.pk: SeatStatus.WAITLISTED,
        constituent.pk: SeatStatus.CONFIRMED,
    }


def test_take_seat_goes_back_to_a_page_of_this_site_only(client, member, meeting):
    client_for(client, member)
    url = reverse("meetings:take_seat", args=[meeting.pk])

    inside = client.post(url, {"next": "/events/ndoa/itinerary/"})
    Seat.objects.all().delete()
    outside = client.post(url, {"next": "https://evil.example.com/"})

    assert inside["Location"] == "/events/ndoa/itinerary/"
    assert outside["Location"] == reverse("meetings:open", args=["ndoa"])


# Leaving a seat -----------------------------------------------------------------------------


@pytest.fixture
def member_seat(member, meeting):
    return Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)


@pytest.mark.parametrize(
    ("role", "status", "left"),
    [
        ("anonymous", 302, False),
        ("member", 302, True),
        ("leader", 403, False),
        ("other_leader", 403, False),
        ("staff", 403, False),
    ],
)
def test_leave_seat_permissions(client, roles, member_seat, role, status, left):
    Meeting.objects.filter(pk=member_seat.meeting_id).update(seats_taken=1)

    response = client_for(client, roles[role]).post(
        reverse("meetings:leave_seat", args=[member_seat.pk])
    )

    assert response.status_code == status
    member_seat.refresh_from_db()
    assert (member_seat.status == SeatStatus.CANCELLED) is left


def test_leave_seat_refuses_get(client, member, member_seat):
    response = client_for(client, member).get(
        reverse("meetings:leave_seat", args=[member_seat.pk])
    )

    assert response.status_code == 405


def test_leave_seat_of_an_unknown_seat_is_404(client, member):
    assert client_for(client, member).post("/seats/999999/leave/").status_code == 404


def test_leave_seat_frees_it_and_says_so(client, member, member_seat):
    Meeting.objects.filter(pk=member_seat.meeting_id).update(seats_taken=1)

    response = client_for(client, member).post(
        reverse("meetings:leave_seat", args=[member_seat.pk]), follow=True
    )

    assert messages_of(response) == ["You gave up your seat in the meeting with Ruth Halvorsen."]
    assert Meeting.objects.get(pk=member_seat.meeting_id).seats_taken == 0


def test_leave_seat_leaves_the_waitlist(client, member, meeting):
    seat = Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.WAITLISTED)

    response = client_for(client, member).post(
        reverse("meetings:leave_seat", args=[seat.pk]), follow=True
    )

    assert messages_of(response) == ["You left the waitlist of the meeting with Ruth Halvorsen."]
    seat.refresh_from_db()
    assert seat.status == SeatStatus.CANCELLED


def test_leave_seat_twice_says_it_is_done(client, member, member_seat):
    Meeting.objects.filter(pk=member_seat.meeting_id).update(seats_taken=1)
    client_for(client, member).post(
        reverse("meetings:leave_seat", args=[member_seat.pk]), follow=True
    )

    response = client.post(reverse("meetings:leave_seat", args=[member_seat.pk]), follow=True)

    assert messages_of(response) == ["You had already left the meeting with Ruth Halvorsen."]
    assert Meeting.objects.get(pk=member_seat.meeting_id).seats_taken == 0


def test_leave_seat_when_sign_up_is_closed_keeps_it(client, member, member_seat):
    Meeting.objects.filter(pk=member_seat.meeting_id).update(seats_taken=1, signup_closed=True)

    response = client_for(client, member).post(
        reverse("meetings:leave_seat", args=[member_seat.pk]), follow=True
    )

    assert messages_of(response) == [
        "Sign-up for the meeting with Ruth Halvorsen is closed: ask your chapter leader."
    ]
    member_seat.refresh_from_db()
    assert member_seat.status == SeatStatus.CONFIRMED


def test_leave_seat_promotes_the_first_on_the_waitlist(
    client, chapter, meeting, django_capture_on_commit_callbacks
):
    Meeting.objects.filter(pk=meeting.pk).update(seats=1)
    first, second, third = (MembershipFactory(chapter=chapter).user for _ in range(3))
    url = reverse("meetings:take_seat", args=[meeting.pk])
    for person in (first, second, third):
        client.force_login(person)
        client.post(url)
    promoted = []

    def receiver(sender, seat, **kwargs):
        promoted.append(seat)

    seat_promoted.connect(receiver)
    try:
        client.force_login(first)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("meetings:leave_seat", args=[Seat.objects.get(user=first).pk]))
    finally:
        seat_promoted.disconnect(receiver)

    statuses = dict(Seat.objects.filter(meeting=meeting).values_list("user", "status"))
    assert statuses == {
        first.pk: SeatStatus.CANCELLED,
        second.pk: SeatStatus.CONFIRMED,
        third.pk: SeatStatus.WAITLISTED,
    }
    assert [seat.user_id for seat in promoted] == [second.pk]
    assert Meeting.objects.get(pk=meeting.pk).seats_taken == 1


def test_home_links_a_member_to_their_itinerary(client, member, event):
    response = client_for(client, member).get(reverse("home"))

    page = response.content.decode()
    assert "My Days of Action" in page
    assert reverse("meetings:itinerary", args=["ndoa"]) in page
    assert reverse("meetings:open", args=["ndoa"]) in page


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("leader", 403), ("other_leader", 403), ("staff", 403)],
)
def test_leave_seat_confirm_permissions(client, roles, member_seat, role, status):
    response = client_for(client, roles[role]).get(
        reverse("meetings:leave_seat_confirm", args=[member_seat.pk])
    )

    assert response.status_code == status
    member_seat.refresh_from_db()
    assert member_seat.status == SeatStatus.CONFIRMED


def test_leave_seat_confirm_asks_and_goes_back_only_inside_the_site(client, member, member_seat):
    url = reverse("meetings:leave_seat_confirm", args=[member_seat.pk])
    inside = client_for(client, member).get(url, {"next": "/events/ndoa/itinerary/"})
    outside = client.get(url, {"next": "https://evil.example/"})

    assert "Give up your seat?" in inside.content.decode()
    assert inside.context["back"] == "/events/ndoa/itinerary/"
    assert outside.context["back"] == reverse("meetings:open", args=["ndoa"])
