"""Benchmark: exporting 50,000 meeting reports.

Run from the repository root:  .venv/bin/python bench/export.py
Builds its own database (bench_export): 540 offices, 40 chapters, 50,000
meetings each with a filed report (attendees, positions, follow-up items,
free text). Then, in one run and with production settings, it measures:

- the CSV export through the app's own code (`reports.exports`: the query,
  its chunked server-side cursor, the row formatting and formula
  neutralising, the csv writer), consumed as the streaming response would be;
- PostgreSQL's own `COPY (the same query) TO STDOUT WITH CSV`, the floor;
- the XLSX export (openpyxl in write-only mode) into a file;
- the peak growth of the process's resident memory while exporting, sampled
  from /proc every 10 ms.

Prints one `name: value unit` line per figure. Targets: CSV at most 2x COPY,
memory growth under 50 MB, XLSX under 15 s.
"""

import datetime
import gc
import os
import random
import statistics
import tempfile
import threading
import time

from benchlib import setup_django

MEETINGS = int(os.environ.get("BENCH_MEETINGS", "50000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
OFFICES = 540
CHAPTERS = 40
BATCH = 5000
# One office, one meeting at a time (an exclusion constraint): meeting n goes to office
# n % OFFICES in that office's slot n // OFFICES, so an office's meetings follow each other.
SLOT = datetime.timedelta(minutes=5)
STATES = ["MN", "ND", "SD", "MA", "TN", "CA", "NY", "TX", "FL", "IL", "WA", "OH", "GA", "AZ"]
WORDS = "visa backlog counsel detention border asylum court family processing shelter funding"
WORDS = [*WORDS.split(" "), "spouses", "children", "caps", "staff", "senator", "constituent"]


def sentence(rng, words=18):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build():
    from django.utils import timezone

    from chapters.models import Chapter
    from events.models import Event, EventStatus
    from lawmakers.models import Chamber, Lawmaker, Level
    from meetings.models import Meeting, MeetingStatus
    from members.models import User
    from reports.models import AskPosition, FollowUpItem, MeetingReport, ReportStatus
    from talkingpoints.models import Ask

    rng = random.Random(2027)
    date = timezone.localdate() - datetime.timedelta(days=1)
    event = Event.objects.create(
        name="National Day of Action", slug="national", date=date, status=EventStatus.PUBLISHED
    )
    asks = [
        Ask.objects.create(event=event, title=title, summary="", priority=number)
        for number, title in enumerate(
            ["Cut the visa backlogs", "Fund counsel", "Alternatives to detention"]
        )
    ]
    lawmakers = Lawmaker.objects.bulk_create(
        Lawmaker(
            public_id=f"B{number:06d}",
            level=Level.FEDERAL,
            chamber=Chamber.UPPER if number < 100 else Chamber.LOWER,
            state=STATES[number % len(STATES)],
            district="" if number < 100 else str(number % 40 + 1),
            party=rng.choice(["Democrat", "Republican", "Independent"]),
            first_name="Pat",
            last_name=f"Office{number}",
            full_name=f"Pat Office{number}",
        )
        for number in range(OFFICES)
    )
    chapters = Chapter.objects.bulk_create(
        Chapter(name=f"Chapter {number}", slug=f"chapter-{number}") for number in range(CHAPTERS)
    )
    people = User.objects.bulk_create(
        User(email=f"lead{number}@example.org", first_name="Lee", last_name=f"Lead{number}")
        for number in range(500)
    )
    start = datetime.datetime.combine(date, datetime.time(9), tzinfo=event.zone)
    filed_at = start + datetime.timedelta(hours=10)
    for first in range(0, MEETINGS, BATCH):
        meetings = Meeting.objects.bulk_create(
            Meeting(
                event=event,
                chapter=chapters[number % CHAPTERS],
                lawmaker=lawmakers[number % OFFICES],
                starts_at=start + SLOT * (number // OFFICES),
                ends_at=start + SLOT * (number // OFFICES + 1),
                status=MeetingStatus.HELD,
                lead=people[number % len(people)],
                building="hart",
                room=str(100 + number % 700),
            )
            for number in range(first, min(first + BATCH, MEETINGS))
        )
        reports = MeetingReport.objects.bulk_create(
            MeetingReport(
                meeting=meeting,
                status=ReportStatus.FILED,
                filed_by=meeting.lead,
                filed_at=filed_at,
                met_name="Jordan Lee",
                met_title="Legislative assistant",
                concerns=sentence(rng),
                questions_promised=sentence(rng, 10),
                commitments=sentence(rng, 8),
                notes=sentence(rng, 30),
            )
            for meeting in meetings
        )
        MeetingReport.attendees.through.objects.bulk_create(
            MeetingReport.attendees.through(meetingreport_id=report.pk, user_id=report.filed_by_id)
            for report in reports
        )
        AskPosition.objects.bulk_create(
            AskPosition(report=report, ask=ask, position=rng.choice(["supports", "undecided"]))
            for report in reports
            for ask in asks[:2]
        )
        FollowUpItem.objects.bulk_create(
            FollowUpItem(
                report=report, description="Send the figures", owner_id=report.filed_by_id
            )
            for report in reports[::3]
        )
    return event


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakMemory:
    """Samples resident memory in a thread; `growth` is the peak above the start."""

    def __enter__(self):
        gc.collect()
        self.start = self.peak = resident_mb()
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()
        return self

    def sample(self):
        while self.running:
            self.peak = max(self.peak, resident_mb())
            time.sleep(0.01)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, resident_mb())

    @property
    def growth(self) -> float:
        return self.peak - self.start


def main():
    setup_django("bench_export")
    from django.db import connection, transaction

    from common.spreadsheets import csv_chunks, write_xlsx
    from meetings.models import Meeting
    from reports.exports.columns import KINDS

    build()
    kind = KINDS["meetings"]
    meetings = Meeting.objects.all()
    connection.close()  # start each measurement from a fresh connection, as a request does

    def export_csv():
        size = 0
        for chunk in csv_chunks(kind.headers, kind.rows(meetings)):
            size += len(chunk.encode())
        return size

    sql, params = kind.query(meetings).query.sql_with_params()

    def export_copy(*, jit=True):
        with transaction.atomic(), connection.cursor() as cursor:
            if not jit:
                cursor.execute("SET LOCAL jit = off")
            statement = cursor.mogrify(sql, params).decode()
            with tempfile.TemporaryFile() as sink:
                cursor.copy_expert(f"COPY ({statement}) TO STDOUT WITH CSV HEADER", sink)
                return sink.tell()

    def timed(work):
        began = time.perf_counter()
        result = work()
        return time.perf_counter() - began, result

    with PeakMemory() as memory:
        # Interleaved rounds, medians: neither side profits from the other's warm caches.
        csv_times, copy_times, copy_nojit_times = [], [], []
        for _ in range(ROUNDS):
            seconds, size = timed(export_csv)
            csv_times.append(seconds)
            seconds, copy_size = timed(export_copy)
            copy_times.append(seconds)
            seconds, _ = timed(lambda: export_copy(jit=False))
            copy_nojit_times.append(seconds)
        csv_seconds = statistics.median(csv_times)
        copy_seconds = statistics.median(copy_times)
        copy_nojit_seconds = statistics.median(copy_nojit_times)
        rows = kind.query(meetings).count()

        with tempfile.TemporaryDirectory() as directory:
            began = time.perf_counter()
            written = write_xlsx(
                os.path.join(directory, "export.xlsx"), kind.headers, kind.rows(meetings),
                title="meetings",
            )  # fmt: skip
            xlsx_seconds = time.perf_counter() - began

    assert rows == written == MEETINGS, (rows, written)
    print(f"rows: {rows} rows")
    print(f"csv_bytes: {size} bytes")
    print(f"copy_bytes: {copy_size} bytes")
    print(f"csv_seconds: {csv_seconds:.3f} s")
    # The headline compares like with like: the app's export switches PostgreSQL's JIT off,
    # so COPY runs with JIT off too. COPY with the server's default is printed for reference.
    print(f"copy_seconds: {copy_nojit_seconds:.3f} s")
    print(f"csv_to_copy_ratio: {csv_seconds / copy_nojit_seconds:.2f} x")
    print(f"copy_with_default_jit_seconds: {copy_seconds:.3f} s")
    print(f"csv_rows_per_second: {rows / csv_seconds:.0f} rows/s")
    print(f"xlsx_seconds: {xlsx_seconds:.3f} s")
    print(f"peak_memory_growth_mb: {memory.growth:.1f} MB")


if __name__ == "__main__":
    main()
