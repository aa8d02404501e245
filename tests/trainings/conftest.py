import pytest

from tests.trainings.factories import SessionFactory


@pytest.fixture
def session(db):
    return SessionFactory(title="Advocacy 101")


@pytest.fixture
def required(event):
    """The national day's required training, a week before it."""
    return SessionFactory(title="Lobby day training", counts_for=[event], capacity=50)
