"""Who may open and change the follow-up pages. A refused request changes nothing.

The held meeting's lead is `member`; `leader` chairs its chapter; `other_leader`
chairs another chapter. Only `member` is registered for the event.
"""

import pytest
from django.urls import reverse

from followup.models import EventFeedback, LetterTemplate, ReminderSettings, ThankYouNote
from outbox.models import Email, OptOut
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.permissions import LOGIN, assert_status, matrix


@pytest.fixture
def urls(event, held_meeting, member):
    RegistrationFactory(event=event, user=member)
    return {
        "preferences": reverse("followup:preferences"),
        "thank_you_list": reverse("followup:thank_you_list"),
        "thank_you": reverse("followup:thank_you", args=[held_meeting.pk]),
        "letter_template": reverse("followup:letter_template"),
        "reminder_settings": reverse("followup:reminder_settings", args=[event.slug]),
        "feedback": reverse("followup:feedback", args=[event.slug]),
    }


# fmt: off
PAGES = {
    #                    anonymous member leader other_leader staff
    "preferences":       (LOGIN,    200,   200,   200,         200),
    "thank_you_list":    (LOGIN,    200,   200,   200,         200),
    "thank_you":         (LOGIN,    200,   200,   403,         200),
    "letter_template":   (LOGIN,    403,   403,   403,         200),
    "reminder_settings": (LOGIN,    403,   403,   403,         200),
    "feedback":          (LOGIN,    200,   403,   403,         200),
}
# A POST: 302 (saved, back to the page) for those allowed, the refusal for the rest.
CHANGES = {
    "preferences":       (LOGIN,    302,   302,   302,         302),
    "thank_you":         (LOGIN,    302,   302,   403,         302),
    "letter_template":   (LOGIN,    403,   403,   403,         302),
    "reminder_settings": (LOGIN,    403,   403,   403,         302),
    "feedback":          (LOGIN,    302,   403,   403,         302),
}
# fmt: on

POSTS = {
    "preferences": {},  # the box unticked: optional email off
    "thank_you": {
        "to": "dana.whitfield@senate.example.gov",
        "subject": "Thank you",
        "body": "Dear Dana, thank you.",
        "save": "1",
    },
    "letter_template": {
        "subject": "Thanks, {{ staffer_name }}",
        "body": "Dear {{ staffer_name }}",
    },
    "reminder_settings": {
        "day_before_at": "18:00",
        "morning_of_at": "06:30",
        "minutes_before_meeting": "45",
        "leader_digest_at": "09:00",
        "report_after_minutes": "60",
        "report_nudge_hours": "24",
        "feedback_at": "10:00",
    },
    "feedback": {"rating": "5", "comment": "Well run."},
}


def _state():
    """Everything a follow-up POST could change."""
    return (
        list(ThankYouNote.objects.values("subject", "body", "status")),
        list(LetterTemplate.objects.values("subject", "body")),
        list(ReminderSettings.objects.values()),
        list(EventFeedback.objects.values("rating", "comment")),
        list(OptOut.objects.values_list("email", flat=True)),
        Email.objects.count(),
    )


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_followup_pages_permissions(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_followup_changes_permissions(client_as, urls, view, role, expected):
    before = _state()

    response = client_as(role).post(urls[view], POSTS[view])

    assert_status(response, expected)
    if expected in (LOGIN, 403):
        assert _state() == before
    else:
        assert _state() != before


def test_thank_you_of_a_meeting_someone_else_led_is_refused(client_as, held_meeting, chapter):
    """The lead of one meeting cannot open another meeting's note, even in the same chapter."""
    other = MeetingFactory(event=held_meeting.event, chapter=chapter, status="held")
    response = client_as("member").get(reverse("followup:thank_you", args=[other.pk]))
    assert response.status_code == 403
    assert not ThankYouNote.objects.filter(meeting=other).exists()


def test_thank_you_of_a_missing_meeting_is_not_found(client_as):
    assert client_as("staff").get(reverse("followup:thank_you", args=[999999])).status_code == 404


def test_reminder_settings_of_a_missing_event_is_not_found(client_as):
    url = reverse("followup:reminder_settings", args=["no-such-event"])
    assert client_as("staff").get(url).status_code == 404


def test_thank_you_list_shows_each_person_only_what_they_follow_up(
    client_as, held_meeting, other_chapter
):
    theirs = MeetingFactory(
        event=held_meeting.event,
        chapter=other_chapter,
        status="held",
        lawmaker__full_name="Marsha Quinlan",
    )
    mine = client_as("member").get(reverse("followup:thank_you_list")).content.decode()
    assert "Amy Larsen" in mine
    assert theirs.lawmaker.full_name not in mine
    other = client_as("other_leader").get(reverse("followup:thank_you_list")).content.decode()
    assert "Marsha Quinlan" in other
    assert "Amy Larsen" not in other
