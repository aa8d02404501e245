import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import MembershipFactory
from tests.permissions import LOGIN, assert_status, matrix
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import Signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter_session(chapter, leader):
    return SessionFactory(title="Chapter briefing", chapter=chapter, host=leader)


PAGES = {
    #                anonymous member leader other_leader staff
    "list": (LOGIN, 200, 200, 200, 200),
    "detail": (LOGIN, 200, 200, 404, 200),
    "edit": (LOGIN, 403, 200, 403, 200),
    "attendance": (LOGIN, 403, 200, 403, 200),
    "create": (LOGIN, 403, 200, 200, 200),
    "checklist": (LOGIN, 403, 200, 200, 200),
}


@pytest.mark.parametrize("view, role, expected", matrix(PAGES))
def test_trainings_pages_permission_matrix(
    client_as, chapter_session, event, view, role, expected
):
    args = {
        "list": [],
        "create": [],
        "checklist": [event.slug],
    }.get(view, [chapter_session.pk])
    response = client_as(role).get(reverse(f"trainings:{view}", args=args))
    assert_status(response, expected)


def test_sign_up_and_cancel_through_the_page(client, member, chapter_session):
    client.force_login(member)
    client.post(reverse("trainings:signup", args=[chapter_session.pk]))
    assert Signup.objects.get(user=member).status == "confirmed"

    client.post(reverse("trainings:cancel", args=[chapter_session.pk]))
    assert Signup.objects.get(user=member).status == "cancelled"


def test_another_chapter_s_session_takes_no_sign_up(client, other_leader, chapter_session):
    client.force_login(other_leader)
    response = client.post(reverse("trainings:signup", args=[chapter_session.pk]))
    assert response.status_code == 404
    assert not Signup.objects.exists()


def test_a_wrong_code_re_renders_with_the_error(client, member, chapter_session):
    services.signup_take(session=chapter_session, user=member)
    client.force_login(member)
    with time_machine.travel(chapter_session.starts_at):
        response = client.post(
            reverse("trainings:check_in", args=[chapter_session.pk]), {"code": "WRONG1"}
        )
    assert response.status_code == 400
    assert "not the session&#x27;s check-in code" in response.content.decode()


def test_the_host_ticks_attendance_and_only_the_attendee_gets_a_certificate(
    client, leader, member, chapter_session
):
    signup = services.signup_take(session=chapter_session, user=member)
    client.force_login(leader)
    client.post(
        reverse("trainings:attendance", args=[chapter_session.pk]), {"attended": [signup.pk]}
    )
    url = reverse("trainings:certificate", args=[chapter_session.pk])

    assert client.get(url).status_code == 404  # the leader did not attend
    client.force_login(member)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_leader_waives_the_training_for_a_chapter_participant(client, leader, chapter, event):
    SessionFactory(counts_for=[event])
    person = MembershipFactory(chapter=chapter).user
    event.registrations.create(user=person)
    client.force_login(leader)

    client.post(
        reverse("trainings:checklist", args=[event.slug]),
        {"user": person.pk, "reason": "Trained at the state day", "action": "waive"},
    )

    assert person.training_waivers.get().waived_by == leader


def test_a_leader_cannot_waive_for_another_chapter_s_person(client, other_leader, chapter, event):
    SessionFactory(counts_for=[event])
    person = MembershipFactory(chapter=chapter).user
    event.registrations.create(user=person)
    client.force_login(other_leader)

    response = client.post(
        reverse("trainings:checklist", args=[event.slug]),
        {"user": person.pk, "reason": "x", "action": "waive"},
    )

    assert response.status_code == 404
    assert not person.training_waivers.exists()


def test_a_session_form_with_the_end_before_the_start_keeps_the_input(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("trainings:create"),
        {
            "title": "Webinar on asks",
            "kind": "webinar",
            "mode": "online",
            "join_url": "https://zoom.us/j/1",
            "time_zone": "America/Chicago",
            "starts_at": "2030-03-02T10:00",
            "ends_at": "2030-03-02T09:00",
            "capacity": "20",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "ends before it starts" in page and "Webinar on asks" in page


def test_an_http_join_link_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("trainings:create"),
        {
            "title": "Webinar",
            "kind": "webinar",
            "mode": "online",
            "join_url": "http://zoom.us/j/1",
            "time_zone": "America/Chicago",
            "starts_at": "2030-03-02T10:00",
            "ends_at": "2030-03-02T11:00",
            "capacity": "20",
        },
    )
    assert "must start with https://" in response.content.decode()


def test_staff_create_a_session_read_in_its_own_zone(client, staff, event):
    client.force_login(staff)
    client.post(
        reverse("trainings:create"),
        {
            "title": "Lobby training",
            "kind": "training",
            "mode": "in_person",
            "place": "Hart 216",
            "time_zone": "America/Chicago",
            "starts_at": "2030-03-02T10:00",
            "ends_at": "2030-03-02T11:00",
            "capacity": "20",
            "counts_for": [event.pk],
        },
    )
    session = event.required_sessions.get()
    assert session.starts_at.astimezone(datetime.UTC).hour == 16


@pytest.mark.parametrize("count", [1, 12])
def test_the_list_keeps_its_query_count(client, member, count, django_assert_max_num_queries):
    for _ in range(count):
        SessionFactory()
    client.force_login(member)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("trainings:list"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_the_attendance_page_keeps_its_query_count(
    client, staff, session, count, django_assert_max_num_queries
):
    from tests.factories import UserFactory

    session.capacity = 20
    session.save()
    for _ in range(count):
        services.signup_take(session=session, user=UserFactory())
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("trainings:attendance", args=[session.pk])).status_code == 200
