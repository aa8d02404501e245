import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from chapters.models import Chapter, Membership, Role
from dayofaction.demo_participants import (
    CHAPTERS,
    CROWD_DOMAIN,
    demo_chapters_create,
    demo_participants_create,
)
from dayofaction.demo_plan import (
    DEMO_RETRY_TIME_LIMIT_SECONDS,
    DEMO_TIME_LIMIT_SECONDS,
    demo_plan_accepted,
)
from dayofaction.management.commands.load_demo import DEMO_PASSWORD, PEOPLE
from events.models import Event, EventStatus, Level, Registration
from lawmakers.models import ZipDistrict
from meetings.models import Meeting, MeetingStatus, Seat, SeatStatus
from members.models import Profile, User
from planner.models import PlanRun, ProposedMeeting, RunStatus
from planner.problem import Outcome
from tests.lawmakers.factories import LawmakerFactory, SenatorFactory


def test_load_demo_twice_creates_the_demo_once(db, capsys):
    call_command("load_demo")
    call_command("load_demo")
    chapters = {chapter.name: chapter.state_codes for chapter in Chapter.objects.all()}
    assert len(chapters) == 39
    assert chapters["Minnesota/Dakotas"] == ["MN", "ND", "SD"]
    assert (chapters["Massachusetts"], chapters["Tennessee"]) == (["MA"], ["TN"])
    # Every state and DC has a chapter.
    assert len({state for states in chapters.values() for state in states}) == 51
    staff = User.objects.get(email="staff@example.org")
    assert (staff.is_staff, staff.is_superuser) == (True, True)
    event = Event.objects.get()
    assert (event.level, event.status, event.name.startswith("National Day of Action")) == (
        Level.NATIONAL,
        EventStatus.PUBLISHED,
        True,
    )
    assert Membership.objects.count() == 12
    chair = Membership.objects.get(user__email="chair.mn@example.org")
    assert (chair.chapter.name, chair.role) == ("Minnesota/Dakotas", Role.CHAIR)
    assert "Demo data is loaded" in capsys.readouterr().out


def test_load_demo_accounts_can_log_in(client, db):
    call_command("load_demo", stdout=io.StringIO())
    assert client.login(email="amara.okafor@example.org", password="lobby-day-demo") is True


def _zip_table():
    """Two ZIP areas per state of the chapters, the second spanning two districts."""
    states = {state for _, chapter_states, _ in CHAPTERS for state in chapter_states}
    rows = []
    for number, state in enumerate(sorted(states)):
        rows.append(ZipDistrict(zcta=f"{10000 + 2 * number}", state=state, district=1))
        rows.append(ZipDistrict(zcta=f"{10001 + 2 * number}", state=state, district=1))
        rows.append(ZipDistrict(zcta=f"{10001 + 2 * number}", state=state, district=2))
    ZipDistrict.objects.bulk_create(rows)


def test_load_demo_registers_a_crowd_with_real_zips_across_the_chapters(client, db):
    _zip_table()
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    crowd = Profile.objects.filter(user__email__endswith=f"@{CROWD_DOMAIN}")
    event = Event.objects.get()
    assert crowd.count() == 344
    assert Registration.objects.filter(event=event, user__profile__in=crowd).count() == 344
    first_timers = crowd.filter(first_time_advocate=True).count()
    assert first_timers == 68  # one in five
    zips = set(ZipDistrict.objects.values_list("zcta", "state"))
    assert set(crowd.values_list("zip_code", "state")) <= zips
    # Most who live in a ZIP spanning two districts chose theirs; some never did.
    assert crowd.filter(zip_code__endswith="1", congressional_district__isnull=True).exists()
    assert crowd.filter(congressional_district=2).exists()
    chapters = Membership.objects.filter(user__profile__in=crowd).values("chapter").distinct()
    assert chapters.count() == 39
    # One shared hash of the demo password: every account can log in.
    assert client.login(email=crowd.first().user.email, password="lobby-day-demo") is True
    assert client.login(email="priya.raman@example.org", password="lobby-day-demo") is True


def test_demo_participants_come_back_with_their_hours_for_the_next_step(db):
    _zip_table()
    call_command("load_demo", stdout=io.StringIO())
    event = Event.objects.get()
    chapters = demo_chapters_create()

    crowd = demo_participants_create(event=event, chapters=chapters)

    assert len(crowd) == 344
    assert len({participant.user_id for participant in crowd}) == 344
    late = [p for p in crowd if p.arrive_by is not None]
    early = [p for p in crowd if p.leave_at is not None]
    assert late and early
    assert len(late) + len(early) < 344 / 2  # most give the whole day
    assert crowd == demo_participants_create(event=event, chapters=chapters)


def test_load_demo_without_the_zip_table_has_no_crowd(db):
    call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(email__endswith=f"@{CROWD_DOMAIN}").exists()


def _small_national_day():
    """Three chapters' states with two districts each, their lawmakers, and the logins' ZIPs."""
    states = ("MN", "ND", "SD", "MA", "TN")
    rows = []
    for number, state in enumerate(states):
        for district in (1, 2):
            rows.append(
                ZipDistrict(
                    zcta=f"{20000 + 10 * number + district}", state=state, district=district
                )
            )
            room = f"1{number}{district}0"
            LawmakerFactory(state=state, district=str(district), office_room=room)
        for seat in range(2):
            SenatorFactory(state=state, office_room=f"{number}{seat}5")
    for *_, state, zip_code, _years, _first in PEOPLE:
        rows.append(ZipDistrict(zcta=zip_code, state=state, district=1))
    ZipDistrict.objects.bulk_create(rows)


DEMO_LOGINS = (
    "staff@example.org",
    "chair.mn@example.org",
    "priya.raman@example.org",
    "amara.okafor@example.org",
)


# Committed for real, so the run's task starts after commit as it does for staff; the
# rows the migrations made (practice areas, campuses) are put back for the next tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_demo_plans_the_day_and_accepts_the_plan(client):
    _small_national_day()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    event = Event.objects.get()
    run = demo_plan_accepted(event=event)
    assert (run.chapter, run.status) == (None, RunStatus.DONE)
    # A busy machine may need the second, longer try; a quiet one plans at the first.
    assert run.time_limit_seconds in (DEMO_TIME_LIMIT_SECONDS, DEMO_RETRY_TIME_LIMIT_SECONDS)
    runs_made = PlanRun.objects.filter(event=event).count()
    assert runs_made <= 2
    assert run.outcome in (Outcome.OPTIMAL, Outcome.FEASIBLE)
    assert run.requested_by.email == "staff@example.org"
    drafted = ProposedMeeting.objects.filter(run=run)
    assert drafted.filter(is_pinned=False).count() > 10
    assert not drafted.filter(is_pinned=False, accepted=False).exists()
    planned = Meeting.objects.filter(event=event, notes="Planned with the day's planner.")
    assert planned.count() > 10
    assert not drafted.filter(is_pinned=False, meeting__isnull=True).exists()
    assert set(planned.values_list("status", flat=True)) == {MeetingStatus.REQUESTED}
    assert "the plan accepted" in out.getvalue()
    # The hand-made meetings the office confirmed are pins: exactly as they were made.
    confirmed = Meeting.objects.filter(event=event, status=MeetingStatus.CONFIRMED)
    assert sorted(
        (m.lawmaker.state, m.starts_at.astimezone(event.zone).strftime("%H:%M")) for m in confirmed
    ) == [("MA", "10:00"), ("MN", "09:00")]
    assert all(row.is_pinned for row in drafted.filter(meeting__in=confirmed))
    # One meeting per office: the cross-chapter double booking was resolved by the plan.
    live = Meeting.objects.filter(event=event).exclude(status=MeetingStatus.CANCELLED)
    assert live.values("lawmaker").distinct().count() == live.count()
    for email in DEMO_LOGINS:
        assert client.login(email=email, password=DEMO_PASSWORD) is True
        assert client.get(reverse("home")).status_code == 200
    # The demo member has a day to show.
    assert client.login(email="amara.okafor@example.org", password=DEMO_PASSWORD) is True
    itinerary = client.get(reverse("meetings:itinerary", args=[event.slug]))
    assert itinerary.status_code == 200
    assert Seat.objects.filter(
        user__email="amara.okafor@example.org", status=SeatStatus.CONFIRMED
    ).exists()

    call_command("load_demo", stdout=io.StringIO())

    assert PlanRun.objects.filter(event=event).count() == runs_made
    assert Meeting.objects.filter(event=event).count() == live.count() + (
        Meeting.objects.filter(event=event, status=MeetingStatus.CANCELLED).count()
    )
