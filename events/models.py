import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from localflavor.us.models import USStateField
from localflavor.us.us_states import STATE_CHOICES as US_STATE_NAMES


class Level(models.TextChoices):
    NATIONAL = "national", "National (Congress, in Washington)"
    STATE = "state", "State (a state legislature)"


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual (video and phone)"
    HYBRID = "hybrid", "Hybrid (some in the office, some on video or phone)"


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Event(models.Model):
    """A Day of Action: one day of meetings with lawmakers, national or at a state capitol."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.NATIONAL)
    state = USStateField(blank=True, help_text="For a state Day of Action: whose legislature.")
    date = models.DateField()
    time_zone = models.CharField(max_length=64, default="America/New_York")
    theme = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    briefing_venue = models.CharField(max_length=300, blank=True)
    agenda = models.TextField(blank=True, help_text="The day's programme, one item a line.")
    day_starts = models.TimeField(
        default=datetime.time(8, 0), help_text="The first meeting may start at this time."
    )
    day_ends = models.TimeField(
        default=datetime.time(18, 0), help_text="The last meeting must end by this time."
    )
    registration_opens_at = models.DateTimeField(null=True, blank=True)
    registration_closes_at = models.DateTimeField(null=True, blank=True)
    default_meeting_minutes = models.PositiveSmallIntegerField(default=20)
    gap_same_building_minutes = models.PositiveSmallIntegerField(
        default=5, help_text="Walking time between two meetings in the same building."
    )
    gap_same_side_minutes = models.PositiveSmallIntegerField(
        default=10, help_text="Between buildings on the same side of the Capitol."
    )
    gap_across_sides_minutes = models.PositiveSmallIntegerField(
        default=20, help_text="Between the House side and the Senate side."
    )
    format = models.CharField(
        "how people meet",
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
    )
    remote_spacing_minutes = models.PositiveSmallIntegerField(
        "spacing between video and phone meetings (minutes)",
        default=15,
        help_text="Each person's rest between two meetings on video or phone.",
    )
    working_day_starts = models.TimeField(
        "remote meetings from (participant's local time)",
        default=datetime.time(9, 0),
        help_text="Nobody is planned into a video or phone meeting before this, their time.",
    )
    working_day_ends = models.TimeField(
        "remote meetings until (participant's local time)",
        default=datetime.time(17, 0),
        help_text="…nor after this, in their own time zone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level=Level.NATIONAL, state="")
                | models.Q(level=Level.STATE) & ~models.Q(state=""),
                name="events_state_given_for_state_level_only",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=EventStatus.values),
                name="events_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(day_ends__gt=models.F("day_starts")),
                name="events_day_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=EventFormat.values), name="events_format_known"
            ),
            models.CheckConstraint(
                condition=models.Q(working_day_ends__gt=models.F("working_day_starts")),
                name="events_working_window_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="events_registration_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def place_label(self) -> str:
        """Where the offices are, as the time beside a reader's own says ("in Washington")."""
        if self.level == Level.NATIONAL:
            return "Washington"
        return dict(US_STATE_NAMES).get(self.state, self.state)

    @property
    def has_remote_meetings(self) -> bool:
        return self.format != EventFormat.IN_PERSON

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.day_starts, tzinfo=self.zone)

    @property
    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.day_ends, tzinfo=self.zone)

    def local(self, moment: datetime.datetime) -> datetime.datetime:
        return timezone.localtime(moment, self.zone)

    def registration_is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if not self.is_published:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        closes = self.registration_closes_at or self.starts_at
        return now < closes


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"


class Registration(models.Model):
    """A person taking part in a Day of Action."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    registered_at = models.DateTimeField(default=timezone.now)
    # When the person can be booked; empty means the event's own hours.
    arrive_by = models.TimeField(null=True, blank=True, help_text="I can be there from.")
    leave_at = models.TimeField(null=True, blank=True, help_text="I must leave at.")
    # Calls from home, on the person's own clock; empty means the event's working window.
    calls_from = models.TimeField(
        "calls from (my time)", null=True, blank=True, help_text="On calls from home, from."
    )
    calls_until = models.TimeField(
        "calls until (my time)", null=True, blank=True, help_text="On calls from home, until."
    )
    # On a hybrid day: a video meeting right after an office visit needs no walk home.
    joins_from_the_hill = models.BooleanField(
        "I join video meetings from the Hill",
        default=False,
        help_text="Between an office visit and a video meeting you need only a quiet corner.",
    )
    # What the person did to be ready (their checklist): when each was first done.
    availability_given_at = models.DateTimeField(null=True, blank=True)
    packet_opened_at = models.DateTimeField(null=True, blank=True)
    calendar_added_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registered_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_register_once"),
            models.CheckConstraint(
                condition=models.Q(attendance__in=Attendance.values),
                name="events_attendance_known",
            ),
            models.CheckConstraint(
                condition=models.Q(arrive_by__isnull=True)
                | models.Q(leave_at__isnull=True)
                | models.Q(leave_at__gt=models.F("arrive_by")),
                name="events_registration_leaves_after_arriving",
            ),
            models.CheckConstraint(
                condition=models.Q(calls_from__isnull=True)
                | models.Q(calls_until__isnull=True)
                | models.Q(calls_until__gt=models.F("calls_from")),
                name="events_registration_calls_window_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.user} at {self.event}"

    @property
    def available_from(self) -> datetime.time:
        return self.arrive_by or self.event.day_starts

    @property
    def available_until(self) -> datetime.time:
        return self.leave_at or self.event.day_ends

    @property
    def calls_window(self) -> tuple[datetime.time, datetime.time]:
        """The hours this person takes calls in, on their own clock."""
        return (
            self.calls_from or self.event.working_day_starts,
            self.calls_until or self.event.working_day_ends,
        )


class ProgrammeItem(models.Model):
    """A fixed part of the day (breakfast briefing, lunch, debrief, reception).

    "Everyone" items are kept free of meetings by the planner and by leaders' schedules.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme_items")
    title = models.CharField(max_length=200)
    starts = models.TimeField(help_text="In the event's time zone.")
    ends = models.TimeField(help_text="In the event's time zone.")
    place = models.CharField(max_length=300, blank=True)
    everyone = models.BooleanField(
        default=True, help_text="Everyone attends: nobody is booked into a meeting over it."
    )

    class Meta:
        ordering = ["starts", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")),
                name="events_programme_item_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.starts:%H:%M}-{self.ends:%H:%M} {self.title}"

    @property
    def starts_at(self):
        return datetime.datetime.combine(self.event.date, self.starts, tzinfo=self.event.zone)

    @property
    def ends_at(self):
        return datetime.datetime.combine(self.event.date, self.ends, tzinfo=self.event.zone)
