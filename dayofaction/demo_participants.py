"""Demo crowd: the association's chapters and a few hundred participants of the national day.

Real ZIP codes from the imported ZIP table, so every participant has real
lawmakers; about one in five is a first-timer; some arrive late or leave
early. Without the ZIP table (no import yet) it creates the chapters only.

Built with bulk inserts: hashing a password per account would take minutes,
so the crowd shares one hash of the demo password. Those who arrive late or
leave early give those hours on their registration, which the plan of the
day (`demo_plan`) reads like any other.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from chapters.models import Chapter, Membership, Role
from chapters.services import chapter_create
from events.models import Attendance, Event, Registration
from lawmakers.models import ZipDistrict
from members.models import Profile, User

CROWD_DOMAIN = "members.example.org"
SEED = 2027

# (name, states, participants): about 39 chapters; the big states send more people.
CHAPTERS = [
    ("Minnesota/Dakotas", ["MN", "ND", "SD"], 12),
    ("Massachusetts", ["MA"], 10),
    ("Tennessee", ["TN"], 6),
    ("Arizona", ["AZ"], 10),
    ("Carolinas", ["NC", "SC"], 10),
    ("Central Florida", ["FL"], 9),
    ("South Florida", ["FL"], 12),
    ("Northern California", ["CA"], 16),
    ("Southern California", ["CA"], 20),
    ("San Diego", ["CA"], 9),
    ("Santa Clara Valley", ["CA"], 10),
    ("Colorado", ["CO", "WY", "MT"], 9),
    ("Connecticut", ["CT", "RI"], 6),
    ("Washington, DC", ["DC", "VA", "MD"], 14),
    ("Georgia-Alabama", ["GA", "AL"], 10),
    ("Hawaii", ["HI"], 4),
    ("Chicago", ["IL"], 14),
    ("Indiana", ["IN"], 5),
    ("Iowa-Nebraska", ["IA", "NE"], 5),
    ("Kansas-Missouri", ["KS", "MO", "AR"], 7),
    ("Michigan", ["MI"], 8),
    ("New Jersey", ["NJ"], 11),
    ("New Mexico", ["NM"], 4),
    ("New York", ["NY"], 20),
    ("Upstate New York", ["NY"], 6),
    ("Ohio", ["OH", "KY", "WV"], 9),
    ("Oregon", ["OR", "ID"], 6),
    ("Philadelphia", ["PA", "DE"], 9),
    ("Pittsburgh", ["PA"], 4),
    ("Central Texas", ["TX"], 8),
    ("Houston", ["TX"], 12),
    ("North Texas", ["TX", "OK"], 10),
    ("San Antonio", ["TX"], 6),
    ("Utah", ["UT"], 4),
    ("Washington State", ["WA", "AK"], 10),
    ("Wisconsin", ["WI"], 5),
    ("Nevada", ["NV"], 5),
    ("New Orleans", ["LA", "MS"], 5),
    ("Northern New England", ["NH", "ME", "VT"], 4),
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Aisha Alejandro Amir Ana Anjali Ben Camila Carlos Chen Chloe Daniel Diego Elena Emeka "
    "Fatima Gabriel Hana Ibrahim Isabel Jamal Jin Julia Kwame Laila Luis Mai Marco Maria Mei "
    "Nadia Noah Olga Omar Paolo Rahul Sara Sofia Tariq Valeria Yusuf Zoe"
)
LAST_NAMES = _words(
    "Abebe Acosta Ahmed Bauer Bianchi Castillo Chowdhury Cohen Diaz Dubois Ferreira Garcia "
    "Goldberg Gupta Haddad Hernandez Ito Jensen Kaur Kowalski Lee Lopez Mahmoud Mendoza Moreno "
    "Nakamura Nguyen Novak Okoye Park Patel Petrov Quinn Rossi Santos Schmidt Singh Tran Walsh "
    "Yilmaz"
)
FIRST_TIMER_EVERY = 5
VIRTUAL_SHARE = 0.1
# A ZIP spanning districts: most participants chose theirs, some never did.
CHOSE_DISTRICT_SHARE = 0.8


@dataclass(frozen=True)
class DemoParticipant:
    """A crowd participant and the hours they can give (None: the event's own hours)."""

    user_id: int
    chapter_id: int
    arrive_by: datetime.time | None
    leave_at: datetime.time | None


def demo_chapters_create() -> dict[str, Chapter]:
    """The chapters by name, created where missing."""
    existing = {chapter.name: chapter for chapter in Chapter.objects.all()}
    return {
        name: existing.get(name) or chapter_create(name=name, states=states)
        for name, states, _ in CHAPTERS
    }


def _availability(rng: random.Random) -> tuple[datetime.time | None, datetime.time | None]:
    roll = rng.random()
    if roll < 0.15:
        return datetime.time(rng.choice((10, 11, 12)), 0), None  # a morning flight
    if roll < 0.3:
        return None, datetime.time(rng.choice((13, 14, 15)), 30)  # an afternoon flight home
    if roll < 0.35:
        return datetime.time(10, 0), datetime.time(15, 0)
    return None, None


def _zips_by_state(states: set[str]) -> dict[str, dict[str, list[int]]]:
    """state -> ZIP -> its districts in that state."""
    zips: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = ZipDistrict.objects.filter(state__in=states).values_list("zcta", "state", "district")
    for zcta, state, district in rows.order_by("zcta", "district"):
        zips[state][zcta].append(district)
    return zips


def _existing_crowd() -> list[DemoParticipant]:
    rng = random.Random(SEED)
    memberships = Membership.objects.filter(user__email__endswith=f"@{CROWD_DOMAIN}").order_by(
        "user_id"
    )
    participants = []
    for user_id, chapter_id in memberships.values_list("user_id", "chapter_id"):
        arrive_by, leave_at = _availability(rng)
        participants.append(DemoParticipant(user_id, chapter_id, arrive_by, leave_at))
    return participants


def demo_participants_create(
    *, event: Event, chapters: dict[str, Chapter], password_hash: str = "", scale: int = 1
) -> list[DemoParticipant]:
    """The crowd of the national day, registered; the same list again on a second run.

    `scale` multiplies every chapter's size (the accept benchmark's bigger day).
    """
    if User.objects.filter(email__endswith=f"@{CROWD_DOMAIN}").exists():
        return _existing_crowd()
    zips = _zips_by_state({state for _, states, _ in CHAPTERS for state in states})
    if not zips:
        return []
    rng = random.Random(SEED)
    password = password_hash or make_password("lobby-day-demo")
    rows = []  # (user, profile fields, chapter)
    number = 0
    for name, states, size in CHAPTERS:
        for _ in range(size * scale):
            state = rng.choice([s for s in states if zips.get(s)] or [""])
            if not state:
                continue
            zcta = rng.choice(sorted(zips[state]))
            districts = zips[state][zcta]
            chosen = None
            if len(districts) == 1 or rng.random() < CHOSE_DISTRICT_SHARE:
                chosen = rng.choice(districts)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            number += 1
            # Exactly one in five, wherever the random draws fall.
            first_timer = number % FIRST_TIMER_EVERY == 0
            user = User(
                email=f"{first}.{last}.{number}@{CROWD_DOMAIN}".lower(),
                first_name=first,
                last_name=last,
                password=password,
            )
            profile = {
                "state": state,
                "zip_code": zcta,
                "congressional_district": chosen,
                "first_time_advocate": first_timer,
                "years_of_practice": rng.randint(0, 2) if first_timer else rng.randint(3, 30),
            }
            rows.append((user, profile, chapters[name]))
    users = User.objects.bulk_create([user for user, _, _ in rows])
    Profile.objects.bulk_create(
        Profile(user=user, **profile) for user, (_, profile, _) in zip(users, rows, strict=True)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, primary=True, verified=True) for user in users
    )
    Membership.objects.bulk_create(
        Membership(chapter=chapter, user=user, role=Role.MEMBER)
        for user, (_, _, chapter) in zip(users, rows, strict=True)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            attendance=(
                Attendance.VIRTUAL if rng.random() < VIRTUAL_SHARE else Attendance.IN_PERSON
            ),
        )
        for user in users
    )
    crowd = _existing_crowd()
    _hours_given(event, crowd)
    return crowd


def _hours_given(event: Event, crowd: list[DemoParticipant]) -> None:
    """Those who arrive late or leave early say so on their registration, as people do."""
    hours = {p.user_id: p for p in crowd if p.arrive_by or p.leave_at}
    registrations = list(Registration.objects.filter(event=event, user_id__in=list(hours)))
    for registration in registrations:
        participant = hours[registration.user_id]
        registration.arrive_by, registration.leave_at = participant.arrive_by, participant.leave_at
    Registration.objects.bulk_update(registrations, ["arrive_by", "leave_at"])
