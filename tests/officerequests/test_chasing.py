import datetime

import time_machine

from officerequests.chasing import requests_chase
from officerequests.models import MeetingRequest
from outbox.models import Email


def _sent(meeting, when):
    return MeetingRequest.objects.create(
        meeting=meeting, sent_at=when, sent_how="email", sent_to="scheduler@example.org", sends=1
    )


def test_at_most_two_reminders_never_twice(meeting, settings):
    settings.OFFICE_REQUEST_CHASE_DAYS = 3
    sent = meeting.starts_at - datetime.timedelta(days=20)
    _sent(meeting, sent)

    with time_machine.travel(sent + datetime.timedelta(days=2)):
        assert requests_chase() == 0
    with time_machine.travel(sent + datetime.timedelta(days=3, hours=1)):
        assert requests_chase() == 1
        assert requests_chase() == 0
    with time_machine.travel(sent + datetime.timedelta(days=6, hours=1)):
        assert requests_chase() == 1
    with time_machine.travel(sent + datetime.timedelta(days=12)):
        assert requests_chase() == 0

    assert Email.objects.filter(kind="officerequests.reminder").count() == 2
    assert MeetingRequest.objects.get().reminders_sent == 2


def test_an_answered_request_is_not_chased(meeting, settings):
    settings.OFFICE_REQUEST_CHASE_DAYS = 3
    sent = meeting.starts_at - datetime.timedelta(days=20)
    request = _sent(meeting, sent)
    request.answer = "accept"
    request.save()
    with time_machine.travel(sent + datetime.timedelta(days=4)):
        assert requests_chase() == 0
