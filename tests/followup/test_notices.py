"""Emails that go at once: one confirmation per click, with the calendar file."""

from django.core import mail

from events.models import Registration
from events.services import registration_create
from meetings.seats import seat_take
from tests.meetings.factories import MeetingFactory


def test_seat_taken_while_unregistered_sends_one_confirmation_with_the_meeting(
    event, chapter, member, commits
):
    meeting = MeetingFactory(event=event, chapter=chapter)
    with commits():
        seat_take(meeting_id=meeting.pk, user=member)
    assert Registration.objects.filter(event=event, user=member).exists()
    [confirmation] = mail.outbox
    assert confirmation.subject.startswith("Signed up: ")
    assert [name for name, _, _ in confirmation.attachments] == ["meeting.ics"]


def test_registering_alone_sends_the_registration_confirmation(event, member, commits):
    with commits():
        registration_create(event=event, user=member)
    [confirmation] = mail.outbox
    assert event.name in confirmation.subject
    assert [name for name, _, _ in confirmation.attachments] == ["day-of-action.ics"]
