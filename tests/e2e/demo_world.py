"""The demo's lobby day (`manage.py load_demo`) for browser tests that look at whole pages.

`load_demo` builds what a newcomer sees: three chapters with chairs, leaders and members,
staff, a national event with meetings all day, asks and a coalition forum with guests and
press. It needs federal lawmakers to meet; the builder makes enough of them first.
"""

import io
from dataclasses import dataclass

from django.core.management import call_command

from chapters.models import Chapter
from coalitions.models import CoalitionEvent
from dayofaction.management.commands.load_demo import DEMO_PASSWORD
from events.models import Event
from lawmakers.models import Building, CapitolSide, Chamber
from meetings.models import Meeting, Seat
from members.models import PolicyIssue, PracticeArea, User
from tests.meetings.factories import LawmakerFactory

# (state, chamber, how many): the demo picks offices by index within each list.
OFFICES = [
    ("MN", Chamber.UPPER, 2),
    ("MN", Chamber.LOWER, 5),
    ("ND", Chamber.UPPER, 1),
    ("SD", Chamber.UPPER, 1),
    ("SD", Chamber.LOWER, 1),
    ("MA", Chamber.UPPER, 2),
    ("MA", Chamber.LOWER, 7),
    ("TN", Chamber.UPPER, 1),
    ("TN", Chamber.LOWER, 5),
]
PASSWORD = DEMO_PASSWORD


@dataclass(frozen=True)
class DemoWorld:
    event: Event
    chapter: Chapter  # Minnesota/Dakotas: the chair's chapter, with the coalition forum
    staff: User
    chair: User
    member: User
    member_meeting: Meeting  # a meeting the member has a seat in
    led_meeting: Meeting  # a meeting the member leads
    forum: CoalitionEvent


def _offices() -> None:
    # A transactional test starts from empty tables: the migrations' own rows are gone too.
    for name in ("Asylum", "Removal defense", "Family-based"):
        PracticeArea.objects.get_or_create(name=name)
    for name in ("Backlogs", "Detention"):
        PolicyIssue.objects.get_or_create(name=name)
    for state, chamber, count in OFFICES:
        for number in range(count):
            if chamber == Chamber.UPPER:
                LawmakerFactory(state=state, chamber=chamber, district="")
            else:
                LawmakerFactory(
                    state=state,
                    chamber=chamber,
                    district=str(number + 1),
                    office_building=Building.RAYBURN,
                    capitol_side=CapitolSide.HOUSE,
                )


def demo_world() -> DemoWorld:
    _offices()
    call_command("load_demo", stdout=io.StringIO())
    member = User.objects.get(email="amara.okafor@example.org")
    chapter = Chapter.objects.get(name="Minnesota/Dakotas")
    return DemoWorld(
        event=Event.objects.get(),
        chapter=chapter,
        staff=User.objects.get(email="staff@example.org"),
        chair=User.objects.get(email="chair.mn@example.org"),
        member=member,
        member_meeting=Seat.objects.filter(user=member).order_by("meeting__starts_at")[0].meeting,
        led_meeting=Meeting.objects.get(lead=member),
        forum=CoalitionEvent.objects.get(chapter=chapter),
    )
