"""Who may open and change the leaders' meeting pages. A refused request changes nothing."""

import pytest
from django.urls import reverse

from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from meetings.seats import seat_take
from tests.factories import MembershipFactory
from tests.permissions import LOGIN, assert_status, matrix


@pytest.fixture
def seat(meeting, member):
    return seat_take(meeting_id=meeting.pk, user=member, by_leader=True)


@pytest.fixture
def urls(event, chapter, meeting, seat):
    board = {"event_slug": event.slug, "chapter_slug": chapter.slug}
    one = {"meeting_id": meeting.pk}
    seat_args = {**one, "seat_id": seat.pk}
    return {
        "board": reverse("meetings:board", kwargs=board),
        "meeting_create": reverse("meetings:meeting_create", kwargs=board),
        "meeting_manage": reverse("meetings:meeting_manage", kwargs=one),
        "meeting_edit": reverse("meetings:meeting_edit", kwargs=one),
        "meeting_status": reverse("meetings:meeting_status", kwargs=one),
        "meeting_capacity": reverse("meetings:meeting_capacity", kwargs=one),
        "meeting_roles": reverse("meetings:meeting_roles", kwargs=one),
        "seat_add": reverse("meetings:seat_add", kwargs=one),
        "seat_remove": reverse("meetings:seat_remove", kwargs=seat_args),
        "seat_move": reverse("meetings:seat_move", kwargs=seat_args),
    }


# fmt: off
PAGES = {
    #                  anonymous member leader other_leader staff
    "board":           (LOGIN,    403,   200,   403,         200),
    "meeting_create":  (LOGIN,    403,   200,   403,         200),
    "meeting_manage":  (LOGIN,    403,   200,   403,         200),
    "meeting_edit":    (LOGIN,    403,   200,   403,         200),
}
POST_ONLY = {
    "meeting_status":   (LOGIN,   405,   405,   405,         405),
    "meeting_capacity": (LOGIN,   405,   405,   405,         405),
    "meeting_roles":    (LOGIN,   405,   405,   405,         405),
    "seat_add":         (LOGIN,   405,   405,   405,         405),
    "seat_remove":      (LOGIN,   405,   405,   405,         405),
    "seat_move":        (LOGIN,   405,   405,   405,         405),
}
# What a POST does: 302 back to the meeting for those allowed, 403 for the rest.
CHANGES = {
    "meeting_status":   (LOGIN,   403,   302,   403,         302),
    "meeting_capacity": (LOGIN,   403,   302,   403,         302),
    "meeting_roles":    (LOGIN,   403,   302,   403,         302),
    "seat_add":         (LOGIN,   403,   302,   403,         302),
    "seat_remove":      (LOGIN,   403,   302,   403,         302),
    "meeting_create":   (LOGIN,   403,   200,   403,         200),
    "meeting_edit":     (LOGIN,   403,   200,   403,         200),
}
# fmt: on

POSTS = {
    "meeting_status": {"status": MeetingStatus.SCHEDULED},
    "meeting_capacity": {
        "seats": "6",
        "reserved_for_constituents": "1",
        "reserved_for_first_timers": "0",
    },
    "meeting_roles": {"lead": "", "note_taker": ""},
    "seat_add": {"user": ""},
    "seat_remove": {},
    "meeting_create": {},
    "meeting_edit": {},
}


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_leader_pages_permissions(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(POST_ONLY))
def test_leader_changes_are_post_only(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_leader_changes_permissions(client_as, urls, meeting, view, role, expected):
    before = (
        Meeting.objects.filter(pk=meeting.pk).values().get(),
        list(Seat.objects.values("pk", "status")),
    )

    response = client_as(role).post(urls[view], POSTS[view])

    assert_status(response, expected)
    if expected in (LOGIN, 403):
        after = (
            Meeting.objects.filter(pk=meeting.pk).values().get(),
            list(Seat.objects.values("pk", "status")),
        )
        assert after == before
        assert Meeting.objects.count() == 1


def test_seat_move_by_other_leader_is_forbidden(client_as, urls, seat, meeting, event, chapter):
    target = Meeting.objects.create(
        event=event,
        chapter=chapter,
        lawmaker=meeting.lawmaker,
        starts_at=meeting.starts_at.replace(hour=meeting.starts_at.hour + 3),
        ends_at=meeting.ends_at.replace(hour=meeting.ends_at.hour + 3),
    )
    response = client_as("other_leader").post(urls["seat_move"], {"to_meeting": target.pk})
    assert response.status_code == 403
    seat.refresh_from_db()
    assert (seat.meeting_id, seat.status) == (meeting.pk, SeatStatus.CONFIRMED)


def test_seat_of_another_meeting_is_not_found(client_as, meeting, seat, event, chapter, leader):
    from tests.meetings.factories import MeetingFactory

    other = MeetingFactory(event=event, chapter=chapter)
    url = reverse("meetings:seat_remove", kwargs={"meeting_id": other.pk, "seat_id": seat.pk})
    assert client_as("leader").post(url).status_code == 404


def test_draft_event_board_is_for_staff_only(client_as, urls, event):
    event.status = "draft"
    event.save()
    assert client_as("leader").get(urls["board"]).status_code == 403


def test_leader_of_two_chapters_sees_both_boards(client_as, urls, other_chapter, leader, event):
    MembershipFactory(chapter=other_chapter, user=leader, role="leader")
    url = reverse("meetings:board", args=[event.slug, other_chapter.slug])
    assert client_as("leader").get(url).status_code == 200
