"""Writes for talking points: one transaction each, raising AskError for the person to read."""

from django.db import IntegrityError, transaction
from django.db.models import Max, ProtectedError

from meetings.models import Meeting
from meetings.people import delegation_users
from members.models import User
from talkingpoints.models import (
    Ask,
    AskLead,
    AskReading,
    AskRevision,
    LeaveBehind,
    MeetingNote,
)
from talkingpoints.pdf import NotAPdf, check_pdf

NATIONAL_TEXT = ("title", "summary", "background", "talking_points", "bill_numbers")
TARGETING = ("target_chambers", "target_parties", "target_states")


class AskError(Exception):
    """A talking-points change that cannot be made; the message says why."""


def _snapshot(ask: Ask, *, by: User | None) -> AskRevision:
    return AskRevision.objects.create(
        ask=ask, version=ask.version, edited_by=by, **{f: getattr(ask, f) for f in NATIONAL_TEXT}
    )


@transaction.atomic
def ask_create(*, event, by: User, committees=(), **fields) -> Ask:
    unknown = set(fields) - set(NATIONAL_TEXT) - set(TARGETING)
    if unknown:
        raise TypeError(f"Unknown ask fields: {sorted(unknown)}")
    last = Ask.objects.filter(event=event).aggregate(last=Max("priority"))["last"]
    ask = Ask.objects.create(
        event=event, created_by=by, priority=0 if last is None else last + 1, **fields
    )
    ask.target_committees.set(committees)
    _snapshot(ask, by=by)
    return ask


@transaction.atomic
def ask_update(*, ask: Ask, by: User, committees=None, **fields) -> Ask:
    """Save changes; a change to the national text makes a new version, kept in the history."""
    ask = Ask.objects.select_for_update().get(pk=ask.pk)
    text_changed = any(
        field in fields and fields[field] != getattr(ask, field) for field in NATIONAL_TEXT
    )
    for field, value in fields.items():
        if field not in NATIONAL_TEXT and field not in TARGETING:
            raise TypeError(f"Unknown ask field: {field}")
        setattr(ask, field, value)
    if text_changed:
        ask.version += 1
    ask.save()
    if committees is not None:
        ask.target_committees.set(committees)
    if text_changed:
        _snapshot(ask, by=by)
    return ask


@transaction.atomic
def ask_move(*, ask: Ask, step: int) -> None:
    """Move an ask up (step -1) or down (step 1) among its event's asks."""
    asks = list(
        Ask.objects.select_for_update().filter(event_id=ask.event_id).order_by("priority", "pk")
    )
    index = next(i for i, other in enumerate(asks) if other.pk == ask.pk)
    target = index + step
    if not 0 <= target < len(asks):
        return
    asks[index], asks[target] = asks[target], asks[index]
    for priority, other in enumerate(asks):
        other.priority = priority
    Ask.objects.bulk_update(asks, ["priority"])


def ask_delete(*, ask: Ask) -> None:
    try:
        with transaction.atomic():
            ask.delete()
    except ProtectedError:
        raise AskError(
            f"“{ask.title}” is named in meeting reports, so it stays. Edit it instead."
        ) from None


@transaction.atomic
def leave_behind_add(*, ask: Ask, title: str, upload, by: User) -> LeaveBehind:
    try:
        check_pdf(upload)
    except NotAPdf as error:
        raise AskError(str(error)) from None
    return LeaveBehind.objects.create(
        ask=ask,
        title=title or upload.name.rsplit(".", 1)[0],
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=by,
    )


def leave_behind_delete(*, leave_behind: LeaveBehind) -> None:
    storage, name = leave_behind.file.storage, leave_behind.file.name
    with transaction.atomic():
        leave_behind.delete()
        transaction.on_commit(lambda: storage.delete(name))


def _check_ask_belongs(meeting: Meeting, ask: Ask | None) -> None:
    if ask is not None and ask.event_id != meeting.event_id:
        raise AskError("That ask belongs to another Day of Action.")


@transaction.atomic
def note_add(*, meeting: Meeting, by: User, kind: str, body: str, ask: Ask | None = None):
    _check_ask_belongs(meeting, ask)
    if not body.strip():
        raise AskError("Write the story or point first.")
    return MeetingNote.objects.create(meeting=meeting, ask=ask, kind=kind, body=body, author=by)


@transaction.atomic
def note_update(*, note: MeetingNote, kind: str, body: str, ask: Ask | None = None):
    _check_ask_belongs(note.meeting, ask)
    if not body.strip():
        raise AskError("Write the story or point first.")
    note.kind, note.body, note.ask = kind, body, ask
    note.save(update_fields=["kind", "body", "ask", "updated_at"])
    return note


def note_delete(*, note: MeetingNote) -> None:
    note.delete()


@transaction.atomic
def ask_leads_set(*, meeting: Meeting, leads: dict[int, int | None]) -> None:
    """Who makes which ask: {ask id: user id, or None for nobody}."""
    allowed = set(delegation_users(meeting).values_list("pk", flat=True))
    asks = set(Ask.objects.filter(event_id=meeting.event_id).values_list("pk", flat=True))
    for ask_id, user_id in leads.items():
        if ask_id not in asks:
            raise AskError("That ask belongs to another Day of Action.")
        if user_id is not None and user_id not in allowed:
            raise AskError("Only someone in the delegation can lead an ask.")
    AskLead.objects.filter(meeting=meeting, ask_id__in=list(leads)).delete()
    try:
        AskLead.objects.bulk_create(
            AskLead(meeting=meeting, ask_id=ask_id, user_id=user_id)
            for ask_id, user_id in leads.items()
            if user_id is not None
        )
    except IntegrityError:
        raise AskError("Someone changed the leads at the same time; try again.") from None


def asks_mark_read(*, user: User, asks: list[Ask]) -> None:
    """Remember the version of each ask this person has now seen (one statement)."""
    if not asks or not user.is_authenticated:
        return
    AskReading.objects.bulk_create(
        [AskReading(ask=ask, user=user, version=ask.version) for ask in asks],
        update_conflicts=True,
        unique_fields=["ask", "user"],
        update_fields=["version", "read_at"],
    )
