"""A small national day: Minnesota's delegation, a few members of two chapters.

The event, `senator` and `representative` are the shared ones of tests/conftest.py.
"""

import datetime

import pytest
from django.urls import reverse

from chapters.models import Role
from events.models import Registration
from tests.factories import MembershipFactory
from tests.lawmakers.factories import SenatorFactory, ZipDistrictFactory


@pytest.fixture
def event(event):
    """The national day with its hours and a lunch briefing nobody is booked over."""
    event.day_starts = datetime.time(9, 0)
    event.day_ends = datetime.time(17, 0)
    event.agenda = "8:00 Breakfast\n9:00 Meetings begin"
    event.save()
    event.programme_items.create(
        title="Lunch briefing", starts=datetime.time(12), ends=datetime.time(13)
    )
    event.programme_items.create(  # not for everyone: meetings may go on meanwhile
        title="Press call", starts=datetime.time(14), ends=datetime.time(14, 30), everyone=False
    )
    return event


@pytest.fixture
def senators(senator):
    return [
        senator,
        SenatorFactory(first_name="Tina", last_name="Berg", state="MN", office_room="720"),
    ]


@pytest.fixture
def minneapolis(db):
    return ZipDistrictFactory(zcta="55401", state="MN", district=5)


def participant(
    chapter, *, zip_code="55401", state="MN", first_time=False, role=Role.MEMBER, **user
):
    """A chapter member with a home, registered for the event by the caller."""
    user = MembershipFactory(
        chapter=chapter, role=role, **{f"user__{k}": v for k, v in user.items()}
    ).user
    profile = user.profile
    profile.state, profile.zip_code, profile.first_time_advocate = state, zip_code, first_time
    profile.save()
    return user


def register(event, user, **fields):
    return Registration.objects.create(event=event, user=user, **fields)


@pytest.fixture
def delegation(senators, representative, minneapolis):
    return [*senators, representative]


@pytest.fixture
def team(event, chapter, delegation, leader):
    """Three registered Minnesotans (one a first-timer) and the chapter's leader."""
    people = [
        participant(chapter, first_name="Ana", last_name="Ahl"),
        participant(chapter, first_name="Bo", last_name="Berg", first_time=True),
        participant(chapter, first_name="Cy", last_name="Cole"),
    ]
    for person in people:
        register(event, person)
    return people


@pytest.fixture
def accept_on_page(django_capture_on_commit_callbacks):
    """Press an "Accept" button: the queued task runs (eagerly) after the commit, as a
    worker would; returns the plan page the browser is sent back to."""

    def accept(client, run, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("planner:run_accept", args=[run.pk]), data or {})
        assert response.status_code == 302
        page = client.get(response.url)
        assert page.status_code == 200
        return page.content.decode()

    return accept
