"""Writes of the action centre: campaigns, the action log, letters by our outbox, forgetting.

Each function is one transaction and raises ActionError with a sentence for the
person when it refuses; nothing is logged then.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from actions.letters import LetterError, Writer, letter_for
from actions.models import (
    CALL_CHANNELS,
    CALL_OUTCOMES,
    LETTER_OUTCOMES,
    Action,
    Campaign,
    Channel,
    Supporter,
)
from lawmakers.models import DistrictOffice, Lawmaker
from outbox.services import email_queue

# Paths of the action centre a campaign's address must not take.
RESERVED_SLUGS = {"mine", "forget", "manage"}


class ActionError(Exception):
    """An action that cannot be logged or a letter that cannot go; the message says why."""


@dataclass
class Actor:
    """Who acts: a member (user) or someone from the public, and where they live."""

    writer: Writer
    state: str
    district: int | None
    user: object = None  # members.User, or None for the public
    supporter_id: int | None = None
    consents_to_contact: bool = False
    wants_to_join_chapter: bool = False


def check_campaign_open(campaign: Campaign, *, public: bool, now=None) -> None:
    now = now or timezone.now()
    if now < campaign.starts_at:
        local = timezone.localtime(campaign.starts_at)
        raise ActionError(f"This campaign opens on {local:%B %-d, %Y at %-I:%M %p}.")
    if now >= campaign.ends_at:
        raise ActionError("This campaign has ended: thank you for your interest.")
    if public and not campaign.is_public:
        raise ActionError("This campaign is open to members only: please log in.")


def check_writer(actor: Actor) -> None:
    """The public must say who they are: a name and an address that can be an address."""
    if actor.user is not None:
        return
    if not actor.writer.name.strip():
        raise ActionError("Give your name: offices answer people, not forms.")
    try:
        validate_email(actor.writer.email)
    except ValidationError:
        raise ActionError(f"“{actor.writer.email}” cannot be an email address.") from None


def _supporter(actor: Actor) -> Supporter | None:
    if actor.user is not None:
        return None
    if actor.supporter_id:
        found = Supporter.objects.filter(pk=actor.supporter_id, forgotten_at__isnull=True).first()
        if found is not None:
            return found
    return Supporter.objects.create(
        name=actor.writer.name.strip(),
        email=actor.writer.email.strip().lower(),
        zip_code=actor.writer.zip_code,
        consents_to_contact=actor.consents_to_contact,
        wants_to_join_chapter=actor.wants_to_join_chapter,
    )


def _check_pair(channel: str, outcome: str) -> None:
    if channel in CALL_CHANNELS:
        if outcome not in CALL_OUTCOMES:
            raise ActionError("Choose how the call went.")
    elif LETTER_OUTCOMES.get(channel) != outcome:
        raise ActionError("That is not something that happens to a letter sent that way.")


@transaction.atomic
def action_log(
    *,
    campaign: Campaign,
    lawmaker: Lawmaker,
    channel: str,
    outcome: str,
    actor: Actor,
    district_office: DistrictOffice | None = None,
) -> Action:
    """Log one action; the caller has checked the lawmaker is one of the person's targets."""
    check_campaign_open(campaign, public=actor.user is None)
    check_writer(actor)
    _check_pair(channel, outcome)
    if district_office is not None and district_office.lawmaker_id != lawmaker.pk:
        raise ActionError("That office is not this lawmaker's.")
    return Action.objects.create(
        campaign=campaign,
        lawmaker=lawmaker,
        channel=channel,
        outcome=outcome,
        district_office=district_office if channel == Channel.CALL_DISTRICT else None,
        user=actor.user,
        supporter=_supporter(actor),
        state=actor.state,
        district=actor.district,
        zip_code=actor.writer.zip_code[:5],
    )


def _outbox_key(campaign: Campaign, lawmaker: Lawmaker, actor: Actor) -> str:
    who = f"user:{actor.user.pk}" if actor.user is not None else actor.writer.email.lower()
    return f"actions.letter:{campaign.pk}:{lawmaker.pk}:{who}"


@transaction.atomic
def letter_send_by_outbox(
    *, campaign: Campaign, lawmaker: Lawmaker, actor: Actor
) -> tuple[Action, bool]:
    """Queue the letter to the office's published address, replies to the writer.

    One letter per person, office and campaign: a second press returns the first
    email's action without queueing another (the second value is False then).
    """
    if not campaign.allows_outbox_email or not lawmaker.email:
        raise ActionError("This campaign does not send letters to this office by email.")
    check_campaign_open(campaign, public=actor.user is None)
    check_writer(actor)
    try:
        letter = letter_for(campaign=campaign, lawmaker=lawmaker, writer=actor.writer)
    except LetterError as error:
        raise ActionError(str(error)) from None
    reply_to = actor.user.email if actor.user is not None else actor.writer.email
    # One press at a time per campaign: a double tap must not log two letters.
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    who = {"user": actor.user} if actor.user else {"supporter__email": reply_to.lower()}
    earlier = Action.objects.filter(
        campaign=campaign, lawmaker=lawmaker, channel=Channel.OUTBOX_EMAIL, **who
    ).first()
    if earlier is not None:
        return earlier, False
    email_queue(
        to=lawmaker.email,
        kind="actions.letter",
        key=_outbox_key(campaign, lawmaker, actor),
        subject=letter.subject,
        body_text=f"{letter.body}\n\n{actor.writer.name}\n{_address_line(actor.writer)}\n",
        topic=f"campaign:{campaign.pk}",
        about=campaign,
        reply_to=reply_to,
    )
    action = action_log(
        campaign=campaign,
        lawmaker=lawmaker,
        channel=Channel.OUTBOX_EMAIL,
        outcome=LETTER_OUTCOMES[Channel.OUTBOX_EMAIL],
        actor=actor,
    )
    return action, True


def _address_line(writer: Writer) -> str:
    parts = [writer.street.strip(), writer.city.strip(), writer.zip_code.strip()]
    return ", ".join(part for part in parts if part)


@transaction.atomic
def supporters_forget(*, email: str) -> int:
    """Clear everything personal of the public supporters with this address; counts stay."""
    email = email.strip().lower()
    supporters = Supporter.objects.select_for_update().filter(
        email=email, forgotten_at__isnull=True
    )
    ids = list(supporters.values_list("pk", flat=True))
    if not ids:
        return 0
    Supporter.objects.filter(pk__in=ids).update(
        name="",
        email="",
        zip_code="",
        consents_to_contact=False,
        wants_to_join_chapter=False,
        forgotten_at=timezone.now(),
    )
    Action.objects.filter(supporter_id__in=ids).update(zip_code="")
    return len(ids)


def unique_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify(title)[:60] or "campaign"
    slug, number = base, 2
    taken = Campaign.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def campaign_save(*, campaign: Campaign, committees, lawmakers, user=None) -> Campaign:
    """Save a campaign the form has checked, with its targeted committees and lawmakers."""
    if not campaign.slug:
        campaign.slug = unique_slug(campaign.title, exclude_pk=campaign.pk)
    if campaign.pk is None:
        campaign.created_by = user
    campaign.save()
    campaign.target_committees.set(committees)
    campaign.target_lawmakers.set(lawmakers)
    return campaign
