import random

import pytest
from django.urls import reverse

from chapters.models import Role
from meetings.models import Seat, SeatStatus
from outbox.models import Email
from tests.factories import ChapterFactory, MembershipFactory
from tests.meetings.factories import MeetingFactory
from tests.permissions import LOGIN, assert_status, matrix
from trainings import services
from trainings.mentoring import suggest_pairs
from trainings.models import Mentorship

pytestmark = pytest.mark.django_db


def registered(event, chapter, *, state, first_time):
    person = MembershipFactory(chapter=chapter).user
    person.profile.state, person.profile.first_time_advocate = state, first_time
    person.profile.save()
    event.registrations.create(user=person)
    return person


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_suggestions_on_a_generated_chapter_keep_the_limit_and_the_state(event, settings, seed):
    settings.MENTEES_PER_MENTOR = 2
    rng = random.Random(seed)
    chapter = ChapterFactory(states=["MN", "ND", "SD"])
    states = ["MN", "ND", "SD"]
    for _ in range(40):
        registered(event, chapter, state=rng.choice(states), first_time=rng.random() < 0.5)

    pairs = suggest_pairs(event=event, chapter=chapter)

    loads = {}
    for pair in pairs:
        loads[pair.mentor.pk] = loads.get(pair.mentor.pk, 0) + 1
        assert pair.mentee.profile.first_time_advocate
        assert not pair.mentor.profile.first_time_advocate
    assert max(loads.values()) <= 2
    # Same state wherever someone in the state still had room.
    for pair in pairs:
        if pair.mentor.profile.state != pair.mentee.profile.state:
            assert pair.reason.startswith("nobody free in the same state")


def test_shared_meetings_break_the_tie(event, chapter):
    first_timer = registered(event, chapter, state="MN", first_time=True)
    stranger = registered(event, chapter, state="MN", first_time=False)
    colleague = registered(event, chapter, state="MN", first_time=False)
    meeting = MeetingFactory(event=event, chapter=chapter)
    for person in (first_timer, colleague):
        Seat.objects.create(meeting=meeting, user=person, status=SeatStatus.CONFIRMED)

    (pair,) = suggest_pairs(event=event, chapter=chapter)

    assert pair.mentor == colleague and stranger != pair.mentor
    assert "1 meeting together" in pair.reason


def test_confirming_introduces_both_and_the_mentee_sees_the_mentor(client, event, chapter, leader):
    mentee = registered(event, chapter, state="MN", first_time=True)
    mentor = registered(event, chapter, state="MN", first_time=False)
    (pair,) = services.mentorships_suggest(event=event, chapter=chapter)

    services.mentorship_confirm(mentorship=pair, by=leader)

    introductions = Email.objects.filter(kind="trainings.mentor_introduction")
    assert {e.to for e in introductions} == {mentor.email, mentee.email}
    client.force_login(mentee)
    page = client.get(reverse("meetings:itinerary", args=[event.slug])).content.decode()
    assert "Your mentor" in page and mentor.email in page
    client.force_login(mentor)
    page = client.get(reverse("trainings:mentees", args=[event.slug])).content.decode()
    assert mentee.email in page


def test_nobody_is_suggested_twice(event, chapter):
    registered(event, chapter, state="MN", first_time=True)
    registered(event, chapter, state="MN", first_time=False)
    services.mentorships_suggest(event=event, chapter=chapter)

    assert services.mentorships_suggest(event=event, chapter=chapter) == []
    assert Mentorship.objects.count() == 1


def test_another_chapter_s_leader_cannot_confirm(client, event, chapter, other_leader):
    registered(event, chapter, state="MN", first_time=True)
    registered(event, chapter, state="MN", first_time=False)
    (pair,) = services.mentorships_suggest(event=event, chapter=chapter)
    client.force_login(other_leader)

    response = client.post(
        reverse("trainings:mentors", args=[event.slug]),
        {"mentorship": pair.pk, "action": "confirm"},
    )

    assert response.status_code == 404
    assert Mentorship.objects.get().status == "suggested"


PAGES = {
    #          anonymous member leader other_leader staff
    "mentors": (LOGIN, 403, 200, 200, 200),
    "mentees": (LOGIN, 200, 200, 200, 200),
}


@pytest.mark.parametrize("view, role, expected", matrix(PAGES))
def test_mentoring_pages_permission_matrix(client_as, event, view, role, expected):
    assert_status(client_as(role).get(reverse(f"trainings:{view}", args=[event.slug])), expected)


def test_a_member_sees_no_mentor_page_content_of_others(client, event, chapter, leader):
    mentee = registered(event, chapter, state="MN", first_time=True)
    registered(event, chapter, state="MN", first_time=False)
    services.mentorship_confirm(
        mentorship=services.mentorships_suggest(event=event, chapter=chapter)[0], by=leader
    )
    outsider = MembershipFactory(chapter=chapter, role=Role.MEMBER).user
    client.force_login(outsider)

    page = client.get(reverse("trainings:mentees", args=[event.slug])).content.decode()

    assert mentee.email not in page
