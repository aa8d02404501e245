import datetime

import pytest
import time_machine
from django.utils import timezone

from outbox.models import Email
from tests.factories import MembershipFactory, UserFactory
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import Session, Signup, SignupStatus
from trainings.services import TrainingError

pytestmark = pytest.mark.django_db


def people(count):
    return [UserFactory() for _ in range(count)]


def test_signup_beyond_capacity_waits_and_moves_up_when_a_place_is_given_up(session):
    first, second, third = people(3)
    places = [services.signup_take(session=session, user=u) for u in (first, second, third)]

    assert [p.status for p in places] == ["confirmed", "confirmed", "waitlisted"]
    promoted = services.signup_cancel(signup=places[0])

    assert [s.user for s in promoted] == [third]
    session.refresh_from_db()
    assert session.places_taken == 2
    assert Signup.objects.get(pk=places[2].pk).status == SignupStatus.CONFIRMED
    assert Email.objects.filter(kind="trainings.promoted", to=third.email).count() == 1


def test_leaving_the_waitlist_promotes_nobody(session):
    signups = [services.signup_take(session=session, user=u) for u in people(3)]

    assert services.signup_cancel(signup=signups[2]) == []
    session.refresh_from_db()
    assert session.places_taken == 2


def test_more_capacity_promotes_the_waitlist_in_order(session):
    signups = [services.signup_take(session=session, user=u) for u in people(4)]

    services.session_update(session=session, capacity=3)

    statuses = [Signup.objects.get(pk=s.pk).status for s in signups]
    assert statuses == ["confirmed", "confirmed", "confirmed", "waitlisted"]


def test_capacity_below_those_signed_up_is_refused_and_nothing_written(session):
    for user in people(2):
        services.signup_take(session=session, user=user)

    with pytest.raises(TrainingError, match="cannot be below 2"):
        services.session_update(session=session, capacity=1, title="Renamed")

    session.refresh_from_db()
    assert (session.capacity, session.title) == (2, "Advocacy 101")


def test_a_session_that_ends_before_it_starts_is_refused(staff):
    starts = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(TrainingError, match="end after it starts"):
        services.session_create(
            host=staff,
            title="Backwards",
            kind="webinar",
            mode="online",
            starts_at=starts,
            ends_at=starts - datetime.timedelta(hours=1),
            capacity=10,
        )
    assert not Session.objects.exists()


def test_signing_up_twice_is_refused(session):
    user = UserFactory()
    services.signup_take(session=session, user=user)
    with pytest.raises(TrainingError, match="already signed up"):
        services.signup_take(session=session, user=user)


def test_sign_up_queues_the_confirmation_and_two_reminders_with_the_link(session):
    user = UserFactory()
    signup = services.signup_take(session=session, user=user)

    emails = Email.objects.filter(to=user.email).order_by("send_after")
    assert [e.kind for e in emails] == [
        "trainings.signup",
        "trainings.reminder",
        "trainings.reminder",
    ]
    assert emails[1].send_after == session.starts_at - datetime.timedelta(days=1)
    from trainings.mailing import compose

    assert compose({"signup_id": signup.pk})["session"]["join_url"] == session.join_url


def test_giving_up_the_place_cancels_the_reminders(session):
    signup = services.signup_take(session=session, user=UserFactory())
    services.signup_cancel(signup=signup)

    reminders = Email.objects.filter(kind="trainings.reminder")
    assert {e.state for e in reminders} == {"cancelled"}


def test_moving_the_session_moves_the_reminders_and_tells_people(session):
    signup = services.signup_take(session=session, user=UserFactory())
    later = session.starts_at + datetime.timedelta(days=2)

    services.session_update(
        session=session, starts_at=later, ends_at=later + datetime.timedelta(hours=1)
    )

    day_before = Email.objects.get(key=f"trainings.reminder:{signup.pk}:day")
    assert day_before.send_after == later - datetime.timedelta(days=1)
    assert Email.objects.filter(kind="trainings.changed").count() == 1


def test_check_in_with_the_code_during_the_session_marks_attendance(session):
    user = UserFactory()
    services.signup_take(session=session, user=user)

    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=5)):
        signup = services.check_in(session=session, user=user, code=session.check_in_code.lower())

    assert signup.attended_at and signup.checked_in_with_code


def test_check_in_code_used_twice_is_refused(session):
    user = UserFactory()
    services.signup_take(session=session, user=user)
    with time_machine.travel(session.starts_at):
        services.check_in(session=session, user=user, code=session.check_in_code)
        with pytest.raises(TrainingError, match="already checked in"):
            services.check_in(session=session, user=user, code=session.check_in_code)


@pytest.mark.parametrize(
    "moment, message",
    [
        (datetime.timedelta(minutes=-30), "not opened yet"),
        (datetime.timedelta(hours=2), "closed"),
    ],
)
def test_check_in_out_of_time_is_refused_and_nothing_written(session, moment, message):
    user = UserFactory()
    signup = services.signup_take(session=session, user=user)
    with (
        time_machine.travel(session.starts_at + moment),
        pytest.raises(TrainingError, match=message),
    ):
        services.check_in(session=session, user=user, code=session.check_in_code)
    signup.refresh_from_db()
    assert signup.attended_at is None


def test_wrong_code_and_no_place_are_refused(session):
    user, outsider = UserFactory(), UserFactory()
    services.signup_take(session=session, user=user)
    with time_machine.travel(session.starts_at):
        with pytest.raises(TrainingError, match="not the session's check-in code"):
            services.check_in(session=session, user=user, code="ZZZZZZ")
        with pytest.raises(TrainingError, match="confirmed place"):
            services.check_in(session=session, user=outsider, code=session.check_in_code)


def test_attendance_list_ticks_exactly_those_given(session):
    first, second = [services.signup_take(session=session, user=u) for u in people(2)]

    services.attendance_set(session=session, attended_ids={first.pk})

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.attended_at is not None and second.attended_at is None


def test_attendance_of_a_waitlisted_person_is_refused(session):
    signups = [services.signup_take(session=session, user=u) for u in people(3)]
    with pytest.raises(TrainingError):
        services.attendance_set(session=session, attended_ids={signups[2].pk})


def test_waiver_needs_a_reason_and_is_kept_with_who_gave_it(event, leader):
    person = MembershipFactory().user
    with pytest.raises(TrainingError, match="Say why"):
        services.waiver_grant(event=event, user=person, waived_by=leader, reason="  ")

    waiver = services.waiver_grant(
        event=event, user=person, waived_by=leader, reason="Trained at the state day"
    )

    assert (waiver.waived_by, waiver.reason) == (leader, "Trained at the state day")
    with pytest.raises(TrainingError, match="already waived"):
        services.waiver_grant(event=event, user=person, waived_by=leader, reason="again")


def test_a_past_session_takes_no_sign_ups():
    past = SessionFactory(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-1),
    )
    with pytest.raises(TrainingError, match="already taken place"):
        services.signup_take(session=past, user=UserFactory())
