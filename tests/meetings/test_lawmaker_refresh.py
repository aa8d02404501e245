"""After the weekly lawmaker refresh: meetings with someone who left office are marked and
their leaders and staff told once; meetings in an office that moved follow it."""

import copy
import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from chapters.models import Role
from lawmakers.importers.sources import folder_sources
from lawmakers.models import Building, Lawmaker
from lawmakers.services import lawmakers_import
from meetings.board import board_for
from meetings.models import Meeting, MeetingChange, MeetingStatus, Seat, SeatStatus
from outbox.models import Email
from tests.factories import EventFactory, MembershipFactory, StaffFactory
from tests.lawmakers import datasets
from tests.meetings.factories import MeetingFactory

UTC = datetime.UTC
BEFORE = datetime.datetime(2026, 10, 1, 16, tzinfo=UTC)  # everyone in the data serves
AFTER_TERM = datetime.datetime(2026, 11, 10, 16, tzinfo=UTC)  # Ann Appointed's term ended 11/3
DEPARTED = "meetings.lawmaker_departed"
CHANGED = "followup.meeting_changed"


def refresh(root):
    """The weekly refresh of Congress, committed: what waits for the commit runs."""
    sources = folder_sources(root)
    return lawmakers_import(congress_source=sources["congress"])


@pytest.fixture
def clock():
    with time_machine.travel(BEFORE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def data(tmp_path):
    """The hand-made data, and the week after: the senator left, the representative moved."""
    before = datasets.write_dataset(tmp_path / "before", datasets.dataset())
    legislators = copy.deepcopy(datasets.LEGISLATORS)
    del legislators[0]  # Sam Senate is gone from the data
    rita = next(p for p in legislators if p["id"]["bioguide"] == "R000002")
    rita["terms"][-1]["office"] = "2400 Rayburn House Office Building"
    after = datasets.write_dataset(
        tmp_path / "after",
        datasets.dataset(**{"congress-legislators/legislators-current.yaml": legislators}),
    )
    return before, after


@pytest.fixture
def imported(clock, db, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[0])
    return {lawmaker.public_id: lawmaker for lawmaker in Lawmaker.objects.all()}


@pytest.fixture
def day(imported):
    return EventFactory(name="Fall Day of Action", slug="fall", date=datetime.date(2026, 11, 20))


@pytest.fixture
def past_day(imported):
    return EventFactory(name="Summer Day", slug="summer", date=datetime.date(2026, 9, 15))


def at(event, hour, minute=0):
    return datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=event.zone)


def seat(meeting, user):
    Seat.objects.create(meeting=meeting, user=user, status=SeatStatus.CONFIRMED)
    Meeting.objects.filter(pk=meeting.pk).update(seats_taken=meeting.seat_set.count())


@pytest.fixture
def people(chapter, other_chapter, leader, other_leader, member, staff):
    return {
        "leader": leader,
        "vice_chair": MembershipFactory(chapter=chapter, role=Role.VICE_CHAIR).user,
        "other_leader": other_leader,
        "member": member,
        "staff": staff,
        "other_staff": StaffFactory(),
    }


@pytest.fixture
def meetings(imported, day, past_day, chapter, other_chapter, people):
    sam, rita, ann = imported["S000001"], imported["R000002"], imported["S000002"]
    made = {
        "sam": MeetingFactory(event=day, chapter=chapter, lawmaker=sam, starts_at=at(day, 9)),
        "sam_other": MeetingFactory(
            event=day, chapter=other_chapter, lawmaker=sam, starts_at=at(day, 11)
        ),
        "sam_cancelled": MeetingFactory(
            event=day,
            chapter=chapter,
            lawmaker=sam,
            starts_at=at(day, 14),
            status=MeetingStatus.CANCELLED,
        ),
        "sam_past": MeetingFactory(
            event=past_day,
            chapter=chapter,
            lawmaker=sam,
            starts_at=at(past_day, 10),
            status=MeetingStatus.HELD,
        ),
        "rita": MeetingFactory(
            event=day,
            chapter=chapter,
            lawmaker=rita,
            starts_at=at(day, 10),
            status=MeetingStatus.CONFIRMED,
        ),
        "rita_committee_room": MeetingFactory(
            event=day,
            chapter=chapter,
            lawmaker=rita,
            starts_at=at(day, 15),
            building=Building.RAYBURN,
            room="2138",
        ),
        "rita_past": MeetingFactory(
            event=past_day,
            chapter=chapter,
            lawmaker=rita,
            starts_at=at(past_day, 11),
            status=MeetingStatus.HELD,
        ),
        "ann": MeetingFactory(event=day, chapter=chapter, lawmaker=ann, starts_at=at(day, 12)),
    }
    seat(made["rita"], people["member"])
    seat(made["rita_past"], people["member"])
    seat(made["sam"], people["member"])
    return made


def notices(kind=DEPARTED):
    return {email.to: email for email in Email.objects.filter(kind=kind)}


def fresh(meeting):
    return Meeting.objects.select_related("lawmaker").get(pk=meeting.pk)


def test_refresh_tells_each_leader_and_staff_once_of_a_lawmaker_who_left(
    meetings, data, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summary = refresh(data[1])
    assert "No longer serving (gone from the data or term ended): 1" in summary.lines()

    sent = notices()
    assert sorted(sent) == sorted(
        people[name].email
        for name in ("leader", "vice_chair", "other_leader", "staff", "other_staff")
    )
    listed = {to: [m["chapter"] for m in email.context["meetings"]] for to, email in sent.items()}
    assert listed[people["leader"].email] == ["Minnesota/Dakotas"]
    assert listed[people["other_leader"].email] == ["Tennessee"]
    assert listed[people["staff"].email] == ["Minnesota/Dakotas", "Tennessee"]
    sam = meetings["sam"]
    assert sent[people["leader"].email].key == (
        f"{DEPARTED}:{sam.lawmaker_id}:{people['leader'].pk}"
    )
    letter = next(m for m in mail.outbox if m.to == [people["leader"].email])
    assert letter.subject == "Senator Sam Senate no longer serves: 1 meeting to check"
    assert "no longer in the published list of serving lawmakers" in letter.body
    assert reverse("meetings:meeting_manage", args=[sam.pk]) in letter.body

    rows = Email.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    assert Email.objects.count() == rows


def test_refresh_marks_upcoming_meetings_with_who_left_on_board_and_page(
    meetings, data, day, chapter, client, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    assert fresh(meetings["sam"]).lawmaker_departed is True
    assert fresh(meetings["sam_cancelled"]).lawmaker_departed is False
    assert fresh(meetings["sam_past"]).lawmaker_departed is False
    assert fresh(meetings["rita"]).lawmaker_departed is False

    board = board_for(event=day, chapter=chapter)
    assert [w for w in board.warnings if "no longer serves" in w] == [
        "Sam Senate no longer serves. They are no longer in the published list of serving "
        "lawmakers. Ask the office whether the meeting at 9:00 AM still takes place, then "
        "keep it or cancel it."
    ]
    client.force_login(people["leader"])
    page = client.get(reverse("meetings:board", args=[day.slug, chapter.slug])).content.decode()
    assert page.count('<span class="board-block__departed">Left office</span>') == 1
    assert page.count('<span class="badge badge--departed">Left office</span>') == 1
    assert "Sam Senate (no longer serves)" in page

    page = client.get(reverse("meetings:meeting_manage", args=[meetings["sam"].pk]))
    html = page.content.decode()
    assert '<span class="badge badge--departed">Left office</span>' in html
    assert "Sam Senate no longer serves." in html
    other = client.get(reverse("meetings:meeting_manage", args=[meetings["rita"].pk]))
    assert "Left office" not in other.content.decode()


def test_a_member_seated_with_someone_who_left_sees_it_on_their_itinerary(
    meetings, data, day, client, people, django_capture_on_commit_callbacks
):
    member = people["member"]  # seated with Sam Senate and Rita (the meetings fixture)
    assert {s.meeting_id for s in Seat.objects.filter(user=member)} >= {
        meetings["sam"].pk,
        meetings["rita"].pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])

    client.force_login(member)
    page = client.get(reverse("meetings:itinerary", args=[day.slug])).content.decode()

    assert page.count('<span class="badge badge--departed">Left office</span>') == 1
    assert "Sam Senate no longer serves. Your chapter's leaders have been told" in page


def test_refresh_moves_upcoming_meetings_with_their_office_and_tells_the_seated(
    meetings, data, people, django_capture_on_commit_callbacks
):
    assert (meetings["rita"].building, meetings["rita"].room) == (Building.LONGWORTH, "1234")
    with django_capture_on_commit_callbacks(execute=True):
        summary = refresh(data[1])
    assert "Offices moved: 1" in summary.lines()

    rita = fresh(meetings["rita"])
    assert (rita.building, rita.room) == (Building.RAYBURN, "2400")
    assert rita.place == "2400, Rayburn House Office Building"
    change = MeetingChange.objects.get(meeting=rita)
    assert change.changed_by is None
    assert change.fields == {"building": ["longworth", "rayburn"], "room": ["1234", "2400"]}
    changed = notices(CHANGED)
    assert list(changed) == [people["member"].email]
    assert changed[people["member"].email].context["meeting_id"] == rita.pk

    elsewhere = fresh(meetings["rita_committee_room"])
    assert (elsewhere.building, elsewhere.room) == (Building.RAYBURN, "2138")
    past = fresh(meetings["rita_past"])
    assert (past.building, past.room) == (Building.LONGWORTH, "1234")
    assert not MeetingChange.objects.filter(meeting__in=[elsewhere, past]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    assert MeetingChange.objects.filter(meeting=rita).count() == 1
    assert len(notices(CHANGED)) == 1


def test_refresh_after_a_term_ended_tells_once_though_the_data_still_lists_them(
    meetings, data, people, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    before = Email.objects.filter(kind=DEPARTED).count()
    ann = meetings["ann"]
    assert fresh(ann).lawmaker_departed is False

    clock.move_to(AFTER_TERM)
    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    assert Lawmaker.objects.get(public_id="S000002").is_serving is True  # still in the data
    assert fresh(ann).lawmaker_departed is True
    about_ann = Email.objects.filter(kind=DEPARTED, object_id=ann.lawmaker_id)
    assert sorted(about_ann.values_list("to", flat=True)) == sorted(
        people[name].email for name in ("leader", "vice_chair", "staff", "other_staff")
    )
    assert about_ann.first().context["why"] == "Their term ended on November 3, 2026."
    assert Email.objects.filter(kind=DEPARTED).count() == before + 4

    with django_capture_on_commit_callbacks(execute=True):
        refresh(data[1])
    assert Email.objects.filter(kind=DEPARTED).count() == before + 4
