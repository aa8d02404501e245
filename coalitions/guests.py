"""Writes for guests: add, invite and resend, RSVP, check in at the door, walk-ins, thank-yous."""

from dataclasses import dataclass, fields

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from coalitions import access, selectors
from coalitions.mailing import queue_email
from coalitions.models import CoalitionEvent, Guest, GuestKind, Rsvp, TemplateKind
from coalitions.wording import FIELDS
from common.merge import MergeError
from lawmakers.models import Lawmaker
from members.models import User


class GuestError(Exception):
    """A guest change that cannot be made; the message says why."""


@dataclass
class GuestData:
    kind: str
    first_name: str = ""
    last_name: str = ""
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    role: str = ""
    lawmaker: Lawmaker | None = None
    partner: object | None = None

    def cleaned(self) -> "GuestData":
        values = {
            f.name: (getattr(self, f.name) or "").strip()
            if isinstance(getattr(self, f.name), str)
            else getattr(self, f.name)
            for f in fields(self)
        }
        values["email"] = values["email"].lower()
        return GuestData(**values)


def _from_lawmaker(data: GuestData) -> GuestData:
    """A member of Congress picked from the directory brings their name and title."""
    lawmaker = data.lawmaker
    if lawmaker is None or data.role != "lawmaker":
        return data
    data.first_name = data.first_name or lawmaker.first_name
    data.last_name = data.last_name or lawmaker.last_name
    data.title = data.title or f"{lawmaker.title}, {lawmaker.seat}"
    return data


def guest_add(*, event: CoalitionEvent, data: GuestData, walk_in: bool = False) -> Guest:
    data = _from_lawmaker(data.cleaned())
    if not data.first_name:
        raise GuestError("Give the guest's name.")
    if data.email and Guest.objects.filter(event=event, email__iexact=data.email).exists():
        raise GuestError(f"{data.email} is on the guest list of {event} already.")
    try:
        with transaction.atomic():
            return Guest.objects.create(
                event=event,
                walk_in=walk_in,
                checked_in_at=timezone.now() if walk_in else None,
                **{f.name: getattr(data, f.name) for f in fields(data)},
            )
    except IntegrityError:
        raise GuestError(f"{data.email} is on the guest list of {event} already.") from None


def rsvp_link(guest: Guest) -> str:
    return settings.SITE_URL + reverse("coalitions:rsvp", args=[access.rsvp_token(guest)])


def action_link(event: CoalitionEvent) -> str:
    return settings.SITE_URL + reverse("coalitions:act", args=[access.action_token(event)])


def _when(event: CoalitionEvent) -> str:
    return event.when


def invitation_values(guest: Guest) -> dict:
    event = guest.event
    return {
        "name": guest.full_name,
        "first_name": guest.first_name,
        "title": guest.title or "a member of our community",
        "organisation": guest.organisation,
        "chapter": event.chapter.name,
        "event": event.name,
        "date": _when(event),
        "venue": ", ".join(part for part in (event.venue, event.address) if part),
    }


def invitation_preview(*, event: CoalitionEvent, guest: Guest | None = None) -> tuple[str, str]:
    template = selectors.template_for(chapter=event.chapter, kind=TemplateKind.INVITATION)
    guest = guest or Guest(event=event, first_name="Alex", last_name="Example", title="Mayor")
    values = invitation_values(guest)
    kind = TemplateKind.INVITATION
    return (
        FIELDS[kind].render(template.subject, values),
        FIELDS[kind].render(template.body, values),
    )


@transaction.atomic
def guests_invite(*, event: CoalitionEvent, guest_ids: list[int] | None = None) -> int:
    """Email invitations (or resend them); all guests not invited yet when no ids are given.

    The template is checked before anything is queued, so a template with an
    unknown field sends nothing. Returns how many were queued.
    """
    template = selectors.template_for(chapter=event.chapter, kind=TemplateKind.INVITATION)
    try:
        FIELDS[TemplateKind.INVITATION].check(template.subject)
        FIELDS[TemplateKind.INVITATION].check(template.body)
    except MergeError as error:
        raise GuestError(f"The invitation template cannot be used: {error}") from None
    guests = Guest.objects.select_for_update().filter(event=event).exclude(email="")
    if guest_ids is None:
        guests = guests.filter(rsvp=Rsvp.NOT_INVITED).exclude(kind=GuestKind.PRESS)
    else:
        guests = guests.filter(pk__in=guest_ids)
    now = timezone.now()
    count = 0
    for guest in guests:
        guest.event = event
        values = invitation_values(guest)
        guest.times_invited += 1
        queue_email(
            to=guest.email,
            kind="coalitions.invitation",
            key=f"coalitions:invitation:{guest.pk}:{guest.times_invited}",
            subject=FIELDS[TemplateKind.INVITATION].render(template.subject, values),
            body=FIELDS[TemplateKind.INVITATION].render(template.body, values),
            chapter=event.chapter.name,
            link=rsvp_link(guest),
            button="Reply to the invitation",
            about=guest,
            topic=f"coalition-event:{event.pk}",
        )
        if guest.rsvp in (Rsvp.NOT_INVITED, Rsvp.SENT):
            guest.rsvp = Rsvp.SENT
        guest.invited_at = now
        guest.save(update_fields=["rsvp", "invited_at", "times_invited"])
        count += 1
    return count


@transaction.atomic
def guest_opened(*, guest: Guest) -> Guest:
    if Guest.objects.filter(pk=guest.pk, rsvp=Rsvp.SENT).update(
        rsvp=Rsvp.OPENED, opened_at=timezone.now()
    ):
        guest.refresh_from_db(fields=["rsvp", "opened_at"])
    return guest


@transaction.atomic
def guest_respond(*, guest: Guest, accept: bool) -> Guest:
    guest.rsvp = Rsvp.ACCEPTED if accept else Rsvp.DECLINED
    guest.responded_at = timezone.now()
    guest.opened_at = guest.opened_at or guest.responded_at
    guest.save(update_fields=["rsvp", "responded_at", "opened_at"])
    return guest


@transaction.atomic
def guest_check_in(*, guest: Guest, arrived: bool = True) -> Guest:
    """Mark the guest arrived (or undo it); checking in twice keeps the first time."""
    if arrived:
        Guest.objects.filter(pk=guest.pk, checked_in_at__isnull=True).update(
            checked_in_at=timezone.now()
        )
    else:
        Guest.objects.filter(pk=guest.pk).update(checked_in_at=None)
    guest.refresh_from_db(fields=["checked_in_at"])
    return guest


@transaction.atomic
def guests_thank(*, event: CoalitionEvent, by: User | None = None) -> int:
    """Thank the officials and staff who came, once each, from the chapter's template."""
    template = selectors.template_for(chapter=event.chapter, kind=TemplateKind.THANK_YOU)
    kind = TemplateKind.THANK_YOU
    try:
        FIELDS[kind].check(template.subject)
        FIELDS[kind].check(template.body)
    except MergeError as error:
        raise GuestError(f"The thank-you template cannot be used: {error}") from None
    guests = (
        Guest.objects.select_for_update()
        .filter(event=event, thanked_at__isnull=True, checked_in_at__isnull=False)
        .filter(role__in=["lawmaker", "staff"])
        .exclude(email="")
    )
    now = timezone.now()
    count = 0
    for guest in guests:
        values = {
            "name": guest.full_name,
            "title": guest.title or "our guest",
            "chapter": event.chapter.name,
            "event": event.name,
            "date": date_format(event.local_starts_at, "F j, Y"),
        }
        queue_email(
            to=guest.email,
            kind="coalitions.thank_you",
            key=f"coalitions:thank-you:{guest.pk}",
            subject=FIELDS[kind].render(template.subject, values),
            body=FIELDS[kind].render(template.body, values),
            chapter=event.chapter.name,
            about=guest,
            topic=f"coalition-event:{event.pk}",
        )
        guest.thanked_at = now
        guest.save(update_fields=["thanked_at"])
        count += 1
    return count
