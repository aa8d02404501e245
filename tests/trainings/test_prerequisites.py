import datetime

import pytest
import time_machine

from meetings.models import Seat
from meetings.seats import SeatError, seat_take
from tests.factories import MembershipFactory
from tests.trainings.factories import SessionFactory
from trainings import services

pytestmark = pytest.mark.django_db


def test_a_seat_is_refused_until_the_required_training_is_attended(meeting, required, chapter):
    person = MembershipFactory(chapter=chapter).user

    with pytest.raises(SeatError, match="requires Lobby day training") as refused:
        seat_take(meeting_id=meeting.pk, user=person)

    assert "The next one is" in str(refused.value)
    assert not Seat.objects.filter(user=person).exists()
    services.signup_take(session=required, user=person)
    with time_machine.travel(required.starts_at):
        services.check_in(session=required, user=person, code=required.check_in_code)
    assert seat_take(meeting_id=meeting.pk, user=person).status == "confirmed"


def test_a_leader_cannot_seat_someone_without_the_training_either(meeting, required, chapter):
    person = MembershipFactory(chapter=chapter).user
    with pytest.raises(SeatError, match="requires"):
        seat_take(meeting_id=meeting.pk, user=person, by_leader=True)


def test_a_waiver_lets_the_person_take_a_seat(meeting, required, chapter, leader):
    person = MembershipFactory(chapter=chapter).user
    services.waiver_grant(event=meeting.event, user=person, waived_by=leader, reason="Trainer")

    assert seat_take(meeting_id=meeting.pk, user=person).status == "confirmed"


def test_without_a_required_training_seats_are_as_before(meeting, session, chapter):
    person = MembershipFactory(chapter=chapter).user
    assert seat_take(meeting_id=meeting.pk, user=person).status == "confirmed"


def test_attending_another_event_s_training_does_not_count(meeting, required, chapter):
    other = SessionFactory(title="Other day's training")
    person = MembershipFactory(chapter=chapter).user
    services.signup_take(session=other, user=person)
    services.attendance_set(session=other, attended_ids={other.signups.get(user=person).pk})
    with pytest.raises(SeatError):
        seat_take(meeting_id=meeting.pk, user=person)


def test_with_no_session_left_the_message_says_to_ask_the_leader(meeting, required, chapter):
    person = MembershipFactory(chapter=chapter).user
    with (
        time_machine.travel(required.ends_at + datetime.timedelta(days=1)),
        pytest.raises(SeatError, match="ask your chapter leader"),
    ):
        seat_take(meeting_id=meeting.pk, user=person)
