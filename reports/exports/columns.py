"""What each export holds: one query per kind, and how a database row becomes a file row.

Each kind is one SQL query over `values_list`, read with a server-side cursor
in chunks, so memory stays flat whatever the size. The README documents the
columns; `HEADERS` here is the single source of them.
"""

import queue
import threading
import zoneinfo
from contextlib import closing, suppress
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections, transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from lawmakers.models import Chamber, CommitteeSeat, Level
from meetings.models import Meeting, MeetingKind, MeetingStatus, Seat, SeatStatus
from reports.models import (
    AskPosition,
    FollowUpItem,
    MeetingReport,
    MetWith,
    Position,
    ReportStatus,
)

JUDICIARY = Q(committee__code__in=("HSJU", "SSJU")) | Q(
    committee__parent__code__in=("HSJU", "SSJU")
)
STATUS = dict(MeetingStatus.choices)
KIND = dict(MeetingKind.choices)
REPORT_STATUS = dict(ReportStatus.choices)
MET_WITH = dict(MetWith.choices)
POSITION = dict(Position.choices)
SEAT_STATUS = dict(SeatStatus.choices)


@lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


_LOCAL_TEXT: dict = {}


def local(moment, zone_name: str) -> str:
    """The moment in the event's time, as text; meetings share slots, so it is cached."""
    if moment is None:
        return ""
    key = (moment, zone_name)
    text = _LOCAL_TEXT.get(key)
    if text is None:
        if len(_LOCAL_TEXT) > 50_000:
            _LOCAL_TEXT.clear()
        text = _LOCAL_TEXT[key] = moment.astimezone(_zone(zone_name)).isoformat(" ", "minutes")[
            :16
        ]
    return text


def chamber_name(level: str, chamber: str, state: str) -> str:
    if chamber == Chamber.UPPER:
        return "Senate"
    if level == Level.STATE and state == "CA":
        return "Assembly"
    return "House"


def person(first: str | None, last: str | None, email: str | None) -> str:
    name = f"{first or ''} {last or ''}".strip()
    return name or email or ""


def _count(model, link: str, **filters):
    rows = (
        model.objects.filter(**{link: OuterRef("report__pk")}, **filters)
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def on_judiciary(lawmaker_ref: str):
    return Exists(CommitteeSeat.objects.filter(JUDICIARY, lawmaker_id=OuterRef(lawmaker_ref)))


@dataclass(frozen=True)
class ExportKind:
    key: str
    label: str
    headers: list[str]

    def query(self, meetings: QuerySet[Meeting]) -> QuerySet:
        return QUERIES[self.key](meetings)

    def rows(self, meetings: QuerySet[Meeting], *, chunk_size: int = 2000):
        format_row = FORMATTERS[self.key]
        queryset = self.query(meetings)
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            for row in queryset.iterator(chunk_size=chunk_size):
                yield format_row(row)
            return
        # PostgreSQL hands back the Python types these columns need already, so the
        # rows skip Django's per-row converters; inside a transaction the server-side
        # cursor streams instead of materialising the whole result first.
        sql, params = queryset.query.sql_with_params()
        with transaction.atomic(using=queryset.db), connection.chunked_cursor() as cursor:
            # JIT-compiling this wide query costs more than it saves (0.7 s of 2 s at
            # 50,000 rows, measured by bench/export.py): switch it off for this export.
            with connection.cursor() as settings_cursor:
                settings_cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)
            with closing(prefetched_batches(cursor, chunk_size)) as batches:
                for batch in batches:
                    for row in batch:
                        yield format_row(row)


def prefetched_batches(cursor, size: int):
    """The cursor's rows in batches, the next batch fetched in a thread meanwhile.

    psycopg2 lets go of the GIL while it waits for the server, so the server works on
    the next batch while this thread formats the current one (bench/export.py measures
    the gain). At most one batch waits in the queue, so memory stays flat. Closing the
    generator (the client went away) stops the thread before the cursor is closed.
    """
    batches = queue.Queue(maxsize=1)
    stop = threading.Event()

    def fetch():
        try:
            while not stop.is_set():
                batch = cursor.fetchmany(size)
                batches.put(batch)
                if not batch:
                    return
        except BaseException as error:  # handed to the reading thread, raised there
            batches.put(error)

    thread = threading.Thread(target=fetch, name="export-prefetch", daemon=True)
    thread.start()
    try:
        while batch := batches.get():
            if isinstance(batch, BaseException):
                raise batch
            yield batch
    finally:
        stop.set()
        while thread.is_alive():  # make room for a batch the thread is still putting
            with suppress(queue.Empty):
                batches.get(timeout=0.05)
        thread.join()


# One row per meeting --------------------------------------------------------------------------

MEETING_HEADERS = [
    "meeting_id", "event", "starts_at", "ends_at", "chapter", "lawmaker", "lawmaker_id",
    "chamber", "state", "district", "party", "on_judiciary", "meeting_status", "meeting_kind",
    "room", "building", "lead", "seats_taken", "report_status", "filed_by", "filed_at",
    "met_with", "met_name", "met_title", "attendees", "positions_recorded", "concerns",
    "questions_promised", "commitments", "follow_up_items", "notes",
]  # fmt: skip


def meeting_query(meetings: QuerySet[Meeting]) -> QuerySet:
    attendees = MeetingReport.attendees.through
    return (
        meetings.annotate(
            judiciary=on_judiciary("lawmaker_id"),
            attendee_count=_count(attendees, "meetingreport_id"),
            position_count=_count(AskPosition, "report_id"),
            follow_up_count=_count(FollowUpItem, "report_id"),
        )
        .order_by("event__date", "starts_at", "pk")
        .values_list(
            "pk", "event__name", "event__time_zone", "starts_at", "ends_at", "chapter__name",
            "lawmaker__full_name", "lawmaker__public_id", "lawmaker__level", "lawmaker__chamber",
            "lawmaker__state", "lawmaker__district", "lawmaker__party", "judiciary", "status",
            "kind", "room", "building", "lead__first_name", "lead__last_name", "lead__email",
            "seats_taken", "report__status", "report__filed_by__first_name",
            "report__filed_by__last_name", "report__filed_by__email", "report__filed_at",
            "report__met_with", "report__met_name", "report__met_title", "attendee_count",
            "position_count", "report__concerns", "report__questions_promised",
            "report__commitments", "follow_up_count", "report__notes",
        )
    )  # fmt: skip


def meeting_row(r) -> list:
    zone = r[2]
    return [
        r[0], r[1], local(r[3], zone), local(r[4], zone), r[5], r[6], r[7],
        chamber_name(r[8], r[9], r[10]), r[10], r[11], r[12], "yes" if r[13] else "no",
        STATUS.get(r[14], r[14]), KIND.get(r[15], r[15]), r[16], r[17],
        person(r[18], r[19], r[20]), r[21], REPORT_STATUS.get(r[22], "Not started"),
        person(r[23], r[24], r[25]), local(r[26], zone), MET_WITH.get(r[27], ""),
        r[28] or "", r[29] or "", r[30], r[31], r[32] or "", r[33] or "", r[34] or "", r[35],
        r[36] or "",
    ]  # fmt: skip


# One row per meeting and ask ------------------------------------------------------------------

ASK_HEADERS = [
    "meeting_id", "event", "starts_at", "chapter", "lawmaker", "lawmaker_id", "chamber",
    "state", "district", "party", "on_judiciary", "report_status", "ask", "position",
    "position_note",
]  # fmt: skip


def ask_query(meetings: QuerySet[Meeting]) -> QuerySet:
    return (
        AskPosition.objects.filter(report__meeting__in=meetings.values("pk"))
        .annotate(judiciary=on_judiciary("report__meeting__lawmaker_id"))
        .order_by("report__meeting__starts_at", "report__meeting_id", "ask__priority", "ask_id")
        .values_list(
            "report__meeting_id", "report__meeting__event__name",
            "report__meeting__event__time_zone", "report__meeting__starts_at",
            "report__meeting__chapter__name", "report__meeting__lawmaker__full_name",
            "report__meeting__lawmaker__public_id", "report__meeting__lawmaker__level",
            "report__meeting__lawmaker__chamber", "report__meeting__lawmaker__state",
            "report__meeting__lawmaker__district", "report__meeting__lawmaker__party",
            "judiciary", "report__status", "ask__title", "position", "note",
        )
    )  # fmt: skip


def ask_row(r) -> list:
    return [
        r[0], r[1], local(r[3], r[2]), r[4], r[5], r[6], chamber_name(r[7], r[8], r[9]), r[9],
        r[10], r[11], "yes" if r[12] else "no", REPORT_STATUS.get(r[13], r[13]), r[14],
        POSITION.get(r[15], r[15]), r[16],
    ]  # fmt: skip


# One row per meeting and participant ----------------------------------------------------------

PARTICIPANT_HEADERS = [
    "meeting_id", "event", "starts_at", "chapter", "lawmaker", "lawmaker_id", "state",
    "person", "email", "seat_status", "constituent", "role", "attended",
]  # fmt: skip


def participant_query(meetings: QuerySet[Meeting]) -> QuerySet:
    attended = MeetingReport.attendees.through.objects.filter(
        meetingreport__meeting_id=OuterRef("meeting_id"), user_id=OuterRef("user_id")
    )
    return (
        Seat.objects.filter(meeting__in=meetings.values("pk"))
        .exclude(status=SeatStatus.CANCELLED)
        .annotate(attended=Exists(attended))
        .order_by("meeting__starts_at", "meeting_id", "user__last_name", "pk")
        .values_list(
            "meeting_id", "meeting__event__name", "meeting__event__time_zone",
            "meeting__starts_at", "meeting__chapter__name", "meeting__lawmaker__full_name",
            "meeting__lawmaker__public_id", "meeting__lawmaker__state", "user__first_name",
            "user__last_name", "user__email", "status", "is_constituent", "user_id",
            "meeting__lead_id", "meeting__note_taker_id", "attended", "meeting__report__status",
        )
    )  # fmt: skip


def participant_row(r) -> list:
    role = "lead" if r[13] == r[14] else "note-taker" if r[13] == r[15] else ""
    attended = ("yes" if r[16] else "no") if r[17] == ReportStatus.FILED else ""
    return [
        r[0], r[1], local(r[3], r[2]), r[4], r[5], r[6], r[7], person(r[8], r[9], None),
        r[10], SEAT_STATUS.get(r[11], r[11]), "yes" if r[12] else "no", role, attended,
    ]  # fmt: skip


# Follow-up items ------------------------------------------------------------------------------

FOLLOW_UP_HEADERS = [
    "item_id", "meeting_id", "event", "starts_at", "chapter", "lawmaker", "state",
    "description", "owner", "owner_email", "due_date", "done_at", "report_status",
]  # fmt: skip


def follow_up_query(meetings: QuerySet[Meeting]) -> QuerySet:
    return (
        FollowUpItem.objects.filter(report__meeting__in=meetings.values("pk"))
        .order_by("due_date", "report__meeting__starts_at", "pk")
        .values_list(
            "pk", "report__meeting_id", "report__meeting__event__name",
            "report__meeting__event__time_zone", "report__meeting__starts_at",
            "report__meeting__chapter__name", "report__meeting__lawmaker__full_name",
            "report__meeting__lawmaker__state", "description", "owner__first_name",
            "owner__last_name", "owner__email", "due_date", "done_at", "report__status",
        )
    )  # fmt: skip


def follow_up_row(r) -> list:
    return [
        r[0], r[1], r[2], local(r[4], r[3]), r[5], r[6], r[7], r[8], person(r[9], r[10], None),
        r[11] or "", r[12].isoformat() if r[12] else "", local(r[13], r[3]),
        REPORT_STATUS.get(r[14], r[14]),
    ]  # fmt: skip


QUERIES = {
    "meetings": meeting_query,
    "asks": ask_query,
    "participants": participant_query,
    "follow_ups": follow_up_query,
}
FORMATTERS = {
    "meetings": meeting_row,
    "asks": ask_row,
    "participants": participant_row,
    "follow_ups": follow_up_row,
}
KINDS = {
    kind.key: kind
    for kind in (
        ExportKind("meetings", "Meeting reports: one row per meeting", MEETING_HEADERS),
        ExportKind("asks", "Positions: one row per meeting and ask", ASK_HEADERS),
        ExportKind("participants", "Participants: one row per meeting and person",
                   PARTICIPANT_HEADERS),
        ExportKind("follow_ups", "Follow-up items: one row per item", FOLLOW_UP_HEADERS),
    )
}  # fmt: skip
