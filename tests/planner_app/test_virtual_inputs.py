"""A virtual or hybrid day built from the database: calls, local windows, our video lines."""

import datetime
import zoneinfo

import pytest

from events.models import Attendance, EventFormat
from meetings.models import LineHost, MeetingMode
from planner.accepting import _call_fields
from planner.inputs import plan_inputs
from planner.problem import Place
from tests.factories import at
from tests.meetings.factories import MeetingFactory
from tests.planner_app.conftest import participant, register

pytestmark = pytest.mark.django_db


def in_zone(user, zone):
    profile = user.profile
    profile.time_zone = zone
    profile.save()


def participant_of(inputs, user):
    return next(p for p in inputs.problem.participants if p.key == user.pk)


def test_virtual_day_meets_every_office_by_call_on_our_lines(event, chapter, delegation, settings):
    settings.VIDEO_LINES, settings.VIDEO_LINE_REST_MINUTES = 12, 10
    event.format = EventFormat.VIRTUAL
    event.save()
    register(event, participant(chapter))

    inputs = plan_inputs(event=event)

    assert {o.place for o in inputs.problem.offices} == {Place("", "", remote=True)}
    assert all(o.our_line for o in inputs.problem.offices)
    rules = inputs.problem.rules
    assert (rules.video_lines, rules.line_rest_minutes) == (12, 10)


def test_in_person_day_has_no_line_limit(event, chapter, delegation):
    register(event, participant(chapter))

    inputs = plan_inputs(event=event)

    assert inputs.problem.rules.video_lines is None
    assert not any(o.place.remote for o in inputs.problem.offices)
    assert inputs.problem.participants[0].local_window is None


@pytest.mark.parametrize(
    ("zone", "starts", "ends"),
    [
        # The national day runs 9:00-17:00 in Washington; calls from home 9:00-17:00 local.
        ("America/New_York", (9, 0), (17, 0)),
        ("America/Chicago", (10, 0), (17, 0)),
        ("America/Los_Angeles", (12, 0), (17, 0)),
        ("Pacific/Honolulu", None, None),  # 9:00 there is after 14:00 here: depends on DST
    ],
)
def test_person_at_home_is_available_only_in_their_own_working_hours(
    event, chapter, delegation, zone, starts, ends
):
    event.format = EventFormat.VIRTUAL
    event.save()
    user = participant(chapter)
    in_zone(user, zone)
    register(event, user)

    person = participant_of(plan_inputs(event=event), user)

    assert person.local_window.zone == zone
    local = person.local_window.in_day()
    assert person.available.starts_at == max(local.starts_at, at(event, 9))
    assert person.available.ends_at == min(local.ends_at, at(event, 17))
    if starts is not None:
        assert person.available.starts_at == at(event, *starts)
        assert person.available.ends_at == at(event, *ends)
    first_call = person.available.starts_at.astimezone(zoneinfo.ZoneInfo(zone))
    assert first_call.time() >= datetime.time(9)


def test_hybrid_day_windows_only_those_joining_from_home(event, chapter, delegation):
    event.format = EventFormat.HYBRID
    event.save()
    on_the_hill, at_home = participant(chapter), participant(chapter)
    in_zone(at_home, "America/Los_Angeles")
    register(event, on_the_hill, joins_from_the_hill=True)
    register(event, at_home, attendance=Attendance.VIRTUAL)

    inputs = plan_inputs(event=event)

    hill, home = participant_of(inputs, on_the_hill), participant_of(inputs, at_home)
    assert (hill.local_window, hill.from_the_hill) == (None, True)
    assert home.local_window.zone == "America/Los_Angeles"
    assert home.available.starts_at == at(event, 12)


def test_hybrid_day_keeps_a_call_leaders_set_up(event, chapter, delegation):
    event.format = EventFormat.HYBRID
    event.save()
    register(event, participant(chapter))
    senator = delegation[0]
    MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=senator,
        starts_at=at(event, 10),
        mode=MeetingMode.VIDEO,
        line_host=LineHost.OFFICE,
        building="",
        room="",
    )

    inputs = plan_inputs(event=event)

    office = next(o for o in inputs.problem.offices if o.key == senator.pk)
    assert (office.place.remote, office.our_line) == (True, False)
    others = [o for o in inputs.problem.offices if o.key != senator.pk]
    assert not any(o.place.remote for o in others)


def test_virtual_days_new_meetings_are_calls_in_a_room_of_our_own(event, settings):
    settings.VIDEO_SERVER_URL = "https://video.example.org"
    event.format = EventFormat.VIRTUAL

    fields = _call_fields(event)

    assert (fields["mode"], fields["line_host"]) == (MeetingMode.VIDEO, LineHost.OURS)
    assert fields["join_url"].startswith("https://video.example.org/dayofaction-")
    event.format = EventFormat.IN_PERSON
    assert _call_fields(event) == {}


def test_virtual_plan_page_counts_calls_and_our_lines(client_as, event, team, staff, settings):
    from django.urls import reverse

    from tests.planner_app.test_pages import make_plan

    settings.VIDEO_LINES = 2
    event.format = EventFormat.VIRTUAL
    event.save()

    run = make_plan(event, staff)

    assert run.status == "done"
    page = client_as("staff").get(reverse("planner:plan", args=[event.slug])).content.decode()
    assert "video and phone meetings" in page
    assert "most of our video lines in use at once" in page
    assert "/2</span>" in page


def test_person_at_home_gives_their_own_hours_for_calls(event, chapter, delegation):
    event.format = EventFormat.VIRTUAL
    event.save()
    user = participant(chapter)
    in_zone(user, "America/Chicago")
    register(event, user, calls_from=datetime.time(10), calls_until=datetime.time(14))

    person = participant_of(plan_inputs(event=event), user)

    assert (person.local_window.starts, person.local_window.ends) == (
        datetime.time(10),
        datetime.time(14),
    )
    assert (person.available.starts_at, person.available.ends_at) == (at(event, 11), at(event, 15))
