import datetime

import time_machine
from django.template.loader import render_to_string

from followup.composers import leader_digest
from meetings.models import MeetingStatus
from officerequests.digest import waiting_requests_note
from officerequests.models import MeetingRequest


def _sent(meeting, when, **fields):
    return MeetingRequest.objects.create(
        meeting=meeting,
        sent_at=when,
        sent_how="email",
        sent_to="scheduler@example.org",
        sends=1,
        **fields,
    )


def test_waiting_requests_note_names_offices_waiting_past_the_chase_days(
    meeting, settings, django_assert_num_queries
):
    settings.OFFICE_REQUEST_CHASE_DAYS = 3
    sent = meeting.starts_at - datetime.timedelta(days=20)
    _sent(meeting, sent, reminders_sent=1)

    with time_machine.travel(sent + datetime.timedelta(days=2)):
        assert waiting_requests_note(event=meeting.event, chapter=meeting.chapter) is None
    with (
        time_machine.travel(sent + datetime.timedelta(days=4, hours=1)),
        django_assert_num_queries(1),
    ):
        note = waiting_requests_note(event=meeting.event, chapter=meeting.chapter)

    assert note["heading"] == "Requests still waiting for an answer"
    assert note["lines"] == [
        "Senator Amy Larsen: 1 meeting asked, no answer for 4 days (1 reminder sent)"
    ]
    assert note["url"].endswith(f"/office-requests/events/national/{meeting.chapter.slug}/")


def test_answered_and_cancelled_requests_are_not_in_the_note(meeting, other_meeting, settings):
    settings.OFFICE_REQUEST_CHASE_DAYS = 3
    sent = meeting.starts_at - datetime.timedelta(days=20)
    _sent(meeting, sent, answer="accept")
    other_meeting.chapter = meeting.chapter
    other_meeting.status = MeetingStatus.CANCELLED
    other_meeting.save()
    _sent(other_meeting, sent)
    with time_machine.travel(sent + datetime.timedelta(days=10)):
        assert waiting_requests_note(event=meeting.event, chapter=meeting.chapter) is None


def test_leader_digest_carries_the_note_through_the_setting(meeting, leader, settings):
    settings.OFFICE_REQUEST_CHASE_DAYS = 3
    sent = meeting.starts_at - datetime.timedelta(days=20)
    _sent(meeting, sent)
    context = {
        "event_id": meeting.event_id,
        "user_id": leader.pk,
        "chapter_id": meeting.chapter_id,
    }

    with time_machine.travel(sent + datetime.timedelta(days=5)):
        composed = leader_digest(context)
        text = render_to_string("followup/email/leader_digest_message.txt", composed)
        html = render_to_string("followup/email/leader_digest_message.html", composed)
    assert [note["heading"] for note in composed["notes"]] == [
        "Requests still waiting for an answer"
    ]
    assert "Senator Amy Larsen: 1 meeting asked, no answer for 5 days (0 reminders sent)" in text
    assert "Open the Requests page: http" in text
    assert "Requests still waiting for an answer" in html

    settings.LEADER_DIGEST_NOTES = []
    with time_machine.travel(sent + datetime.timedelta(days=5)):
        assert leader_digest(context)["notes"] == []
