"""Meetings with lawmakers who left office: a notice to the people who can act on them.

The refresh of the lawmakers says who no longer serves (`lawmakers_departed`);
the meetings still to happen with them get a mark on the board and the
meeting's page (`Meeting.lawmaker_departed`, read when the page is drawn),
and each chapter leader of those meetings and each member of national staff
gets one email per lawmaker who left. The outbox's key keeps it to one: the
refresh says it again every week while the data lags, and nobody hears twice.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse

from chapters.models import LEADER_ROLES, Membership
from lawmakers.models import Lawmaker, serving_q
from meetings.models import Meeting
from members.models import User
from outbox.services import email_queue

KIND = "meetings.lawmaker_departed"


def departure_notices_queue(*, lawmaker_ids: list[int]) -> int:
    """Queue the notices about upcoming meetings with these lawmakers; returns how many
    rows were asked for (the outbox keeps the ones already queued as they were)."""
    meetings = list(
        Meeting.objects.upcoming()
        .filter(lawmaker_id__in=lawmaker_ids)
        .filter(~serving_q(through="lawmaker"))  # someone serving again hears nothing
        .select_related("lawmaker", "event", "chapter")
        .order_by("starts_at", "pk")
    )
    if not meetings:
        return 0
    leaders = defaultdict(list)
    for membership in Membership.objects.filter(
        chapter_id__in={meeting.chapter_id for meeting in meetings},
        role__in=LEADER_ROLES,
        user__is_active=True,
    ).select_related("user"):
        leaders[membership.chapter_id].append(membership.user)
    staff = list(User.objects.filter(is_staff=True, is_active=True))

    by_lawmaker: dict[Lawmaker, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_lawmaker[meeting.lawmaker].append(meeting)
    queued = 0
    for lawmaker, theirs in by_lawmaker.items():
        for person, listed in _recipients(theirs, leaders, staff):
            _queue(person=person, lawmaker=lawmaker, meetings=listed)
            queued += 1
    return queued


def _recipients(meetings: list[Meeting], leaders: dict, staff: list[User]):
    """(person, the meetings they hear of): staff all of them, a leader their chapters'."""
    listed: dict[int, tuple[User, list[Meeting]]] = {
        person.pk: (person, meetings) for person in staff
    }
    for meeting in meetings:
        for person in leaders[meeting.chapter_id]:
            if person.is_staff:
                continue
            listed.setdefault(person.pk, (person, []))[1].append(meeting)
    return listed.values()


def _queue(*, person: User, lawmaker: Lawmaker, meetings: list[Meeting]) -> None:
    email_queue(
        to=person.email,
        kind=KIND,
        key=f"{KIND}:{lawmaker.pk}:{person.pk}",
        template_prefix="meetings/email/lawmaker_departed",
        context={
            "name": person.first_name or person.email,
            "lawmaker": f"{lawmaker.title} {lawmaker.full_name}",
            "seat": lawmaker.seat,
            "why": departure_reason(lawmaker),
            "meetings": [_meeting_words(meeting) for meeting in meetings],
        },
        topic=f"lawmaker:{lawmaker.pk}",
        about=lawmaker,
    )


def departure_reason(lawmaker: Lawmaker) -> str:
    if lawmaker.term_ended:
        return f"Their term ended on {lawmaker.term_end:%B %-d, %Y}."
    return "They are no longer in the published list of serving lawmakers."


def departure_warning(meeting: Meeting, *, event) -> str:
    """What the board and the meeting's page say of a meeting with someone who left."""
    return (
        f"{meeting.lawmaker} no longer serves. {departure_reason(meeting.lawmaker)} "
        f"Ask the office whether the meeting at "
        f"{event.local(meeting.starts_at):%-I:%M %p} still takes place, "
        "then keep it or cancel it."
    )


def _meeting_words(meeting: Meeting) -> dict:
    local = meeting.event.local(meeting.starts_at)
    return {
        "when": f"{local:%A, %B %-d, %-I:%M %p %Z}",
        "event": meeting.event.name,
        "chapter": meeting.chapter.name,
        "place": meeting.place,
        "status": meeting.get_status_display(),
        "url": settings.SITE_URL + reverse("meetings:meeting_manage", args=[meeting.pk]),
    }


def describe_lawmakers(ids: list[int]) -> dict[int, str]:
    """The outbox's words for the topic "lawmaker:<id>"."""
    rows = Lawmaker.objects.filter(pk__in=ids).values_list("pk", "full_name")
    return {pk: f"Meetings with {name}" for pk, name in rows}
