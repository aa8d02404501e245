"""The rush's world: a national Day of Action open for sign-up, its members and watchers.

`build(users=, watchers=, password_hash=)` bulk-creates, in a few statements per table
whatever the size:

- one chapter per PEOPLE_PER_CHAPTER people (rush members and watchers together), each
  in a state of its own, with MEETINGS_PER_CHAPTER meetings (a senator, then House
  members) at distinct times, their seats enough for SEATED_SHARE of the chapter, so
  the last to arrive join waitlists;
- the rush members: accounts sharing one password hash (made once, by the caller),
  their address verified in allauth's EmailAddress (logging in needs it), a profile in
  their chapter's state and a membership; not registered, no seat;
- the watchers: the same, registered and confirmed in one of their chapter's meetings
  (counted in `seats_taken`), each logged in already (a database session).
"""

import datetime
import math
from dataclasses import asdict, dataclass

PEOPLE_PER_CHAPTER = 100
MEETINGS_PER_CHAPTER = 5
SEATED_SHARE = 0.9
STATES = [
    *("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL"),
    *("IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT"),
    *("NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI"),
    *("SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"),
]
EVENT_SLUG = "national-rush"


@dataclass(frozen=True)
class Scenario:
    """What the load tool needs: whom to log in as, and where to go."""

    event_slug: str
    password: str
    member_emails: list[str]
    watcher_sessions: list[str]

    def as_json(self) -> dict:
        return asdict(self)


def build(*, users: int, watchers: int, password: str, password_hash: str) -> Scenario:
    from allauth.account.models import EmailAddress
    from benchlib import logged_in_sessions
    from django.utils import timezone

    from chapters.models import Chapter, ChapterState, Membership
    from events.models import Event, EventStatus, Registration
    from members.models import Profile, User

    date = timezone.localdate() + datetime.timedelta(days=30)
    event = Event.objects.create(
        name="National Day of Action (rush)",
        slug=EVENT_SLUG,
        date=date,
        status=EventStatus.PUBLISHED,
    )
    people = users + watchers
    count = max(1, math.ceil(people / PEOPLE_PER_CHAPTER))
    chapters = Chapter.objects.bulk_create(
        Chapter(name=f"Rush chapter {n}", slug=f"rush-{n}") for n in range(count)
    )
    state_of = {chapter.pk: STATES[n % len(STATES)] for n, chapter in enumerate(chapters)}
    ChapterState.objects.bulk_create(
        ChapterState(chapter=chapter, state=state_of[chapter.pk]) for chapter in chapters
    )
    accounts = User.objects.bulk_create(
        (
            User(
                email=f"{'member' if n < users else 'watcher'}{n}@rush.example.org",
                first_name="Rush",
                last_name=str(n),
                password=password_hash,
            )
            for n in range(people)
        ),
        batch_size=2000,
    )
    chapter_of = {user.pk: chapters[n % count] for n, user in enumerate(accounts)}
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in accounts),
        batch_size=2000,
    )
    Profile.objects.bulk_create(
        (Profile(user=u, state=state_of[chapter_of[u.pk].pk]) for u in accounts),
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        (Membership(chapter=chapter_of[u.pk], user=u) for u in accounts), batch_size=2000
    )
    meetings = _meetings(event, chapters, state_of, people_per_chapter=people / count)
    seated = accounts[users:]
    Registration.objects.bulk_create(Registration(event=event, user=u) for u in seated)
    _seat(seated, meetings, chapter_of)
    return Scenario(
        event_slug=event.slug,
        password=password,
        member_emails=[user.email for user in accounts[:users]],
        watcher_sessions=logged_in_sessions(seated),
    )


def _meetings(event, chapters, state_of, *, people_per_chapter: float) -> dict:
    """Each chapter's meetings, by chapter id: a senator at 9:00, House members after."""
    from lawmakers.models import Building, CapitolSide, Chamber, Lawmaker, Level
    from meetings.models import Meeting, MeetingStatus

    seats = math.ceil(SEATED_SHARE * people_per_chapter / MEETINGS_PER_CHAPTER)
    lawmakers, meetings = [], []
    for chapter in chapters:
        for n in range(MEETINGS_PER_CHAPTER):
            senate = n == 0
            lawmakers.append(
                Lawmaker(
                    public_id=f"R{chapter.pk:04d}{n}",
                    level=Level.FEDERAL,
                    chamber=Chamber.UPPER if senate else Chamber.LOWER,
                    state=state_of[chapter.pk],
                    district="" if senate else str(n),
                    last_name=f"Office{chapter.pk}x{n}",
                    full_name=f"Lawmaker Office{chapter.pk}x{n}",
                    office_building=Building.HART if senate else Building.RAYBURN,
                    office_room=str(100 + n),
                    capitol_side=CapitolSide.SENATE if senate else CapitolSide.HOUSE,
                )
            )
    lawmakers = Lawmaker.objects.bulk_create(lawmakers)
    day = datetime.datetime.combine(event.date, datetime.time(9), tzinfo=event.zone)
    for index, lawmaker in enumerate(lawmakers):
        chapter = chapters[index // MEETINGS_PER_CHAPTER]
        starts = day + datetime.timedelta(hours=index % MEETINGS_PER_CHAPTER)
        meetings.append(
            Meeting(
                event=event,
                chapter=chapter,
                lawmaker=lawmaker,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=30),
                building=lawmaker.office_building,
                room=lawmaker.office_room,
                status=MeetingStatus.SCHEDULED,
                seats=seats,
            )
        )
    by_chapter = {}
    for meeting in Meeting.objects.bulk_create(meetings):
        by_chapter.setdefault(meeting.chapter_id, []).append(meeting)
    return by_chapter


def _seat(users, meetings_by_chapter: dict, chapter_of: dict) -> None:
    """Confirm each watcher in one of their chapter's meetings, in turn."""
    from django.utils import timezone

    from meetings.models import Meeting, Seat, SeatStatus

    now, seats, turn = timezone.now(), [], {}
    for user in users:
        chapter_id = chapter_of[user.pk].pk
        mine = meetings_by_chapter[chapter_id]
        meeting = mine[turn.setdefault(chapter_id, 0) % len(mine)]
        turn[chapter_id] += 1
        meeting.seats_taken += 1
        seats.append(
            Seat(meeting=meeting, user=user, status=SeatStatus.CONFIRMED, confirmed_at=now)
        )
    Seat.objects.bulk_create(seats, batch_size=2000)
    everyone = [meeting for mine in meetings_by_chapter.values() for meeting in mine]
    Meeting.objects.bulk_update(everyone, ["seats_taken"], batch_size=2000)
