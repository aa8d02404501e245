"""The day-before email's confirm-or-cancel links: no login, signed, expiring, tamper-proof."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.signing import TimestampSigner
from django.urls import reverse

from followup import tokens
from followup.models import SeatConfirmation
from meetings.models import SeatStatus
from meetings.seats import seat_take
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def full_meeting(event, chapter):
    return MeetingFactory(event=event, chapter=chapter, seats=1)


@pytest.fixture
def seat(full_meeting, member, commits):
    with commits():
        return seat_take(meeting_id=full_meeting.pk, user=member)


def link(seat, action, *, expires=None) -> str:
    expires = expires or seat.meeting.starts_at
    token = tokens.seat_token(
        seat_id=seat.pk, user_id=seat.user_id, action=action, expires=expires
    )
    return reverse("followup:seat_answer", args=[token])


def test_confirm_link_confirms_without_login(client, seat):
    response = client.get(link(seat, "confirm"))
    assert response.status_code == 200
    assert "you are confirmed" in response.content.decode()
    assert SeatConfirmation.objects.filter(seat=seat).count() == 1
    client.get(link(seat, "confirm"))  # a second click changes nothing
    assert SeatConfirmation.objects.filter(seat=seat).count() == 1


def test_cancel_link_asks_first_then_frees_the_seat_for_the_waitlist(
    client, seat, full_meeting, commits
):
    waiting = UserFactory(email="waiting@example.org")
    with commits():
        queued = seat_take(meeting_id=full_meeting.pk, user=waiting)
    assert queued.status == SeatStatus.WAITLISTED
    url = link(seat, "cancel")

    asked = client.get(url)
    seat.refresh_from_db()
    assert "Give up my seat" in asked.content.decode()
    assert seat.status == SeatStatus.CONFIRMED  # a GET (a mail scanner) changes nothing

    mail.outbox.clear()
    with commits():
        response = client.post(url)
    seat.refresh_from_db()
    queued.refresh_from_db()
    assert response.status_code == 200
    assert "Your seat is given up" in response.content.decode()
    assert (seat.status, queued.status) == (SeatStatus.CANCELLED, SeatStatus.CONFIRMED)
    assert [m.to for m in mail.outbox if m.subject.startswith("A seat is yours")] == [
        [waiting.email]
    ]


def test_tampered_link_is_refused_and_changes_nothing(client, seat):
    token = tokens.seat_token(
        seat_id=seat.pk, user_id=seat.user_id, action="confirm", expires=seat.meeting.starts_at
    )
    tampered = token.replace(token[5], "A" if token[5] != "A" else "B", 1)
    response = client.get(reverse("followup:seat_answer", args=[tampered]))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert not SeatConfirmation.objects.exists()


def test_link_signed_for_another_purpose_is_refused(client, seat):
    """A valid signature with another salt (say, an unsubscribe token) is no seat answer."""
    forged = TimestampSigner(salt="outbox.unsubscribe").sign_object(
        {"seat": seat.pk, "user": seat.user_id, "action": "cancel", "exp": 2**40}
    )
    response = client.post(reverse("followup:seat_answer", args=[forged]))
    seat.refresh_from_db()
    assert response.status_code == 400
    assert seat.status == SeatStatus.CONFIRMED


def test_link_for_someone_elses_seat_is_refused(client, seat, leader):
    token = tokens.seat_token(
        seat_id=seat.pk, user_id=leader.pk, action="cancel", expires=seat.meeting.starts_at
    )
    response = client.post(reverse("followup:seat_answer", args=[token]))
    seat.refresh_from_db()
    assert response.status_code == 400
    assert seat.status == SeatStatus.CONFIRMED


def test_link_expires_when_the_meeting_begins(client, seat):
    url = link(seat, "cancel")
    with time_machine.travel(seat.meeting.starts_at + datetime.timedelta(seconds=1)):
        response = client.post(url)
    seat.refresh_from_db()
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert seat.status == SeatStatus.CONFIRMED


def test_confirm_link_of_a_seat_given_up_says_so(client, seat, commits):
    with commits():
        client.post(link(seat, "cancel"))
    response = client.get(link(seat, "confirm"))
    assert "given up" in response.content.decode()
    assert not SeatConfirmation.objects.exists()
