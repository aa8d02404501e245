"""Demo data: a national Day of Action, the association's chapters, leaders, members, staff
and a few hundred registered participants, and the day planned and the plan accepted.

Safe to run again: what exists already is left as it is.
"""

import datetime
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from actions.demo import load_action_demo
from chapters.models import Role
from chapters.services import membership_add
from coalitions.demo import load_coalition_demo
from dayofaction.demo_meetings import demo_meetings_create
from dayofaction.demo_participants import (
    CHAPTERS,
    CROWD_DOMAIN,
    demo_chapters_create,
    demo_participants_create,
)
from dayofaction.demo_plan import demo_plan_create
from events.models import Event, EventStatus, Level
from members.models import PolicyIssue, PracticeArea, User
from members.services import profile_for, user_create
from press.demo import load_press_demo
from talkingpoints.demo import demo_asks_create

DEMO_PASSWORD = "lobby-day-demo"

# (email, first, last, chapter, role, city, state, zip, years, first-timer)
PEOPLE = [
    (
        "chair.mn@example.org",
        "Ingrid",
        "Halvorsen",
        "Minnesota/Dakotas",
        Role.CHAIR,
        "Minneapolis",
        "MN",
        "55401",
        18,
        False,
    ),
    (
        "vicechair.mn@example.org",
        "Tomás",
        "Reyes",
        "Minnesota/Dakotas",
        Role.VICE_CHAIR,
        "Fargo",
        "ND",
        "58102",
        9,
        False,
    ),
    (
        "amara.okafor@example.org",
        "Amara",
        "Okafor",
        "Minnesota/Dakotas",
        Role.MEMBER,
        "Saint Paul",
        "MN",
        "55102",
        4,
        True,
    ),
    (
        "lena.berg@example.org",
        "Lena",
        "Berg",
        "Minnesota/Dakotas",
        Role.MEMBER,
        "Sioux Falls",
        "SD",
        "57104",
        12,
        False,
    ),
    (
        "hamza.ali@example.org",
        "Hamza",
        "Ali",
        "Minnesota/Dakotas",
        Role.MEMBER,
        "Rochester",
        "MN",
        "55901",
        2,
        True,
    ),
    (
        "chair.ma@example.org",
        "Maeve",
        "Donnelly",
        "Massachusetts",
        Role.CHAIR,
        "Boston",
        "MA",
        "02108",
        22,
        False,
    ),
    (
        "priya.raman@example.org",
        "Priya",
        "Raman",
        "Massachusetts",
        Role.LEADER,
        "Cambridge",
        "MA",
        "02139",
        7,
        False,
    ),
    (
        "jonas.pereira@example.org",
        "Jonas",
        "Pereira",
        "Massachusetts",
        Role.MEMBER,
        "Worcester",
        "MA",
        "01608",
        3,
        True,
    ),
    (
        "grace.kim@example.org",
        "Grace",
        "Kim",
        "Massachusetts",
        Role.MEMBER,
        "Springfield",
        "MA",
        "01103",
        15,
        False,
    ),
    (
        "chair.tn@example.org",
        "DeShawn",
        "Carter",
        "Tennessee",
        Role.CHAIR,
        "Nashville",
        "TN",
        "37203",
        11,
        False,
    ),
    (
        "rosa.martinez@example.org",
        "Rosa",
        "Martinez",
        "Tennessee",
        Role.MEMBER,
        "Memphis",
        "TN",
        "38103",
        6,
        True,
    ),
    (
        "ethan.brooks@example.org",
        "Ethan",
        "Brooks",
        "Tennessee",
        Role.MEMBER,
        "Knoxville",
        "TN",
        "37902",
        1,
        True,
    ),
]

STAFF = ("staff@example.org", "Nadia", "Haddad")


class Command(BaseCommand):
    help = "Load demo data and print the demo logins."

    def handle(self, *args, **options):
        with transaction.atomic():
            event, staff, crowd = self._data()
        # After the data is committed, as staff would: the run's task starts after commit.
        if crowd:
            self._plan(event, staff)
        self._print_logins(crowd)

    def _plan(self, event, staff):
        started = time.monotonic()
        run, accepted, problem = demo_plan_create(event=event, by=staff)
        took = time.monotonic() - started
        if problem:
            self.stdout.write(self.style.WARNING(f"The day was not planned: {problem}"))
        elif accepted is not None:
            self.stdout.write(
                f"The day is planned ({run.message}) and the plan accepted: "
                f"{accepted.created} meetings requested, {accepted.changed} changed, "
                f"{accepted.cancelled} cancelled ({took:.0f} s, the notices included)."
            )

    def _data(self):
        self._password_hash = make_password(DEMO_PASSWORD)
        event = self._event()
        chapters = demo_chapters_create()
        areas = list(PracticeArea.objects.all())
        issues = list(PolicyIssue.objects.all())
        staff = self._person(*STAFF, is_staff=True)
        staff.is_superuser = True
        staff.save(update_fields=["is_superuser"])
        for index, row in enumerate(PEOPLE):
            email, first, last, chapter, role, city, state, zip_code, years, first_time = row
            user = self._person(email, first, last)
            profile = profile_for(user=user)
            if not profile.zip_code:
                profile.city, profile.state, profile.zip_code = city, state, zip_code
                profile.years_of_practice, profile.first_time_advocate = years, first_time
                profile.phone = f"+1612555{index:04d}"
                profile.save()
                profile.practice_areas.set(areas[index % len(areas) :][:2])
                profile.policy_issues.set(issues[index % len(issues) :][:2])
            membership_add(chapter=chapters[chapter], user=user, role=role)
        demo_meetings_create(event=event, chapters=chapters, by=staff)
        demo_asks_create(event=event, by=staff)
        load_coalition_demo(chapters["Minnesota/Dakotas"])
        load_action_demo(event=event, chapter=chapters["Minnesota/Dakotas"], staff=staff)
        load_press_demo(event=event, chapter=chapters["Minnesota/Dakotas"], staff=staff)
        crowd = demo_participants_create(
            event=event, chapters=chapters, password_hash=self._password_hash
        )
        return event, staff, crowd

    def _event(self):
        date = datetime.date(timezone.localdate().year + 1, 4, 14)
        event, _ = Event.objects.get_or_create(
            slug=f"national-day-of-action-{date.year}",
            defaults={
                "name": f"National Day of Action {date.year}",
                "level": Level.NATIONAL,
                "date": date,
                "theme": "Immigration fuels prosperity",
                "status": EventStatus.PUBLISHED,
                "briefing_venue": "Capitol Visitor Center, Congressional Auditorium",
                "agenda": "8:00 Breakfast and briefing\n9:00 Meetings on the Hill\n"
                "17:00 Debrief and reception",
            },
        )
        return event

    def _person(self, email, first, last, is_staff=False):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = user_create(
                email=email,
                password=None,
                first_name=first,
                last_name=last,
                email_verified=True,
                is_staff=is_staff,
            )
            # One hash for every demo account: hashing each takes a second or more.
            user.password = self._password_hash
            user.save(update_fields=["password"])
        return user

    def _print_logins(self, crowd):
        self.stdout.write(
            f"{len(crowd)} more participants in {len(CHAPTERS)} chapters are registered "
            "for the national day (addresses @" + CROWD_DOMAIN + ")."
        )
        self.stdout.write(self.style.SUCCESS("Demo data is loaded. Log in with any of these:"))
        self.stdout.write(f"  national staff   {STAFF[0]}")
        self.stdout.write("  chapter chair    chair.mn@example.org  (Minnesota/Dakotas)")
        self.stdout.write("  chapter leader   priya.raman@example.org  (Massachusetts)")
        self.stdout.write("  member           amara.okafor@example.org  (Minnesota/Dakotas)")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
