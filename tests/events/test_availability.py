"""Participants say when they can be there (arrive by / must leave at), inside the day."""

import datetime

import pytest
from django.urls import reverse

from events.models import Registration
from events.services import EventError, registration_create, registration_set_availability
from tests.permissions import LOGIN, assert_status


def test_register_with_times_keeps_them(event, member):
    registration = registration_create(
        event=event, user=member, arrive_by=datetime.time(10), leave_at=datetime.time(15)
    )
    assert (registration.available_from, registration.available_until) == (
        datetime.time(10),
        datetime.time(15),
    )


def test_register_without_times_means_the_day(event, member):
    registration = registration_create(event=event, user=member)
    assert (registration.available_from, registration.available_until) == (
        event.day_starts,
        event.day_ends,
    )


@pytest.mark.parametrize(
    ("arrive_by", "leave_at", "field"),
    [
        (datetime.time(6), None, "arrive_by"),
        (None, datetime.time(19), "leave_at"),
        (datetime.time(14), datetime.time(11), "leave_at"),
    ],
)
def test_availability_outside_the_day_is_refused(event, member, arrive_by, leave_at, field):
    registration_create(event=event, user=member)
    with pytest.raises(EventError) as refused:
        registration_set_availability(
            event=event, user=member, arrive_by=arrive_by, leave_at=leave_at
        )
    assert refused.value.field == field
    assert Registration.objects.get(user=member).leave_at is None


def test_availability_view_saves_for_the_person(client_as, event, member):
    registration_create(event=event, user=member)
    response = client_as("member").post(
        reverse("events:availability", args=[event.slug]),
        {"arrive_by": "10:30", "leave_at": ""},
        follow=True,
    )
    assert "Your times for the day are saved." in response.content.decode()
    registration = Registration.objects.get(user=member)
    assert (registration.arrive_by, registration.leave_at) == (datetime.time(10, 30), None)


@pytest.mark.parametrize("junk", [{"arrive_by": "noon"}, {"leave_at": "25:00"}])
def test_availability_junk_is_refused_without_error(client_as, event, member, junk):
    registration_create(event=event, user=member)
    response = client_as("member").post(
        reverse("events:availability", args=[event.slug]), junk, follow=True
    )
    assert response.status_code == 200
    assert "Give the times as hours and minutes" in response.content.decode()


def test_availability_for_someone_not_registered_says_so(client_as, event):
    response = client_as("member").post(
        reverse("events:availability", args=[event.slug]), {"arrive_by": "10:00"}, follow=True
    )
    assert "You are not registered" in response.content.decode()


def test_availability_needs_login(client, event):
    assert_status(client.post(reverse("events:availability", args=[event.slug])), LOGIN)
