"""Writes for partners, principles, endorsements, outreach, templates and coalition events."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from localflavor.us.us_states import US_STATES

from chapters.models import Chapter
from coalitions.mailing import queue_email
from coalitions.models import (
    CoalitionEvent,
    Endorsement,
    MessageTemplate,
    Outreach,
    OutreachStep,
    Partner,
    PartnerContact,
    Principles,
    StepKind,
)
from coalitions.wording import FIELDS
from common.merge import MergeError, has_merge_syntax
from members.models import User


class CoalitionError(Exception):
    """A coalition change that cannot be made; the message says why."""


@transaction.atomic
def partner_create(*, chapter: Chapter, name: str, kind: str, website="", notes="") -> Partner:
    """Add a partner to the chapter; a partner another chapter works with already is shared."""
    name = name.strip()
    partner = Partner.objects.filter(name__iexact=name).first()
    if partner is None:
        partner = Partner.objects.create(name=name, kind=kind, website=website, notes=notes)
    elif partner.chapters.filter(pk=chapter.pk).exists():
        raise CoalitionError(f"{partner.name} is a partner of {chapter} already.")
    partner.chapters.add(chapter)
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, name: str, kind: str, website="", notes="") -> Partner:
    name = name.strip()
    if Partner.objects.filter(name__iexact=name).exclude(pk=partner.pk).exists():
        raise CoalitionError(f"Another partner is called {name}.")
    partner.name, partner.kind, partner.website, partner.notes = name, kind, website, notes
    partner.save()
    return partner


@transaction.atomic
def partner_contact_add(*, partner: Partner, name: str, title="", email="", phone=""):
    return PartnerContact.objects.create(
        partner=partner, name=name.strip(), title=title, email=email, phone=phone
    )


@transaction.atomic
def principles_create(*, chapter: Chapter, title: str, text: str) -> Principles:
    return Principles.objects.create(chapter=chapter, title=title.strip(), text=text.strip())


def endorsement_add(
    *, principles: Principles, name: str, email="", title="", organisation=""
) -> Endorsement:
    email = email.strip().lower()
    try:
        with transaction.atomic():
            return Endorsement.objects.create(
                principles=principles,
                name=name.strip(),
                email=email,
                title=title.strip(),
                organisation=organisation.strip(),
            )
    except IntegrityError:
        raise CoalitionError(f"{email} has endorsed these principles already.") from None


@transaction.atomic
def outreach_create(*, chapter: Chapter, **fields) -> Outreach:
    return Outreach.objects.create(chapter=chapter, **fields)


@transaction.atomic
def outreach_update(*, outreach: Outreach, **fields) -> Outreach:
    for name, value in fields.items():
        setattr(outreach, name, value)
    outreach.save()
    return outreach


@transaction.atomic
def outreach_step_add(
    *, outreach: Outreach, kind: str, happened_on: datetime.date, summary: str
) -> OutreachStep:
    return OutreachStep.objects.create(
        outreach=outreach, kind=kind, happened_on=happened_on, summary=summary.strip()
    )


def introduction_values(*, outreach: Outreach, sender: User, contact_name: str) -> dict:
    names = dict(US_STATES)
    states = [str(names.get(code, code)) for code in outreach.chapter.state_codes]
    return {
        "chapter": outreach.chapter.name,
        "state": _join(states),
        "organisation": outreach.organisation,
        "contact_name": contact_name or outreach.organisation,
        "sender": sender.full_name or sender.email,
    }


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@transaction.atomic
def introduction_send(
    *, outreach: Outreach, to: str, subject: str, body: str, sender: User
) -> OutreachStep:
    """Send the (edited) letter of introduction and log it as a step of the outreach."""
    if has_merge_syntax(body) or has_merge_syntax(subject):
        raise CoalitionError(
            "The letter still has a merge field in it: fill it in before sending."
        )
    step = OutreachStep.objects.create(
        outreach=outreach,
        kind=StepKind.LETTER,
        happened_on=timezone.localdate(),
        summary=f"Sent to {to}: {subject}\n\n{body}",
    )
    queue_email(
        to=to,
        kind="coalitions.introduction",
        key=f"coalitions:introduction:{step.pk}",
        subject=subject,
        body=body,
        chapter=outreach.chapter.name,
    )
    if not outreach.contact_email:
        outreach.contact_email = to
        outreach.save(update_fields=["contact_email", "updated_at"])
    return step


@transaction.atomic
def template_save(
    *, chapter: Chapter, kind: str, subject: str, body: str, by: User
) -> MessageTemplate:
    """Save a chapter's wording after checking every merge field in it."""
    try:
        FIELDS[kind].check(subject)
        FIELDS[kind].check(body)
    except MergeError as error:
        raise CoalitionError(str(error)) from None
    template, _ = MessageTemplate.objects.update_or_create(
        chapter=chapter,
        kind=kind,
        defaults={"subject": subject.strip(), "body": body.strip(), "updated_by": by},
    )
    return template


@transaction.atomic
def template_reset(*, chapter: Chapter, kind: str) -> None:
    MessageTemplate.objects.filter(chapter=chapter, kind=kind).delete()


@transaction.atomic
def event_save(
    *, chapter: Chapter, event: CoalitionEvent | None = None, hosts=(), **fields
) -> CoalitionEvent:
    principles = fields.get("principles")
    if principles is not None and principles.chapter_id != chapter.pk:
        raise CoalitionError("Those principles belong to another chapter.")
    if event is None:
        event = CoalitionEvent(chapter=chapter)
    for name, value in fields.items():
        setattr(event, name, value)
    event.save()
    event.hosts.set(hosts)
    return event
