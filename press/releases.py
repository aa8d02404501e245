"""Press releases: their merge fields, the day's values, drafting, approving and sending.

A release is a template written with the one merge engine (`RELEASE_FIELDS`).
Leaders and staff draft; only national staff approve. Approval freezes the
day's figures and queues the release through the outbox to each contact of the
page's press list once, with `send_after` at the embargo: the outbox never sends
it earlier. Quotes are filled when the email goes (`compose_release`), from
consents still standing, so a withdrawn consent keeps a quote out of anything
not yet sent.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.merge import MergeError, MergeFields
from meetings.models import Meeting, MeetingStatus
from members.models import User
from outbox.services import emails_queue_many
from press import selectors
from press.figures import day_figures
from press.models import (
    RELEASE_EMAIL_KIND,
    OutreachEntry,
    OutreachKind,
    PressRelease,
    PublicPage,
    ReleaseKind,
    ReleaseStatus,
)
from press.pages import day_facts, public_url

DAY_FIELDS = {
    "event_name": "the day's name",
    "date": "its date, e.g. March 4, 2027",
    "when": "its date, start time and time zone",
    "place": "where it happens",
    "theme": "the day's theme",
    "organiser": "the chapter, or national staff",
    "partners": "the partner organisations, comma-separated",
    "hashtag": "the day's hashtag, with #",
    "page_link": "the address of the public page",
}
FIGURE_FIELDS = {
    "participants": "how many took part (registered)",
    "chapters": "chapters whose delegations met offices",
    "states": "states whose offices were met",
    "offices_met": "offices met",
    "senate_offices_met": "Senate offices met",
    "house_offices_met": "House (or Assembly) offices met",
    "democrat_offices_met": "Democratic offices met",
    "republican_offices_met": "Republican offices met",
    "other_offices_met": "offices of other parties met",
    "asks_summary": "each ask and how offices answered, from filed reports",
    "quotes": "quotes given with consent, each with its attribution",
}
RELEASE_FIELDS = MergeFields({**DAY_FIELDS, **FIGURE_FIELDS})

DEFAULT_TEXTS = {
    ReleaseKind.BEFORE: (
        "Immigration lawyers to meet lawmakers on {{ date }}: {{ event_name }}",
        "FOR RELEASE AFTER THE EMBARGO\n\n"
        "On {{ when }}, immigration lawyers will meet their lawmakers' offices "
        "at {{ place }} for {{ event_name }}.\n\n"
        "{{ theme }}\n\n"
        "Organised by {{ organiser }}, with {{ partners }}.\n\n"
        "More: {{ page_link }} {{ hashtag }}",
    ),
    ReleaseKind.AFTER: (
        "{{ event_name }}: immigration lawyers met their lawmakers",
        "FOR RELEASE AFTER THE EMBARGO\n\n"
        "On {{ date }}, immigration lawyers met their lawmakers' offices at {{ place }} "
        "for {{ event_name }}.\n\n"
        "The day in figures:\n"
        "- Participants: {{ participants }}\n"
        "- Chapters whose delegations met offices: {{ chapters }}\n"
        "- States whose offices were met: {{ states }}\n"
        "- Offices met: {{ offices_met }} ({{ senate_offices_met }} Senate, "
        "{{ house_offices_met }} House; {{ democrat_offices_met }} Democratic, "
        "{{ republican_offices_met }} Republican, {{ other_offices_met }} other)\n\n"
        "What offices said:\n{{ asks_summary }}\n\n"
        "{{ quotes }}\n\n"
        "More: {{ page_link }} {{ hashtag }}",
    ),
}


class ReleaseError(Exception):
    """A release that cannot be drafted, changed or approved; the message says why."""


def _partners(page: PublicPage) -> str:
    return ", ".join(line.strip() for line in page.partners.splitlines() if line.strip())


def day_values(page: PublicPage) -> dict[str, str]:
    facts = day_facts(page)
    return {
        "event_name": facts.name,
        "date": facts.date_text,
        "when": facts.when,
        "place": ", ".join(part for part in (facts.place, facts.address) if part),
        "theme": facts.theme,
        "organiser": facts.organiser,
        "partners": _partners(page) or "partners in the community",
        "hashtag": f"#{page.hashtag}" if page.hashtag else "",
        "page_link": public_url(page),
    }


def quotes_text(page: PublicPage) -> str:
    return "\n\n".join(
        f"“{quote.text.strip()}” — {quote.attribution}"
        for quote in selectors.consented_quotes(page=page)
    )


def release_values(release: PressRelease) -> dict[str, str]:
    """What each field says now: the frozen figures once approved, else today's."""
    page = release.page
    if release.is_approved:
        values = dict(release.approved_values)
    else:
        values = day_values(page)
        if release.kind == ReleaseKind.AFTER:
            values.update(day_figures(page).as_values())
    values["quotes"] = quotes_text(page)
    return values


def release_text(release: PressRelease) -> tuple[str, str]:
    """The title and body as they read (and would be sent) now."""
    values = release_values(release)
    title = " ".join(RELEASE_FIELDS.render(release.title, values).split())
    body = RELEASE_FIELDS.render(release.body, values).strip()
    return title, body


def last_meeting_end(page: PublicPage) -> datetime.datetime:
    """When the page's day is over: its last meeting's end, else the day's end."""
    facts = day_facts(page)
    if page.event_id is None:
        return facts.ends_at
    meetings = Meeting.objects.filter(event_id=page.event_id).exclude(
        status=MeetingStatus.CANCELLED
    )
    if page.chapter_id is not None:
        meetings = meetings.filter(chapter_id=page.chapter_id)
    last = meetings.aggregate(last=Max("ends_at"))["last"]
    return max(last, facts.ends_at) if last else facts.ends_at


def default_embargo(page: PublicPage, kind: str) -> datetime.datetime:
    if kind == ReleaseKind.AFTER:
        return last_meeting_end(page)
    return timezone.now().replace(second=0, microsecond=0)


def _check(page: PublicPage, kind: str, title: str, body: str, embargo_until) -> None:
    problems = []
    for label, text in (("Headline", title), ("Release", body)):
        try:
            RELEASE_FIELDS.check(text)
        except MergeError as error:
            problems.extend(f"{label}: {problem}" for problem in error.problems)
    if kind == ReleaseKind.AFTER:
        if page.event_id is None:
            problems.append("An after-the-day release is drafted from a Day of Action's reports.")
        else:
            ends = last_meeting_end(page)
            if embargo_until < ends:
                local = timezone.localtime(ends, day_facts(page).starts_at.tzinfo)
                problems.append(
                    "The embargo lifts before the day is over: the last meeting ends "
                    f"{local:%B %-d, %Y at %-I:%M %p} {local.tzname()}."
                )
    if problems:
        raise ReleaseError(" ".join(problems))


def release_create(*, page: PublicPage, kind: str, by: User) -> PressRelease:
    title, body = DEFAULT_TEXTS[ReleaseKind(kind)]
    embargo = default_embargo(page, kind)
    _check(page, kind, title, body, embargo)
    return PressRelease.objects.create(
        page=page, kind=kind, title=title, body=body, embargo_until=embargo, created_by=by
    )


def release_update(
    *, release: PressRelease, title: str, body: str, embargo_until: datetime.datetime
) -> PressRelease:
    with transaction.atomic():
        release = (
            PressRelease.objects.select_for_update(of=("self",))
            .select_related("page")
            .get(pk=release.pk)
        )
        if release.is_approved:
            raise ReleaseError("This release is approved: it can no longer be changed.")
        _check(release.page, release.kind, title, body, embargo_until)
        release.title, release.body, release.embargo_until = title, body, embargo_until
        release.save(update_fields=["title", "body", "embargo_until", "updated_at"])
    return release


def release_approve(*, release: PressRelease, by: User) -> int:
    """Freeze the figures and queue the release to each press contact once; how many."""
    if not by.is_staff:
        raise ReleaseError("Only national staff approve a release.")
    with transaction.atomic():
        release = (
            PressRelease.objects.select_for_update(of=("self",))
            .select_related("page__event", "page__chapter", "page__coalition_event")
            .get(pk=release.pk)
        )
        if release.is_approved:
            raise ReleaseError("This release is already approved.")
        page = release.page
        _check(page, release.kind, release.title, release.body, release.embargo_until)
        values = release_values(release)
        values.pop("quotes")
        release.approved_values = values
        release.status = ReleaseStatus.APPROVED
        release.approved_by, release.approved_at = by, timezone.now()
        release.save()
        return _queue_to_press(release, by)


def _queue_to_press(release: PressRelease, by: User) -> int:
    contacts = list(selectors.press_list_for(page=release.page))
    now = timezone.now()
    about = ContentType.objects.get_for_model(PressRelease)
    emails_queue_many(
        emails=[
            {
                "to": contact.email,
                "kind": RELEASE_EMAIL_KIND,
                # The key makes each contact get the release once, whatever happens twice.
                "key": f"press-release:{release.pk}:{contact.email.lower()}",
                "template_prefix": "press/email/release",
                "context": {"release_id": release.pk, "name": contact.name},
                "send_after": release.embargo_until,
                "essential": False,
                "topic": f"press-release:{release.pk}",
                "content_type": about,
                "object_id": release.pk,
            }
            for contact in contacts
        ]
    )
    OutreachEntry.objects.bulk_create(
        [
            OutreachEntry(
                page=release.page,
                contact=contact,
                kind=OutreachKind.RELEASE_SENT,
                note=f"Release queued for {release.embargo_until:%Y-%m-%d %H:%M} UTC",
                happened_at=now,
                release=release,
                by=by,
            )
            for contact in contacts
        ],
        ignore_conflicts=True,
    )
    return len(contacts)


def compose_release(context: dict) -> dict | None:
    """The outbox's composer: the release as it reads when it goes (consents as they stand)."""
    release = (
        PressRelease.objects.select_related(
            "page__event", "page__chapter", "page__coalition_event"
        )
        .filter(pk=context.get("release_id"), status=ReleaseStatus.APPROVED)
        .first()
    )
    if release is None:
        return None
    title, body = release_text(release)
    return {**context, "title": title, "body": body, "page_link": public_url(release.page)}
