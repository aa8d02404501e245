import datetime
import secrets

from django.conf import settings
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.utils import timezone

from chapters.models import Chapter
from common.constraints import PostgresExclusionConstraint, TsTzRange
from common.join_links import provider_name
from events.models import Event
from lawmakers.models import Building, Lawmaker


class MeetingKind(models.TextChoices):
    LAWMAKER = "lawmaker", "With the lawmaker"
    STAFF = "staff", "With staff"
    DROP_OFF = "drop_off", "Drop-off"


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", "In the office"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone call"


REMOTE_MODES = (MeetingMode.VIDEO, MeetingMode.PHONE)
# How a call is joined: what a leader sets, what the history keeps, what people are told.
CALL_FIELDS = ("mode", "line_host", "join_url", "phone_number", "phone_pin", "huddle_url")


class LineHost(models.TextChoices):
    """Whose video or phone line the meeting is on: ours counts against our accounts."""

    OURS = "ours", "We host it"
    OFFICE = "office", "The office hosts it"


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    SCHEDULED = "scheduled", "Scheduled"
    CONFIRMED = "confirmed", "Confirmed"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    NO_SHOW = "no_show", "No-show"


ACTIVE_MEETING_STATUSES = (
    MeetingStatus.REQUESTED,
    MeetingStatus.SCHEDULED,
    MeetingStatus.CONFIRMED,
    MeetingStatus.HELD,
)
# Still to happen: what a change in the lawmakers' data (a departure, an office move) touches.
UPCOMING_MEETING_STATUSES = (
    MeetingStatus.REQUESTED,
    MeetingStatus.SCHEDULED,
    MeetingStatus.CONFIRMED,
)
# The "Join" button is live this long before a call; the delegation's huddle opens earlier.
JOIN_OPENS_BEFORE = datetime.timedelta(minutes=10)
HUDDLE_BEFORE = datetime.timedelta(minutes=15)
# The database's name for "one office, one meeting at a time"; services turn it into words.
ONE_OFFICE_AT_A_TIME = "meetings_one_office_one_meeting_at_a_time"


class MeetingQuerySet(models.QuerySet):
    def active(self):
        """Meetings that happen or happened (not cancelled, not a no-show): what boards count.

        Lower apps (events) count meetings through the relation and this method, so the
        rule stays here and they need not import this app.
        """
        return self.filter(status__in=ACTIVE_MEETING_STATUSES)

    def upcoming(self):
        """Live meetings that have not started: requested, scheduled or confirmed."""
        return self.filter(status__in=UPCOMING_MEETING_STATUSES, starts_at__gt=timezone.now())


class Meeting(models.Model):
    """A chapter's meeting with a lawmaker's office during a Day of Action."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="meetings")
    chapter = models.ForeignKey(Chapter, on_delete=models.PROTECT, related_name="meetings")
    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    building = models.CharField(max_length=20, choices=Building.choices, blank=True)
    room = models.CharField(max_length=40, blank=True)
    location_note = models.CharField(
        max_length=200, blank=True, help_text="Anything that helps find the room."
    )
    kind = models.CharField(max_length=20, choices=MeetingKind.choices, default=MeetingKind.STAFF)
    mode = models.CharField(
        "how we meet", max_length=20, choices=MeetingMode.choices, default=MeetingMode.IN_PERSON
    )
    join_url = models.URLField(
        "join link", max_length=500, blank=True, help_text="https only: Zoom, Teams, Meet …"
    )
    phone_number = models.CharField("dial-in number", max_length=40, blank=True)
    phone_pin = models.CharField("PIN or meeting ID", max_length=40, blank=True)
    line_host = models.CharField(
        "whose line", max_length=20, choices=LineHost.choices, default=LineHost.OURS
    )
    huddle_url = models.URLField(
        "team huddle link",
        max_length=500,
        blank=True,
        help_text="A room for the delegation only, open 15 minutes before the meeting.",
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.REQUESTED
    )
    contact_name = models.CharField("office contact", max_length=150, blank=True)
    contact_email = models.EmailField("office contact's email", blank=True)
    seats = models.PositiveSmallIntegerField(default=5, help_text="How many of us may attend.")
    seats_taken = models.PositiveSmallIntegerField(default=0, editable=False)
    reserved_for_constituents = models.PositiveSmallIntegerField(
        default=0, help_text="Seats only the lawmaker's constituents can take."
    )
    reserved_for_first_timers = models.PositiveSmallIntegerField(
        default=0, help_text="Seats only first-time advocates can take."
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_led",
        verbose_name="lead advocate",
    )
    note_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_noted",
    )
    signup_closed = models.BooleanField(
        default=False, help_text="Members can no longer take or leave a seat themselves."
    )
    keep = models.BooleanField(
        default=False,
        help_text="The planner keeps this meeting exactly as it is (time, room and people).",
    )
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "lawmaker__last_name"]
        indexes = [
            models.Index(fields=["event", "chapter", "starts_at"]),
            models.Index(fields=["event", "lawmaker"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meetings_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(seats_taken__lte=models.F("seats")),
                name="meetings_never_over_capacity",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    reserved_for_constituents__lte=models.F("seats")
                    - models.F("reserved_for_first_timers")
                ),
                name="meetings_reserved_within_seats",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MeetingStatus.values),
                name="meetings_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=MeetingKind.values), name="meetings_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(mode__in=MeetingMode.values), name="meetings_mode_known"
            ),
            models.CheckConstraint(
                condition=models.Q(line_host__in=LineHost.values),
                name="meetings_line_host_known",
            ),
            # An office visit has no link; a call has its way in (a link or a number).
            models.CheckConstraint(
                condition=~models.Q(mode=MeetingMode.IN_PERSON)
                | models.Q(join_url="", phone_number="", huddle_url=""),
                name="meetings_in_person_has_no_line",
            ),
            models.CheckConstraint(
                condition=~models.Q(mode=MeetingMode.PHONE) | ~models.Q(phone_number=""),
                name="meetings_phone_has_a_number",
            ),
            models.CheckConstraint(
                condition=models.Q(join_url="") | models.Q(join_url__startswith="https://"),
                name="meetings_join_link_is_https",
            ),
            # Two live meetings with one office never overlap, whoever books them at
            # whatever moment: the check in services reads, this holds (PostgreSQL).
            PostgresExclusionConstraint(
                name=ONE_OFFICE_AT_A_TIME,
                expressions=[
                    ("lawmaker", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
                condition=models.Q(status__in=ACTIVE_MEETING_STATUSES),
            ),
        ]

    def __str__(self):
        return f"{self.lawmaker} ({self.starts_at:%H:%M})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_MEETING_STATUSES

    @property
    def is_upcoming(self) -> bool:
        return self.status in UPCOMING_MEETING_STATUSES and self.starts_at > timezone.now()

    @property
    def lawmaker_departed(self) -> bool:
        """Still to happen, with someone who no longer serves: the board and page say so."""
        return self.is_upcoming and not self.lawmaker.in_office

    @property
    def seats_free(self) -> int:
        return max(self.seats - self.seats_taken, 0)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def is_remote(self) -> bool:
        return self.mode in REMOTE_MODES

    @property
    def on_our_line(self) -> bool:
        """Counts against the organisation's video accounts."""
        return self.is_remote and self.line_host == LineHost.OURS

    @property
    def join_provider(self) -> str:
        return provider_name(self.join_url) if self.join_url else ""

    @property
    def join_opens_at(self):
        return self.starts_at - JOIN_OPENS_BEFORE

    @property
    def huddle_starts_at(self):
        return self.starts_at - HUDDLE_BEFORE

    @property
    def place(self) -> str:
        if self.mode == MeetingMode.VIDEO:
            return f"Video call ({self.join_provider})" if self.join_url else "Video call"
        if self.mode == MeetingMode.PHONE:
            return "Phone call"
        building = self.get_building_display() if self.building else ""
        return ", ".join(part for part in (self.room, building) if part) or "Place to be set"


class MeetingChange(models.Model):
    """What changed on a meeting, who changed it and when."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=300)
    fields = models.JSONField(default=dict, blank=True, help_text="field: [before, after]")

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return self.summary


class SeatStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "Waitlisted"
    CANCELLED = "cancelled", "Cancelled"


class Seat(models.Model):
    """A person's place in a meeting: confirmed, or waiting for one."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seat_set")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seats"
    )
    status = models.CharField(max_length=20, choices=SeatStatus.choices)
    is_constituent = models.BooleanField(default=False)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["meeting", "status", "requested_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=models.Q(status__in=["confirmed", "waitlisted"]),
                name="meetings_one_live_seat_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SeatStatus.values),
                name="meetings_seat_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.user} in {self.meeting} ({self.status})"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed; revoking makes a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar of {self.user}"
