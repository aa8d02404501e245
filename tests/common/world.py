"""A small but complete site for the bad-input sweep: the demo data on factory lawmakers.

Built once per module inside a transaction that is rolled back when the module
ends, so other test modules see an empty database.
"""

import datetime
import io
from dataclasses import dataclass

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from chapters.models import Chapter, Invitation
from coalitions import access as coalition_access
from coalitions.models import CoalitionEvent, Guest, Outreach, Partner, Principles
from events.models import Event
from lawmakers.models import Building, CapitolSide, Chamber, Lawmaker, ZipDistrict
from meetings.models import Meeting, Seat
from members.models import User
from outbox.models import Email
from outbox.services import email_queue
from reports.models import ExportJob
from talkingpoints.models import Ask
from tests.factories import InvitationFactory
from tests.meetings.factories import LawmakerFactory

DEMO_STATES = ("MN", "ND", "SD", "MA", "TN")


@dataclass
class World:
    staff: User
    chair: User
    member: User
    event: Event
    chapter: Chapter
    meeting: Meeting
    seat: Seat
    lawmaker: Lawmaker
    coalition_event: CoalitionEvent
    guest: Guest
    partner: Partner
    principles: Principles
    outreach: Outreach
    ask: Ask
    invitation: Invitation
    email: Email
    job: ExportJob

    @property
    def rsvp_token(self) -> str:
        return coalition_access.rsvp_token(self.guest)

    @property
    def action_token(self) -> str:
        return coalition_access.action_token(self.coalition_event)


def _lawmakers() -> None:
    for state in DEMO_STATES:
        for _ in range(2):
            LawmakerFactory(state=state)
        for district in range(1, 8):
            LawmakerFactory(
                state=state,
                chamber=Chamber.LOWER,
                district=str(district),
                office_building=Building.RAYBURN,
                office_room=str(2100 + district),
                capitol_side=CapitolSide.HOUSE,
            )
    ZipDistrict.objects.bulk_create(
        [
            ZipDistrict(zcta="55401", state="MN", district=5),
            ZipDistrict(zcta="55102", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=4),
            ZipDistrict(zcta="55119", state="MN", district=5),
        ]
    )


def build_world() -> World:
    _lawmakers()
    call_command("load_demo", stdout=io.StringIO())
    chapter = Chapter.objects.get(name="Minnesota/Dakotas")
    staff = User.objects.get(email="staff@example.org")
    event = Event.objects.get()
    meeting = Meeting.objects.filter(chapter=chapter).order_by("starts_at").first()
    seat = Seat.objects.filter(meeting__chapter=chapter).select_related("user").first()
    coalition_event = CoalitionEvent.objects.get(chapter=chapter)
    outreach = Outreach.objects.create(chapter=chapter, organisation="Twin Cities Chamber")
    return World(
        staff=staff,
        chair=User.objects.get(email="chair.mn@example.org"),
        member=seat.user,
        event=event,
        chapter=chapter,
        meeting=meeting,
        seat=seat,
        lawmaker=meeting.lawmaker,
        coalition_event=coalition_event,
        guest=coalition_event.guests.exclude(email="").first(),
        partner=Partner.objects.first(),
        principles=Principles.objects.get(chapter=chapter),
        outreach=outreach,
        ask=Ask.objects.filter(event=event).first(),
        invitation=InvitationFactory(chapter=chapter),
        email=email_queue(
            to="someone@example.org",
            kind="sweep",
            key="sweep:1",
            subject="Hello",
            body_text="Hello",
            send_after=timezone.now() + datetime.timedelta(days=1),
        ),
        job=ExportJob.objects.create(requested_by=staff, kind="meetings", file_format="csv"),
    )


class RolledBackWorld:
    """Enter a transaction, build the world, and roll it all back on exit."""

    def __enter__(self) -> World:
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        return build_world()

    def __exit__(self, *exc_info):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
