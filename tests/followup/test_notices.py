"""Emails that go at once: one confirmation per click, with the calendar file."""

from django.core import mail

from events.models import Registration
from events.services import registration_create
from followup import tasks
from meetings.seats import seat_cancel, seat_take
from outbox.models import Email
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


def test_a_members_sign_up_leaves_its_notice_and_reminders_to_a_worker(
    event, chapter, member, commits, monkeypatch
):
    """The member's request commits the seat and queues one task; the worker writes the
    confirmation and the reminders, so none of that work is in the sign-up's answer."""
    queued = []
    monkeypatch.setattr(
        tasks.announce_seat, "delay", lambda **kwargs: queued.append(("seat", kwargs))
    )
    monkeypatch.setattr(
        tasks.announce_registration,
        "delay",
        lambda **kwargs: queued.append(("registration", kwargs)),
    )
    meeting = MeetingFactory(event=event, chapter=chapter)

    with commits():
        seat = seat_take(meeting_id=meeting.pk, user=member)

    registration = Registration.objects.get(event=event, user=member)
    assert queued == [
        ("registration", {"registration_id": registration.pk}),
        ("seat", {"seat_id": seat.pk}),
    ]
    assert not Email.objects.exists()


def test_a_seat_given_up_before_the_worker_ran_is_not_confirmed(event, chapter, member):
    meeting = MeetingFactory(event=event, chapter=chapter)
    seat = seat_take(meeting_id=meeting.pk, user=member)
    seat_cancel(seat=seat)

    tasks.announce_seat(seat_id=seat.pk)
    tasks.announce_seat(seat_id=10**9)  # gone altogether

    assert not Email.objects.filter(kind="followup.signed_up").exists()
