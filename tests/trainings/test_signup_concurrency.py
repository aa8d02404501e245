"""A session's places under concurrency, at the real PostgreSQL: never oversold."""

import pytest

from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import Session, Signup, SignupStatus

SIGNUPS = 80
PLACES = 10
CONNECTIONS = 16


def test_concurrent_signups_fill_exactly_the_places_and_the_rest_wait(transactional_db):
    session = SessionFactory(capacity=PLACES)
    users = UserFactory.create_batch(SIGNUPS)

    _, errors = run_together(
        users,
        lambda user: services.signup_take(session=session, user=user),
        connections=CONNECTIONS,
    )

    assert errors == []
    signups = Signup.objects.filter(session=session)
    assert signups.filter(status=SignupStatus.CONFIRMED).count() == PLACES
    assert signups.filter(status=SignupStatus.WAITLISTED).count() == SIGNUPS - PLACES
    assert Session.objects.get(pk=session.pk).places_taken == PLACES


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancels_promote_one_waiting_person_per_freed_place():
    session = SessionFactory(capacity=PLACES)
    for user in UserFactory.create_batch(PLACES + 20):
        services.signup_take(session=session, user=user)
    confirmed = list(Signup.objects.filter(session=session, status=SignupStatus.CONFIRMED))

    _, errors = run_together(
        confirmed,
        lambda signup: services.signup_cancel(signup=signup),
        connections=CONNECTIONS,
    )

    assert errors == []
    assert Signup.objects.filter(session=session, status=SignupStatus.CONFIRMED).count() == PLACES
    assert Session.objects.get(pk=session.pk).places_taken == PLACES
