"""Opting out of optional email: honoured for feedback and nudges, never for one's own meetings."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from meetings.seats import seat_take
from outbox import services as outbox
from outbox.models import Email, EmailState, OptOut
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def signed_up(event, chapter, member, commits):
    """`member` has a seat in a 10:00 meeting; the sign-up confirmation went at once."""
    meeting = MeetingFactory(event=event, chapter=chapter)
    with commits():
        seat_take(meeting_id=meeting.pk, user=member)
    mail.outbox.clear()
    return meeting


def _day_after(event) -> datetime.datetime:
    return datetime.datetime.combine(
        event.date + datetime.timedelta(days=1), datetime.time(12), tzinfo=event.zone
    )


def _send_everything_due(event, commits) -> dict[str, list]:
    with time_machine.travel(_day_after(event), tick=False), commits():
        outbox.emails_dispatch_due()
    return {
        kind: list(Email.objects.filter(kind=kind).values_list("state", flat=True))
        for kind in (
            "followup.day_before",
            "followup.morning_of",
            "followup.feedback",
        )
    }


def test_preferences_opt_out_and_back_in(client_as, member):
    client = client_as("member")
    url = reverse("followup:preferences")
    response = client.post(url, {}, follow=True)
    assert "No more optional email" in response.content.decode()
    assert list(OptOut.objects.values_list("email", flat=True)) == [member.email.lower()]
    client.post(url, {"optional_email": "on"})
    assert not OptOut.objects.exists()
    page = client.get(url).content.decode()
    assert 'id="id_optional_email" checked' in page


def test_opted_out_member_still_gets_reminders_of_their_meetings_but_no_feedback_request(
    client_as, signed_up, member, commits
):
    client_as("member").post(reverse("followup:preferences"), {})

    states = _send_everything_due(signed_up.event, commits)

    assert states == {
        "followup.day_before": [EmailState.SENT],
        "followup.morning_of": [EmailState.SENT],
        "followup.feedback": [EmailState.CANCELLED],
    }
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 2
    assert not any("feedback" in subject.lower() for subject in subjects)
    for message in mail.outbox:
        assert "List-Unsubscribe" not in message.extra_headers  # essential mail


def test_optional_mail_carries_a_one_click_list_unsubscribe(signed_up, member, commits):
    states = _send_everything_due(signed_up.event, commits)

    assert states["followup.feedback"] == [EmailState.SENT]
    [feedback] = [m for m in mail.outbox if m.extra_headers.get("List-Unsubscribe")]
    link = feedback.extra_headers["List-Unsubscribe"]
    assert link.startswith("<http") and "/outbox/unsubscribe/" in link
    assert feedback.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link.strip("<>").split("/outbox/unsubscribe/")[1].rstrip("/") in feedback.body
