"""The reminder before a call carries its link, and the reader's time beside the office's."""

import pytest

from common.mail import render_email
from followup.composers import before_meeting, day_before
from meetings.models import MeetingMode, Seat, SeatStatus
from members.services import profile_for
from tests.factories import EventFactory, at
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

ZOOM = "https://us02web.zoom.us/j/85512345678"


@pytest.fixture
def call(chapter, member):
    profile = profile_for(user=member)
    profile.state = "HI"
    profile.save()
    event = EventFactory(format="virtual")
    meeting = MeetingFactory(
        event=event,
        chapter=chapter,
        starts_at=at(event, 14),
        ends_at=at(event, 14, 20),
        mode=MeetingMode.VIDEO,
        building="",
        room="",
        join_url=ZOOM,
        phone_number="+1 202 555 0100",
        phone_pin="4411",
        huddle_url="https://video.example.org/huddle-abc",
    )
    Seat.objects.create(meeting=meeting, user=member, status=SeatStatus.CONFIRMED)
    return meeting


def test_reminder_before_a_call_carries_the_link_and_her_time(call, member):
    context = before_meeting({"meeting_id": call.pk, "user_id": member.pk})

    email = render_email(
        template_prefix="followup/email/before_meeting", to=member.email, context=context
    )

    # 2:00 PM in Washington is 8:00 or 9:00 AM in Honolulu (no daylight saving there).
    hawaii = call.starts_at.astimezone(context["reader_zone"]).strftime("%-I:%M %p")
    assert email.subject.startswith(f"At {hawaii}:")
    assert f"{hawaii} your time · 2:00 PM in Washington" in email.body
    assert f"Join (Zoom): {ZOOM}" in email.body
    assert "Dial in: +1 202 555 0100, PIN 4411" in email.body
    assert "huddle-abc" in email.body
    html = email.alternatives[0][0]
    assert f'href="{ZOOM}"' in html
    assert "Join the Zoom call" in html


def test_day_before_lists_the_call_with_its_link(call, member):
    context = day_before({"event_id": call.event_id, "user_id": member.pk})

    email = render_email(
        template_prefix="followup/email/day_before", to=member.email, context=context
    )

    assert ZOOM in email.body
    assert "your time · 2:00 PM in Washington" in email.body
