"""Coalition work: partners, shared principles, outreach, coalition events and their guests."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from localflavor.us.models import USStateField, USZipCodeField

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Lawmaker


class PartnerKind(models.TextChoices):
    LEGAL_SERVICES = "legal_services", "Legal services"
    FAITH = "faith", "Faith group"
    BUSINESS = "business", "Business association"
    COMMUNITY = "community", "Community group"
    LABOR = "labor", "Labor union"
    OTHER = "other", "Other"


class Partner(models.Model):
    """An organisation a chapter works with; several chapters may share one."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PartnerKind.choices)
    website = models.URLField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    chapters = models.ManyToManyField(Chapter, related_name="coalition_partners")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="coalitions_partner_name_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=PartnerKind.values), name="coalitions_partner_kind"
            ),
        ]

    def __str__(self):
        return self.name


class PartnerContact(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Principles(models.Model):
    """A statement of shared principles that partners and guests endorse."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "principles"

    def __str__(self):
        return self.title


class Endorsement(models.Model):
    principles = models.ForeignKey(
        Principles, on_delete=models.CASCADE, related_name="endorsements"
    )
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    endorsed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-endorsed_at"]
        constraints = [
            models.UniqueConstraint(
                "principles",
                Lower("email"),
                condition=~models.Q(email=""),
                name="coalitions_endorse_once_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} endorses {self.principles}"


class Outreach(models.Model):
    """Building a relationship with a target organisation, such as a chamber of commerce."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="outreach")
    organisation = models.CharField("target organisation", max_length=200)
    goal = models.CharField(
        max_length=300,
        help_text="What we want, e.g. a joint meeting with a member of Congress in the district.",
    )
    research = models.TextField("research notes", blank=True)
    door_openers = models.TextField(
        "contacts who can open the door", blank=True, help_text="One person a line."
    )
    next_step = models.CharField(max_length=300, blank=True)
    next_step_on = models.DateField("next step due", null=True, blank=True)
    contact_email = models.EmailField(
        "contact's email", max_length=254, blank=True, help_text="Where letters go."
    )
    contact_name = models.CharField("contact's name", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["next_step_on", "organisation"]
        verbose_name_plural = "outreach"

    def __str__(self):
        return self.organisation


class StepKind(models.TextChoices):
    RESEARCH = "research", "Research"
    CONTACT = "contact", "Contact made"
    LETTER = "letter", "Letter of introduction"
    MEETING = "meeting", "Meeting held"
    FOLLOW_UP = "follow_up", "Follow-up"


class OutreachStep(models.Model):
    outreach = models.ForeignKey(Outreach, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    happened_on = models.DateField()
    summary = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=StepKind.values), name="coalitions_step_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.happened_on}"


class CoalitionEvent(models.Model):
    """A community forum or similar event a chapter holds with its partners."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="coalition_events")
    day_of_action = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coalition_events",
        help_text="The Day of Action this event belongs to, if any.",
    )
    name = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    time_zone = models.CharField(
        max_length=64,
        default="America/New_York",
        help_text="Where the event happens: its times are read and shown in this zone.",
    )
    venue = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    accessibility = models.CharField(
        max_length=300, blank=True, help_text="Step-free entrance, interpretation, captions …"
    )
    description = models.TextField(blank=True)
    asks = models.TextField(
        blank=True, help_text="What guests ask their lawmakers for, one ask a line."
    )
    hosts = models.ManyToManyField(
        Partner, blank=True, related_name="coalition_events", verbose_name="co-hosts"
    )
    principles = models.ForeignKey(
        Principles,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coalition_events",
        help_text="The principles guests are asked to endorse.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self):
        return self.name

    @property
    def ask_list(self) -> list[str]:
        return [line.strip() for line in self.asks.splitlines() if line.strip()]

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self) -> datetime.datetime:
        """The start as a wall-clock time where the event is (naive: templates leave it be)."""
        return timezone.localtime(self.starts_at, self.zone).replace(tzinfo=None)

    @property
    def zone_abbreviation(self) -> str:
        """CDT, EST …: said beside every time, since guests may read it from elsewhere."""
        return timezone.localtime(self.starts_at, self.zone).tzname() or self.time_zone

    @property
    def when(self) -> str:
        """The start in the event's zone, as pages, sheets and emails say it."""
        return f"{date_format(self.local_starts_at, 'l, F j, Y, g:i A')} {self.zone_abbreviation}"

    @property
    def rsvp_closes_at(self) -> datetime.datetime:
        """RSVP links work until the end of the event's day, where it happens."""
        local_day = timezone.localtime(self.starts_at, self.zone).date()
        next_day = datetime.datetime.combine(
            local_day + datetime.timedelta(days=1), datetime.time(), tzinfo=self.zone
        )
        return next_day


class GuestKind(models.TextChoices):
    DISTINGUISHED = "distinguished", "Distinguished guest"
    PARTNER = "partner", "Partner"
    PUBLIC = "public", "Public"
    PRESS = "press", "Press"


class GuestRole(models.TextChoices):
    LAWMAKER = "lawmaker", "Member of Congress"
    STAFF = "staff", "Lawmaker's staff"
    COMMUNITY_LEADER = "community_leader", "Community leader"
    RELIGIOUS_LEADER = "religious_leader", "Religious leader"
    BUSINESS_LEADER = "business_leader", "Business leader"


class Rsvp(models.TextChoices):
    NOT_INVITED = "not_invited", "Not invited yet"
    SENT = "sent", "Invitation sent"
    OPENED = "opened", "Opened the link"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Guest(models.Model):
    """A person expected at (or who walked into) a coalition event; not an account."""

    event = models.ForeignKey(CoalitionEvent, on_delete=models.CASCADE, related_name="guests")
    kind = models.CharField(max_length=20, choices=GuestKind.choices)
    role = models.CharField(max_length=20, choices=GuestRole.choices, blank=True)
    lawmaker = models.ForeignKey(
        Lawmaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coalition_guests",
        help_text="The member of Congress, or the one whose office a staffer works in.",
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="guests"
    )
    first_name = models.CharField(max_length=150)
    last_name = models.CharField(max_length=150, blank=True)
    title = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    rsvp = models.CharField(max_length=20, choices=Rsvp.choices, default=Rsvp.NOT_INVITED)
    invited_at = models.DateTimeField(null=True, blank=True)
    times_invited = models.PositiveSmallIntegerField(default=0)
    opened_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    walk_in = models.BooleanField(default=False)
    thanked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["event", "kind"])]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(email=""),
                name="coalitions_guest_email_once_per_event",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=GuestKind.values), name="coalitions_guest_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=[*GuestRole.values, ""]),
                name="coalitions_guest_role",
            ),
            models.CheckConstraint(
                condition=models.Q(rsvp__in=Rsvp.values), name="coalitions_guest_rsvp"
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_press(self) -> bool:
        return self.kind == GuestKind.PRESS

    @property
    def can_be_thanked(self) -> bool:
        return (
            self.role in (GuestRole.LAWMAKER, GuestRole.STAFF)
            and self.checked_in_at is not None
            and bool(self.email)
        )


class TemplateKind(models.TextChoices):
    INVITATION = "invitation", "Invitation to an event"
    INTRODUCTION = "introduction", "Letter of introduction to a business group"
    POSTCARD = "postcard", "Postcard to a lawmaker"
    THANK_YOU = "thank_you", "Thank-you to officials and staff"


class MessageTemplate(models.Model):
    """A chapter's own wording of one kind of message; the built-in text is used until edited."""

    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="message_templates"
    )
    kind = models.CharField(max_length=20, choices=TemplateKind.choices)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["chapter", "kind"], name="coalitions_template_once"),
            models.CheckConstraint(
                condition=models.Q(kind__in=TemplateKind.values), name="coalitions_template_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.chapter})"


class Postcard(models.Model):
    """A guest's message to their own members of Congress, one printed card per lawmaker."""

    event = models.ForeignKey(CoalitionEvent, on_delete=models.CASCADE, related_name="postcards")
    guest = models.ForeignKey(
        Guest, on_delete=models.SET_NULL, null=True, blank=True, related_name="postcards"
    )
    name = models.CharField(max_length=200)
    street = models.CharField("street address", max_length=200)
    city = models.CharField(max_length=100)
    state = USStateField()
    zip_code = USZipCodeField("ZIP code")
    email = models.EmailField(max_length=254, blank=True)
    message = models.TextField()
    lawmakers = models.ManyToManyField(Lawmaker, related_name="coalition_postcards")
    printed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Postcard from {self.name}"
