import datetime

import pytest
import time_machine
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from meetings.models import Meeting, MeetingChange, MeetingStatus, Seat, SeatStatus
from officerequests.links import reply_token
from officerequests.models import MeetingRequest
from outbox.models import Email
from tests.factories import MembershipFactory, at
from tests.meetings.factories import MeetingFactory


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def seated(meeting, chapter):
    user = MembershipFactory(chapter=chapter).user
    user.first_name, user.last_name, user.email = "Amara", "Okafor", "amara@example.org"
    user.save()
    user.profile.city, user.profile.address_line1 = "Duluth", "12 Lake Street"
    user.profile.save()
    Seat.objects.create(meeting=meeting, user=user, status=SeatStatus.CONFIRMED)
    return user


def link(meeting, lawmaker_id=None):
    token = reply_token(meeting_id=meeting.pk, lawmaker_id=lawmaker_id or meeting.lawmaker_id)
    return reverse("officerequests:reply", args=[token])


def test_the_page_shows_only_what_the_office_needs(client, meeting, seated):
    MeetingRequest.objects.create(meeting=meeting, sent_at=meeting.created_at)
    page = client.get(link(meeting)).content.decode()

    assert "Amara O., Duluth" in page
    assert "10:00 to 10:20 AM" in page
    for private in ("amara@example.org", "Okafor", "12 Lake Street"):
        assert private not in page
    assert MeetingRequest.objects.get().opened_at is not None


def test_accepting_confirms_the_meeting_by_the_office(client, meeting, seated):
    response = client.post(link(meeting), {"answer": "accept"})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONFIRMED
    assert MeetingChange.objects.filter(
        meeting=meeting, summary="Status: Scheduled → Confirmed (by the office)"
    ).exists()


def test_another_time_moves_the_meeting_and_the_delegation_hears(
    client, meeting, seated, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link(meeting), {"answer": "other_time", "new_time": "14:30"})

    meeting.refresh_from_db()
    assert meeting.event.local(meeting.starts_at).time() == datetime.time(14, 30)
    assert meeting.status == MeetingStatus.CONFIRMED
    assert MeetingChange.objects.filter(summary__contains="(by the office)").count() >= 2
    assert Email.objects.filter(to="amara@example.org", kind="followup.meeting_changed").exists()


def test_free_windows_leave_out_the_delegations_other_meetings(client, event, meeting, seated):
    other = MeetingFactory(event=event, chapter=meeting.chapter, starts_at=at(event, 13))
    Seat.objects.create(meeting=other, user=seated, status=SeatStatus.CONFIRMED)

    page = client.get(link(meeting)).content.decode()

    # 13:00-13:20 in another Hart room: 5 minutes' walk each side.
    assert "8:00 AM\u201312:55 PM, 1:25 PM\u20136:00 PM." in page


@pytest.mark.parametrize(
    ("new_time", "reason"),
    [("06:00", "must fall within the day"), ("23:00", "must fall within the day")],
)
def test_a_time_outside_the_day_is_refused_with_the_reason(client, meeting, new_time, reason):
    response = client.post(link(meeting), {"answer": "other_time", "new_time": new_time})
    assert response.status_code == 200
    assert reason in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.REQUESTED


def test_a_time_in_the_past_is_refused(client, meeting):
    with time_machine.travel(at(meeting.event, 12), tick=False):
        response = client.post(link(meeting), {"answer": "other_time", "new_time": "11:00"})
    assert "already passed" in response.content.decode()


def test_a_time_clashing_with_a_pinned_meeting_of_the_office_is_refused(
    client, event, other_chapter, meeting
):
    MeetingFactory(
        event=event,
        chapter=other_chapter,
        lawmaker=meeting.lawmaker,
        starts_at=at(event, 15),
        status=MeetingStatus.CONFIRMED,
        keep=True,
    )
    response = client.post(link(meeting), {"answer": "other_time", "new_time": "15:10"})
    assert "already has a meeting" in response.content.decode()


def test_staff_and_video_answers(client, meeting):
    client.post(link(meeting), {"answer": "staff", "staff_name": "Jordan Lee"})
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.contact_name, meeting.status) == (
        "staff",
        "Jordan Lee",
        "confirmed",
    )

    client.post(link(meeting), {"answer": "video"})
    meeting.refresh_from_db()
    assert (meeting.status, meeting.location_note) == (
        "scheduled",
        "By video or phone, as the office asked.",
    )
    assert MeetingChange.objects.filter(
        summary__startswith="Answer changed (by the office)"
    ).exists()


def test_decline_cancels_and_can_be_changed_back(client, meeting):
    client.post(link(meeting), {"answer": "decline"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED

    client.post(link(meeting), {"answer": "accept"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONFIRMED


def test_a_reply_to_a_meeting_we_cancelled_says_so(client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
    page = client.get(link(meeting)).content.decode()
    assert "cancelled this meeting" in page
    response = client.post(link(meeting), {"answer": "accept"})
    assert "cancelled this meeting" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED


def test_a_tampered_link_is_refused_with_a_clear_page(client, meeting):
    token = reply_token(meeting_id=meeting.pk, lawmaker_id=meeting.lawmaker_id)
    response = client.get(reverse("officerequests:reply", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "copied incompletely or changed" in response.content.decode()


def test_a_link_for_another_meeting_or_office_is_refused(client, meeting, other_meeting):
    forged = signing.dumps({"m": other_meeting.pk, "o": meeting.lawmaker_id}, salt="other")
    assert client.get(reverse("officerequests:reply", args=[forged])).status_code == 400
    response = client.get(link(other_meeting, lawmaker_id=meeting.lawmaker_id))
    assert response.status_code == 400
    assert "no longer matches" in response.content.decode()


def test_a_link_expires_after_the_event(client, meeting):
    with time_machine.travel(meeting.event.ends_at + datetime.timedelta(minutes=1)):
        response = client.get(link(meeting))
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_answers_are_rate_limited(client, meeting):
    for _ in range(20):
        client.post(link(meeting), {"answer": "accept"})
    assert client.post(link(meeting), {"answer": "accept"}).status_code == 429


def test_bad_input_comes_back_with_errors(client, meeting):
    response = client.post(link(meeting), {"answer": "other_time", "new_time": "nope"})
    assert response.status_code == 200
    assert "Enter a valid time." in response.content.decode()
    response = client.post(link(meeting), {"answer": "staff"})
    assert "Name the staffer" in response.content.decode()


def test_a_leader_records_a_phone_answer_in_the_same_terms(client, leader, meeting):
    client.force_login(leader)
    url = reverse("officerequests:reply_for_office", args=[meeting.pk])
    client.post(url, {f"m{meeting.pk}-how": "phone", f"m{meeting.pk}-answer": "decline"})

    request = MeetingRequest.objects.get()
    assert (request.answer, request.answered_how) == ("decline", "phone")
    assert MeetingChange.objects.filter(
        changed_by=leader, summary__contains="(the office's answer by phone)"
    ).exists()


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 403), ("other_leader", 403), ("staff", 302)]
)
def test_only_leaders_and_staff_record_answers(client_as, meeting, role, expected):
    url = reverse("officerequests:reply_for_office", args=[meeting.pk])
    response = client_as(role).post(
        url, {f"m{meeting.pk}-how": "phone", f"m{meeting.pk}-answer": "accept"}
    )
    assert response.status_code == expected


def test_the_rate_limit_counts_the_address_the_trusted_proxy_forwarded(client, meeting, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(20):
        client.post(
            link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
        )
    blocked = client.post(
        link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    other = client.post(
        link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
    )
    assert (blocked.status_code, other.status_code) == (429, 302)


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, meeting, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(20):
        client.post(link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    response = client.post(link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_a_forwarded_for_shorter_than_the_proxies_is_counted_not_an_error(
    client, meeting, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = client.post(link(meeting), {"answer": "accept"}, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert response.status_code == 302
