"""The planner leaves out whoever has not done the event's required training."""

import pytest

from planner.inputs import plan_inputs
from tests.planner_app.conftest import participant, register
from tests.trainings.factories import SessionFactory
from trainings import services

pytestmark = pytest.mark.django_db


def test_only_the_trained_and_the_waived_are_planned(event, chapter, delegation, leader):
    training = SessionFactory(counts_for=[event], capacity=10)
    trained, waived, untrained = (participant(chapter) for _ in range(3))
    for person in (trained, waived, untrained):
        register(event, person)
    signup = services.signup_take(session=training, user=trained)
    services.attendance_set(session=training, attended_ids={signup.pk})
    services.waiver_grant(event=event, user=waived, waived_by=leader, reason="Trained last year")

    planned = set(plan_inputs(event=event).people)

    assert trained.pk in planned and waived.pk in planned
    assert untrained.pk not in planned
