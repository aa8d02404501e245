import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, MeetingChange, Seat, SeatStatus
from officerequests.models import MeetingRequest, RequestTemplate
from outbox.models import Email
from tests.factories import MembershipFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory
from tests.permissions import LOGIN, assert_status, matrix
from tests.talkingpoints.factories import AskFactory

PAGES = {
    #                anonymous member leader other_leader staff
    "requests": (LOGIN, 403, 200, 403, 200),
    "office": (LOGIN, 403, 200, 403, 200),
    "chapter_template": (LOGIN, 403, 200, 403, 200),
    "national_template": (LOGIN, 403, 403, 403, 200),
}
CHANGES = {
    "send_all": (LOGIN, 403, 302, 403, 302),
    "office_send": (LOGIN, 403, 302, 403, 302),
    "chapter_template": (LOGIN, 403, 302, 403, 302),
    "national_template": (LOGIN, 403, 403, 403, 302),
}
LETTER = {"subject": "Visit on {{ date }}", "body": "Dear scheduler, {{ delegation }}"}


@pytest.fixture
def urls(event, chapter, senator):
    office = [event.slug, chapter.slug, senator.pk]
    return {
        "requests": reverse("officerequests:requests", args=office[:2]),
        "send_all": reverse("officerequests:send_all", args=office[:2]),
        "office": reverse("officerequests:office", args=office),
        "office_send": reverse("officerequests:office_send", args=office),
        "chapter_template": reverse("officerequests:chapter_template", args=[chapter.slug]),
        "national_template": reverse("officerequests:national_template"),
    }


@pytest.fixture
def delegate(meeting, chapter):
    user = MembershipFactory(chapter=chapter).user
    user.first_name, user.last_name, user.email = "Amara", "Okafor", "amara@example.org"
    user.save()
    user.profile.city, user.profile.phone = "Duluth", "+16125550199"
    user.profile.save()
    Seat.objects.create(
        meeting=meeting, user=user, status=SeatStatus.CONFIRMED, is_constituent=True
    )
    return user


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_request_pages_permissions(client_as, urls, meeting, scheduler, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_request_changes_permissions(client_as, urls, meeting, scheduler, view, role, expected):
    posted = LETTER if "template" in view else {"how": "email"}
    assert_status(client_as(role).post(urls[view], posted), expected)


def test_one_email_per_office_even_for_two_meetings_logged_on_each(
    client, leader, urls, event, chapter, meeting, scheduler, delegate
):
    second = MeetingFactory(
        event=event, chapter=chapter, lawmaker=meeting.lawmaker, starts_at=at(event, 14)
    )
    AskFactory(event=event, title="Cut the visa backlogs")
    client.force_login(leader)

    client.post(urls["send_all"])
    client.post(urls["send_all"])  # nothing left unsent: nothing goes twice

    email = Email.objects.get()
    assert email.to == "scheduler@larsen.senate.example"
    letter = email.context["letter"]
    assert "Amara O., Duluth, constituent" in letter
    assert "Cut the visa backlogs" in letter
    assert "amara@example.org" not in letter and "5550199" not in letter
    assert len(email.context["links"]) == 2
    assert MeetingRequest.objects.filter(sent_how="email").count() == 2
    for each in (meeting, second):
        assert (
            MeetingChange.objects.filter(
                meeting=each, summary__startswith="Request sent by email", changed_by=leader
            ).count()
            == 1
        )


def test_resending_is_explicit_and_makes_a_second_email(client, leader, urls, meeting, scheduler):
    client.force_login(leader)
    client.post(urls["office_send"], {"how": "email"})
    client.post(urls["office_send"], {"how": "email"})
    assert Email.objects.count() == 1

    client.post(urls["office_send"], {"how": "resend"})

    assert Email.objects.count() == 2
    assert MeetingRequest.objects.get().sends == 2
    assert MeetingChange.objects.filter(summary__startswith="Request sent again").count() == 1


def test_without_an_address_the_page_offers_the_form_and_logs_it(
    client, leader, urls, meeting, senator
):
    senator.contact_form = "https://www.senate.example/contact"
    senator.save()
    client.force_login(leader)
    page = client.get(urls["office"]).content.decode()
    assert "https://www.senate.example/contact" in page
    assert "Sent through the form" in page
    assert "Dear scheduler" in page

    client.post(urls["send_all"])
    assert not Email.objects.exists()
    client.post(urls["office_send"], {"how": "form"})

    request = MeetingRequest.objects.get()
    assert (request.sent_how, request.sent_by) == ("form", leader)
    assert MeetingChange.objects.filter(
        summary="Request sent through the office's web form"
    ).exists()
    assert "Sent" in client.get(urls["requests"]).content.decode()


def test_unknown_merge_fields_are_refused_by_name(client, staff, urls):
    client.force_login(staff)
    response = client.post(
        urls["national_template"], {"subject": "Hi", "body": "Dear {{ scheduler_name }}"}
    )
    assert response.status_code == 200
    assert "scheduler_name" in response.content.decode()
    assert "Dear {{ scheduler_name }}" in response.content.decode()
    assert not RequestTemplate.objects.exists()


def test_a_chapter_letter_replaces_the_national_one(
    client, leader, staff, urls, meeting, scheduler
):
    client.force_login(staff)
    client.post(urls["national_template"], {"subject": "National", "body": "From all of us"})
    client.force_login(leader)
    client.post(
        urls["chapter_template"], {"subject": "Ours on {{ date }}", "body": "{{ chapter }}"}
    )

    client.post(urls["send_all"])

    email = Email.objects.get()
    assert email.context["letter"] == "Minnesota/Dakotas"
    assert email.context["subject"].startswith("Ours on ")


def test_filters_keep_the_offices_in_that_state(client, leader, urls, meeting, other_meeting):
    client.force_login(leader)
    page = client.get(urls["requests"] + "?state=sent").content.decode()
    assert "No meetings are asked" in page
    page = client.get(urls["requests"] + "?state=not_sent&q=lars").content.decode()
    assert "Amy Larsen" in page


def _requested(event, chapter, count):
    lawmakers = LawmakerFactory.create_batch(count, state="MN")
    start = at(event, 9)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            event=event,
            chapter=chapter,
            lawmaker=lawmaker,
            starts_at=start,
            ends_at=start + datetime.timedelta(minutes=20),
        )
        for lawmaker in lawmakers
    )
    MeetingRequest.objects.bulk_create(
        MeetingRequest(meeting=m, sent_at=start - datetime.timedelta(days=9), sent_how="email")
        for m in meetings[::2]
    )


def test_requests_page_costs_the_same_for_1_and_400_requests(
    client, leader, urls, event, chapter, django_assert_num_queries
):
    client.force_login(leader)
    _requested(event, chapter, 1)
    # session, user, event, chapter, leader?, meetings, contacts, nav
    with django_assert_num_queries(8):
        client.get(urls["requests"])
    _requested(event, chapter, 399)
    with django_assert_num_queries(8):
        response = client.get(urls["requests"])
    assert response.content.decode().count("badge--") == 400


def _asked_of(event, chapter, lawmaker, leader, count, *, first=0):
    start = at(event, 9) + datetime.timedelta(minutes=30 * first)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            event=event,
            chapter=chapter,
            lawmaker=lawmaker,
            starts_at=start + datetime.timedelta(minutes=30 * number),
            ends_at=start + datetime.timedelta(minutes=30 * number + 20),
        )
        for number in range(count)
    )
    MeetingChange.objects.bulk_create(
        MeetingChange(meeting=m, changed_by=leader, summary=f"Request sent ({number})")
        for number, m in enumerate(meetings)
        for _ in range(2)
    )
    for meeting in meetings:
        Seat.objects.create(
            meeting=meeting, user=MembershipFactory(chapter=chapter).user, status="confirmed"
        )


def test_office_page_costs_the_same_for_1_and_many_meetings(
    client, leader, urls, event, chapter, senator, django_assert_num_queries
):
    client.force_login(leader)
    _asked_of(event, chapter, senator, leader, 1)
    with django_assert_num_queries(13) as one:
        client.get(urls["office"])
    _asked_of(event, chapter, senator, leader, 11, first=1)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(urls["office"])
    page = response.content.decode()
    assert page.count("Request sent (") == 24
    assert page.count("Record the answer") == 12


@pytest.mark.parametrize(("role", "shown"), [("member", False), ("leader", True), ("staff", True)])
def test_the_event_page_links_each_board_chapters_requests(client_as, event, chapter, role, shown):
    page = client_as(role).get(reverse("events:detail", args=[event.slug])).content.decode()
    url = reverse("officerequests:requests", args=[event.slug, chapter.slug])
    assert (f'href="{url}"' in page) is shown
