"""The action centre: campaigns, and the log of letters and calls to lawmakers.

The log records what the person did and what they told us, never more: a
letter copied into an office's form is "sent, as they told us", a letter our
outbox took is "handed to our mail server", a printed letter is "printed".
Nothing here claims a message reached an office.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from localflavor.us.models import USStateField

from chapters.models import Chapter
from events.models import Event
from lawmakers.models import Committee, DistrictOffice, Lawmaker, Level


class EventTiming(models.TextChoices):
    BEFORE = "before", "Before the day: warm the offices up"
    AFTER = "after", "After the day: thank the offices met and repeat the asks"


class CampaignQuerySet(models.QuerySet):
    def open(self, *, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)


class Campaign(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=150)
    why = models.TextField("why it matters", help_text="Markdown.")
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.FEDERAL)
    state = USStateField(blank=True, help_text="The legislature of a state campaign.")
    chapter = models.ForeignKey(
        Chapter,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        help_text="Empty for a national campaign (staff).",
    )
    # Targeting reads like an ask's (talkingpoints.selectors.reasons_for): every
    # filled-in criterion narrows the person's own lawmakers.
    target_own = models.BooleanField(
        "the person's own lawmakers",
        default=True,
        help_text="Each person writes to and calls their own lawmakers.",
    )
    target_chambers = models.JSONField(default=list, blank=True)
    target_parties = models.JSONField(default=list, blank=True)
    target_states = models.JSONField(default=list, blank=True)
    target_committees = models.ManyToManyField(Committee, blank=True, related_name="+")
    target_lawmakers = models.ManyToManyField(
        Lawmaker,
        blank=True,
        related_name="+",
        help_text="Named lawmakers everyone is asked to contact, wherever they live.",
    )
    letter_subject = models.CharField(max_length=200)
    letter_body = models.TextField()
    own_words_prompt = models.CharField(
        "what to write in their own words",
        max_length=300,
        blank=True,
        help_text="Shown above the box; the letter takes it where {{ own_words }} stands.",
    )
    own_words_required = models.BooleanField(default=False)
    call_script = models.TextField(blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    is_public = models.BooleanField(
        "open to the public", default=False, help_text="People who are not logged in may act."
    )
    allows_outbox_email = models.BooleanField(
        "send emails through our outbox",
        default=False,
        help_text="State legislators' published addresses: we send the letter in the "
        "person's name, replies going to them.",
    )
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    event_timing = models.CharField(max_length=10, choices=EventTiming.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="actions_campaign_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(level=Level.FEDERAL, state="") | Q(level=Level.STATE) & ~Q(state=""),
                name="actions_campaign_state_for_state_level_only",
            ),
            models.CheckConstraint(
                condition=Q(event__isnull=True, event_timing="")
                | Q(event__isnull=False, event_timing__in=EventTiming.values),
                name="actions_campaign_timing_with_event",
            ),
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at


class Supporter(models.Model):
    """Someone from the public who took part, as they gave themselves to us.

    Forgetting clears everything personal and keeps the row, so their actions
    still count (anonymously) on the dashboards.
    """

    name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    zip_code = models.CharField(max_length=10, blank=True)
    consents_to_contact = models.BooleanField(default=False)
    wants_to_join_chapter = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    forgotten_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.name or "Anonymous supporter"


class Channel(models.TextChoices):
    CONTACT_FORM = "form", "Office's contact form"
    EMAIL = "email", "Email from their own mail"
    OUTBOX_EMAIL = "outbox", "Email sent by our outbox"
    PRINTED = "print", "Printed letter"
    CALL_CAPITOL = "call_capitol", "Call to the Washington or capitol office"
    CALL_DISTRICT = "call_district", "Call to a district office"


class Outcome(models.TextChoices):
    SENT_AS_TOLD = "told_sent", "Sent, as they told us"
    HANDED_TO_MAIL = "handed_to_mail", "Handed to our mail server"
    PRINTED = "printed", "Printed (PDF downloaded)"
    SPOKE = "spoke", "Spoke to staff"
    VOICEMAIL = "voicemail", "Left a voicemail"
    BUSY = "busy", "Line busy"
    MAILBOX_FULL = "mailbox_full", "Mailbox full"


CALL_CHANNELS = (Channel.CALL_CAPITOL, Channel.CALL_DISTRICT)
CALL_OUTCOMES = (Outcome.SPOKE, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.MAILBOX_FULL)
# The one outcome each letter channel can have: what we can see of it.
LETTER_OUTCOMES = {
    Channel.CONTACT_FORM: Outcome.SENT_AS_TOLD,
    Channel.EMAIL: Outcome.SENT_AS_TOLD,
    Channel.OUTBOX_EMAIL: Outcome.HANDED_TO_MAIL,
    Channel.PRINTED: Outcome.PRINTED,
}


def _outcome_fits_channel() -> Q:
    calls = Q(channel__in=CALL_CHANNELS, outcome__in=CALL_OUTCOMES)
    for channel, outcome in LETTER_OUTCOMES.items():
        calls |= Q(channel=channel, outcome=outcome)
    return calls


class Action(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="actions")
    lawmaker = models.ForeignKey(Lawmaker, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    district_office = models.ForeignKey(
        DistrictOffice, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_taken",
    )
    supporter = models.ForeignKey(
        Supporter, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    # Where the person lives, as far as the counts need it (cleared for a ZIP on forgetting).
    state = USStateField(blank=True)
    district = models.PositiveSmallIntegerField(null=True, blank=True)
    zip_code = models.CharField(max_length=5, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["campaign", "created_at"]),
            models.Index(fields=["campaign", "lawmaker"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="actions_channel_known"
            ),
            models.CheckConstraint(
                condition=_outcome_fits_channel(), name="actions_outcome_fits_channel"
            ),
            models.CheckConstraint(
                condition=~Q(user__isnull=False, supporter__isnull=False),
                name="actions_member_or_supporter",
            ),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} to {self.lawmaker}: {self.get_outcome_display()}"
