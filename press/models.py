"""The public awareness kit: public pages, press releases, the press list, social posts.

A `PublicPage` is the unit everything hangs on: one Day of Action (national, by
staff), one chapter's part in a day (its leaders), or one coalition event (its
chapter's leaders). Releases, outreach, clippings, quotes, availability and posts
belong to a page. Nothing here names a participant publicly without the person's
recorded consent (`consented_at`, withdrawn with `withdrawn_at`).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from localflavor.us.models import USStateField

from chapters.models import Chapter
from coalitions.models import CoalitionEvent
from events.models import Event
from meetings.models import Meeting


def new_code() -> str:
    return secrets.token_urlsafe(6)


class PublicPage(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    coalition_event = models.OneToOneField(
        CoalitionEvent, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    slug = models.SlugField(max_length=80, unique=True)
    headline = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="What the day is about, for the public.")
    partners = models.TextField(blank=True, help_text="Partner organisations, one a line.")
    hashtag = models.CharField(max_length=60, blank=True, help_text="Without the #.")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=False, coalition_event__isnull=True)
                | models.Q(
                    event__isnull=True, coalition_event__isnull=False, chapter__isnull=False
                ),
                name="press_page_of_an_event_or_a_coalition_event",
            ),
            models.UniqueConstraint(
                fields=["event", "chapter"],
                condition=models.Q(chapter__isnull=False, coalition_event__isnull=True),
                name="press_page_once_per_chapter_day",
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(chapter__isnull=True),
                name="press_page_once_per_national_day",
            ),
        ]

    def __str__(self):
        return self.headline

    @property
    def is_national(self) -> bool:
        return self.chapter_id is None

    @property
    def is_coalition(self) -> bool:
        return self.coalition_event_id is not None


# The outbox kind of a release's emails (its composer is registered under it).
RELEASE_EMAIL_KIND = "press.release"


class ReleaseKind(models.TextChoices):
    BEFORE = "before", "Before the day (announcing it)"
    AFTER = "after", "After the day (what happened)"


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved and queued"


class PressRelease(models.Model):
    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="releases")
    kind = models.CharField(max_length=10, choices=ReleaseKind.choices)
    title = models.CharField(max_length=300, help_text="The headline; merge fields allowed.")
    body = models.TextField(help_text="The release; merge fields allowed.")
    embargo_until = models.DateTimeField(help_text="Nothing goes to the press before this time.")
    status = models.CharField(
        max_length=10, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT
    )
    # The day's figures as staff approved them: they do not move after staff read them.
    # Quotes are not frozen: they are read when the release goes, so a withdrawn
    # consent takes the quote out of everything not yet sent.
    approved_values = models.JSONField(default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ReleaseKind.values), name="press_release_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ReleaseStatus.values),
                name="press_release_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ReleaseStatus.DRAFT)
                | models.Q(approved_at__isnull=False),
                name="press_release_approved_has_its_time",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.status == ReleaseStatus.APPROVED


class ContactSource(models.TextChoices):
    MANUAL = "manual", "Added by hand"
    IMPORT = "import", "Imported from a file"
    SIGN_IN = "sign_in", "Press sign-in at an event"


class MediaContact(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    outlet = models.CharField(max_length=200)
    beat = models.CharField(max_length=200, blank=True)
    market_state = USStateField(blank=True, verbose_name="market (state)")
    language = models.CharField(max_length=60, default="English")
    is_ethnic_media = models.BooleanField(default=False, verbose_name="ethnic or community media")
    chapter = models.ForeignKey(
        Chapter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(
        max_length=10, choices=ContactSource.choices, default=ContactSource.MANUAL
    )
    # Where the address came from with the person's agreement (a sign-in sheet's box).
    consent_note = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="press_contact_email_unique_ci",
                violation_error_message="This address is already on the press list.",
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=ContactSource.values),
                name="press_contact_source_known",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.outlet})"


class OutreachKind(models.TextChoices):
    RELEASE_SENT = "release_sent", "Release sent"
    REPLIED = "replied", "Replied"
    INTERVIEW = "interview", "Interview"
    COVERAGE = "coverage", "Coverage"


class OutreachEntry(models.Model):
    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="outreach")
    contact = models.ForeignKey(MediaContact, on_delete=models.CASCADE, related_name="outreach")
    kind = models.CharField(max_length=20, choices=OutreachKind.choices)
    note = models.CharField(max_length=500, blank=True)
    happened_at = models.DateTimeField()
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-happened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OutreachKind.values), name="press_outreach_kind"
            ),
            models.UniqueConstraint(
                fields=["release", "contact"],
                condition=models.Q(release__isnull=False),
                name="press_outreach_release_once_per_contact",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.happened_at:%Y-%m-%d})"


class Clipping(models.Model):
    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="clippings")
    contact = models.ForeignKey(
        MediaContact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outlet = models.CharField(max_length=200)
    published_on = models.DateField()
    url = models.URLField(max_length=500, verbose_name="link")
    headline = models.CharField(max_length=300)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"{self.outlet}: {self.headline}"


class Quote(models.Model):
    """A participant's or leader's words for a release, used only with their consent."""

    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="quotes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(max_length=1000)
    attribution = models.CharField(
        max_length=200, help_text="How the press may name you, e.g. “Ana Ruiz, Minneapolis”."
    )
    consented_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["consented_at", "pk"]

    def __str__(self):
        return self.attribution


class MediaAvailability(models.Model):
    """A member who agrees to speak to the press after the day; seen by staff and leaders."""

    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="availability")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    practice_area = models.CharField(max_length=200)
    languages = models.CharField(max_length=200, default="English")
    town = models.CharField(max_length=120)
    consented_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["consented_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="press_available_once"),
        ]

    def __str__(self):
        return f"{self.user} ({self.town})"


class Platform(models.TextChoices):
    X = "x", "X"
    BLUESKY = "bluesky", "Bluesky"
    FACEBOOK = "facebook", "Facebook"
    LINKEDIN = "linkedin", "LinkedIn"
    MASTODON = "mastodon", "Mastodon"
    INSTAGRAM = "instagram", "Instagram caption"


class SocialPost(models.Model):
    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="posts")
    platform = models.CharField(max_length=12, choices=Platform.choices)
    text = models.TextField(max_length=5000)
    # Our own short redirect to the public page: clicks counted per post.
    code = models.CharField(max_length=16, unique=True, default=new_code)
    clicks = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["platform", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(platform__in=Platform.values), name="press_post_platform"
            ),
        ]

    def __str__(self):
        return f"{self.get_platform_display()} post"


class MeetingCard(models.Model):
    """“I met Senator X's office today”: a participant's own share card (opt-in)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=16, unique=True, default=new_code)
    show_name = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="press_card_once"),
        ]

    def __str__(self):
        return f"Card {self.code}"
