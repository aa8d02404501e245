"""Event pages: who may open what, the forms, registration, and flat query counts."""

import datetime

import pytest
from django.urls import reverse

from chapters.models import Role
from events.models import Event, Registration
from tests.factories import ChapterFactory, EventFactory, MembershipFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.permissions import LOGIN, assert_status, matrix

# fmt: off
PAGES = {
    #               anonymous member leader other_leader staff
    "list":         (LOGIN,    200,   200,   200,         200),
    "create":       (LOGIN,    403,   403,   403,         200),
    "detail":       (LOGIN,    200,   200,   200,         200),
    "draft_detail": (LOGIN,    403,   403,   403,         200),
    "edit":         (LOGIN,    403,   403,   403,         200),
}
POST_ONLY = {
    "register":     (LOGIN,    405,   405,   405,         405),
    "unregister":   (LOGIN,    405,   405,   405,         405),
}
# fmt: on


@pytest.fixture
def urls(event, draft_event):
    slug = {"slug": event.slug}
    return {
        "list": reverse("events:list"),
        "create": reverse("events:create"),
        "detail": reverse("events:detail", kwargs=slug),
        "draft_detail": reverse("events:detail", kwargs={"slug": draft_event.slug}),
        "edit": reverse("events:edit", kwargs=slug),
        "register": reverse("events:register", kwargs=slug),
        "unregister": reverse("events:unregister", kwargs=slug),
    }


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_event_pages_permissions(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(POST_ONLY))
def test_event_changes_are_post_only(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


def test_event_list_hides_drafts_from_members(client_as, event, draft_event):
    response = client_as("member").get(reverse("events:list"))
    assert [e.slug for e in response.context["upcoming"]] == ["national"]


def test_event_list_shows_drafts_to_staff(client_as, event, draft_event):
    response = client_as("staff").get(reverse("events:list"))
    assert {e.slug for e in response.context["upcoming"]} == {"national", "next-year"}


@pytest.mark.parametrize("role", ["member", "leader", "other_leader", "staff"])
def test_register_creates_the_registration(client_as, roles, event, role):
    response = client_as(role).post(
        reverse("events:register", args=[event.slug]), {"attendance": "virtual"}
    )

    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.user, registration.attendance) == (roles[role], "virtual")


def test_register_draft_is_forbidden(client_as, draft_event):
    response = client_as("member").post(
        reverse("events:register", args=[draft_event.slug]), {"attendance": "in_person"}
    )
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_register_after_the_window_shows_why(client_as, event):
    Event.objects.filter(pk=event.pk).update(
        registration_closes_at=event.registration_closes_at - datetime.timedelta(days=365)
    )
    response = client_as("member").post(
        reverse("events:register", args=[event.slug]), {"attendance": "in_person"}, follow=True
    )
    assert "Registration for National Day of Action is closed." in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("junk", [{}, {"attendance": "hologram"}, {"attendance": "x" * 5000}])
def test_register_junk_is_refused_without_error(client_as, event, junk):
    response = client_as("member").post(
        reverse("events:register", args=[event.slug]), junk, follow=True
    )
    assert response.status_code == 200
    assert Registration.objects.count() == 0


def test_unregister_removes_the_registration(client_as, member, event):
    RegistrationFactory(event=event, user=member)
    response = client_as("member").post(reverse("events:unregister", args=[event.slug]))
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_event_detail_shows_the_registration_button_and_links(client_as, event):
    page = client_as("member").get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "Register</button>" in page
    assert "Schedule boards" not in page


def test_event_detail_shows_leaders_their_own_board_only(client_as, event, chapter, other_chapter):
    response = client_as("leader").get(reverse("events:detail", args=[event.slug]))
    assert [c.slug for c in response.context["boards"]] == [chapter.slug]
    assert reverse("meetings:board", args=[event.slug, chapter.slug]) in response.content.decode()


def test_event_detail_shows_staff_every_board(client_as, event, chapter, other_chapter):
    response = client_as("staff").get(reverse("events:detail", args=[event.slug]))
    assert {c.slug for c in response.context["boards"]} == {chapter.slug, other_chapter.slug}


VALID = {
    "name": "Tennessee Day on the Hill",
    "slug": "",
    "status": "published",
    "level": "state",
    "state": "TN",
    "date": "2031-03-04",
    "time_zone": "America/Chicago",
    "theme": "Welcoming Tennessee",
    "briefing_venue": "Cordell Hull Building",
    "agenda": "8:00 Briefing",
    "day_starts": "08:30",
    "day_ends": "16:00",
    "registration_opens_at": "2031-01-01T09:00",
    "registration_closes_at": "2031-02-25T17:00",
    "default_meeting_minutes": "15",
    "gap_same_building_minutes": "5",
    "gap_same_side_minutes": "10",
    "gap_across_sides_minutes": "20",
}


def test_event_create_by_staff_reads_times_in_the_event_zone(client_as):
    response = client_as("staff").post(reverse("events:create"), VALID)

    event = Event.objects.get()
    assert response.url == reverse("events:detail", args=["tennessee-day-on-the-hill"])
    assert (event.level, event.state, event.default_meeting_minutes) == ("state", "TN", 15)
    local = event.local(event.registration_closes_at)
    assert (local.hour, local.minute, local.tzname()) == (17, 0, "CST")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"state": ""}, "A state Day of Action needs its state."),
        ({"day_ends": "07:00"}, "The day must end after it starts."),
        ({"registration_closes_at": "2030-12-01T09:00"}, "must close after it opens."),
        ({"date": "not a date"}, "Enter a valid date."),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"gap_same_side_minutes": "-3"}, "Ensure this value is greater than or equal to 0."),
        ({"name": ""}, "This field is required."),
    ],
)
def test_event_create_rerenders_bad_input(client_as, change, message):
    response = client_as("staff").post(reverse("events:create"), {**VALID, **change})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Welcoming Tennessee"' in response.content.decode()
    assert Event.objects.count() == 0


def test_event_edit_keeps_the_window_in_the_event_zone(client_as):
    client = client_as("staff")
    client.post(reverse("events:create"), VALID)
    event = Event.objects.get()

    page = client.get(reverse("events:edit", args=[event.slug])).content.decode()
    assert 'value="2031-02-25T17:00"' in page

    response = client.post(reverse("events:edit", args=[event.slug]), {**VALID, "theme": "New"})
    event.refresh_from_db()
    assert response.status_code == 302
    assert event.theme == "New"
    assert event.local(event.registration_closes_at).hour == 17


def test_event_edit_refuses_an_address_in_use(client_as, event):
    EventFactory(slug="taken")
    response = client_as("staff").post(
        reverse("events:edit", args=[event.slug]), {**VALID, "slug": "taken"}
    )
    assert response.status_code == 200
    assert "already has the address" in response.content.decode()


MANY = 25


def _fill(event, chapter, rows):
    for _ in range(rows):
        MeetingFactory(event=event, chapter=chapter)
        RegistrationFactory(event=event, user=MembershipFactory(chapter=chapter).user)


@pytest.mark.parametrize("rows", [1, MANY])
def test_event_detail_queries_do_not_grow_for_a_leader(
    client_as, event, chapter, leader, rows, django_assert_num_queries
):
    _fill(event, chapter, rows)
    MembershipFactory(chapter=ChapterFactory(), user=leader, role=Role.LEADER)
    client = client_as("leader")
    # session, user, event, own registration, counts, boards, navigation
    # + the page panels (EVENT_PAGE_PANELS), + the programme items
    with django_assert_num_queries(9):
        response = client.get(reverse("events:detail", args=[event.slug]))
    assert response.context["counts"]["meeting_count"] == rows


@pytest.mark.parametrize("rows", [1, MANY])
def test_event_list_queries_do_not_grow(client_as, rows, django_assert_num_queries):
    for _ in range(rows):
        RegistrationFactory(event=EventFactory(), user=MembershipFactory().user)
    client = client_as("staff")
    with django_assert_num_queries(3):
        response = client.get(reverse("events:list"))
    assert len(response.context["upcoming"]) == rows


def _numbers(page: str) -> str:
    """The 'So far' figures as one line of text, tags removed."""
    import re

    section = page.split('id="numbers-title"', 1)[1].split("</section>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


def test_event_detail_counts_meetings_as_the_board_does_without_cancelled_ones(
    client_as, event, chapter
):
    for status in ("requested", "scheduled", "cancelled", "no_show"):
        MeetingFactory(event=event, chapter=chapter, status=status)
    response = client_as("leader").get(reverse("events:detail", args=[event.slug]))
    assert response.context["counts"]["meeting_count"] == 2
    assert [board.meeting_count for board in response.context["boards"]] == [2]
    assert "2 meetings" in _numbers(response.content.decode())
    board = client_as("leader").get(reverse("meetings:board", args=[event.slug, chapter.slug]))
    assert board.context["board"].stats["meetings"] == 2


def test_event_detail_says_one_meeting_not_one_meetings(client_as, event, chapter):
    MeetingFactory(event=event, chapter=chapter)
    page = client_as("leader").get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "1 meeting" in _numbers(page)
    assert "1 meetings" not in page
    assert "1 meeting</span>" in page  # the board link too


def test_event_create_refuses_a_working_window_that_ends_before_it_starts(client_as):
    data = {
        **VALID,
        "format": "virtual",
        "working_day_starts": "17:00",
        "working_day_ends": "09:00",
    }

    response = client_as("staff").post(reverse("events:create"), data)

    assert response.status_code == 200
    assert "ends before it starts" in " ".join(response.context["form"].errors["working_day_ends"])
    assert 'value="Tennessee Day on the Hill"' in response.content.decode()


def test_event_create_keeps_the_virtual_rules(client_as):
    from events.models import Event

    data = {
        **VALID,
        "format": "hybrid",
        "remote_spacing_minutes": "60",
        "working_day_starts": "10:00",
        "working_day_ends": "16:00",
    }

    client_as("staff").post(reverse("events:create"), data)

    event = Event.objects.get(name="Tennessee Day on the Hill")
    assert (event.format, event.remote_spacing_minutes) == ("hybrid", 60)
    assert (event.working_day_starts.hour, event.working_day_ends.hour) == (10, 16)


def test_registration_for_a_virtual_day_keeps_hours_for_calls(client_as, member):
    from events.models import Registration
    from tests.factories import EventFactory

    event = EventFactory(slug="virtual-day", format="virtual")
    data = {"attendance": "virtual", "calls_from": "10:00", "calls_until": "15:00"}

    client_as("member").post(reverse("events:register", args=[event.slug]), data)

    registration = Registration.objects.get(event=event, user=member)
    assert (registration.calls_from.hour, registration.calls_until.hour) == (10, 15)
    assert registration.calls_window == (registration.calls_from, registration.calls_until)


def test_registration_hours_for_calls_that_end_before_they_start_are_refused(client_as, member):
    from django.contrib.messages import get_messages

    from events.models import Registration
    from tests.factories import EventFactory

    event = EventFactory(slug="virtual-day", format="virtual")
    data = {"attendance": "virtual", "calls_from": "15:00", "calls_until": "10:00"}

    response = client_as("member").post(reverse("events:register", args=[event.slug]), data)

    assert "end before they start" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert not Registration.objects.filter(event=event, user=member).exists()


def test_event_page_asks_hours_for_calls_only_on_a_day_with_calls(client_as, event, member):
    from tests.factories import EventFactory

    virtual = EventFactory(slug="virtual-day", format="virtual")

    in_person = client_as("member").get(reverse("events:detail", args=[event.slug]))
    with_calls = client_as("member").get(reverse("events:detail", args=[virtual.slug]))

    assert "On calls from (my time)" not in in_person.content.decode()
    assert "On calls from (my time)" in with_calls.content.decode()
