import pytest
from django.urls import reverse

from events.services import registrations_mark
from outbox.models import Email
from tests.factories import MembershipFactory
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.checklist import checklists_for
from trainings.services import TrainingError

pytestmark = pytest.mark.django_db


def registered(event, chapter, **profile):
    person = MembershipFactory(chapter=chapter).user
    for name, value in profile.items():
        setattr(person.profile, name, value)
    person.profile.save()
    event.registrations.create(user=person)
    return person


def done(event, person):
    registration = event.registrations.select_related("user__profile").get(user=person)
    return {
        i.key: i.done for i in checklists_for(event=event, registrations=[registration])[person.pk]
    }


def test_a_new_participant_has_everything_left(event, chapter):
    SessionFactory(counts_for=[event])
    person = registered(event, chapter)

    assert done(event, person) == {
        "profile": False,
        "availability": False,
        "training": False,
        "packet": False,
        "calendar": False,
    }


def test_each_step_ticks_its_item(event, chapter, leader):
    SessionFactory(counts_for=[event])
    person = registered(event, chapter, state="MN", zip_code="55401")
    services.waiver_grant(event=event, user=person, waived_by=leader, reason="Trainer")
    registrations_mark(user=person, mark="packet_opened_at", event=event)
    registrations_mark(user=person, mark="calendar_added_at")

    items = done(event, person)

    assert items["training"] and items["packet"] and items["calendar"]
    assert not items["availability"]


def test_without_a_required_training_there_is_no_training_item(event, chapter):
    assert "training" not in done(event, registered(event, chapter))


def test_the_event_page_shows_the_participant_s_checklist(client, event, chapter):
    person = registered(event, chapter)
    client.force_login(person)

    page = client.get(reverse("events:detail", args=[event.slug])).content.decode()

    assert "Before the day" in page and "Briefing packet opened" in page


def test_opening_the_packet_ticks_it(client, event, chapter):
    person = registered(event, chapter)
    client.force_login(person)

    client.get(reverse("talkingpoints:packet", args=[event.slug]))

    assert done(event, person)["packet"]


def test_a_nudge_goes_once_a_day_at_most(client, event, chapter, leader):
    person = registered(event, chapter)
    client.force_login(leader)
    url = reverse("trainings:checklist", args=[event.slug])

    client.post(url, {"user": person.pk, "action": "nudge"})
    client.post(url, {"user": person.pk, "action": "nudge"})

    nudges = Email.objects.filter(kind="trainings.nudge", to=person.email)
    assert nudges.count() == 1
    assert "Availability given" in nudges.get().context["items_left"]


def test_nothing_left_means_no_nudge(event):
    with pytest.raises(TrainingError, match="nothing left"):
        services.checklist_nudge(event=event, user=MembershipFactory().user, items_left=[])


@pytest.mark.parametrize("count", [1, 15])
def test_the_chapter_checklist_keeps_its_query_count(
    client, event, chapter, leader, count, django_assert_max_num_queries
):
    SessionFactory(counts_for=[event])
    for _ in range(count):
        registered(event, chapter, state="MN", zip_code="55401")
    client.force_login(leader)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("trainings:checklist", args=[event.slug]))
    assert response.content.decode().count("Nudge<") == count
