"""Exports read back with real readers (csv, openpyxl) and compared with the database."""

import csv
import io
import threading

import openpyxl
import pytest
from django.db import DatabaseError
from django.urls import reverse

from common.spreadsheets import neutralise
from meetings.models import Meeting, MeetingStatus
from reports.exports.columns import KINDS, prefetched_batches
from reports.models import AskPosition, ExportJob, ExportStatus, FollowUpItem, MeetingReport
from tests.reports.conftest import report_post

EXPORTS = reverse("reports:exports")


@pytest.fixture
def filed(client, meeting, delegate, asks, meeting_started):
    client.force_login(delegate)
    client.post(
        reverse("reports:report", args=[meeting.pk]),
        report_post(
            action="file",
            attendees=[delegate.pk],
            met_name='=HYPERLINK("http://evil.example","click")',
            notes="-2+3",
            **{f"position_{asks[0].pk}": "supports", f"position_note_{asks[0].pk}": "@once"},
        ),
    )
    client.logout()
    return MeetingReport.objects.get(meeting=meeting)


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def read_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 403), ("leader", 200), ("other_leader", 200), ("staff", 200)],
)
def test_export_page_permissions(client_as, role, expected):
    assert client_as(role).get(EXPORTS).status_code == expected


def test_member_cannot_download(client_as, filed):
    response = client_as("member").post(EXPORTS, {"kind": "meetings", "format": "csv"})
    assert response.status_code == 403


def test_csv_matches_the_database(client, staff, filed, meeting, other_meeting, event):
    client.force_login(staff)
    response = client.post(EXPORTS, {"kind": "meetings", "format": "csv"})
    assert response.status_code == 200
    assert response.streaming
    rows = read_csv(response)
    assert list(rows[0]) == KINDS["meetings"].headers
    assert [int(row["meeting_id"]) for row in rows] == [meeting.pk, other_meeting.pk]
    first, second = rows
    assert first["lawmaker"] == "Amy Larsen"
    assert first["chamber"] == "Senate"
    assert first["on_judiciary"] == "yes"
    assert first["starts_at"] == f"{event.date:%Y-%m-%d} 10:00"
    assert first["report_status"] == "Filed"
    assert first["met_name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert first["notes"] == "'-2+3"
    assert first["attendees"] == "1"
    assert first["positions_recorded"] == "1"
    assert first["follow_up_items"] == "1"
    assert second["report_status"] == "Not started"
    assert second["on_judiciary"] == "no"
    assert second["meeting_status"] == "Held"


def test_xlsx_formula_like_cells_are_strings_as_typed(client, staff, filed, meeting):
    client.force_login(staff)
    response = client.post(EXPORTS, {"kind": "meetings", "format": "xlsx"})
    headers, rows = read_xlsx(response)
    assert list(headers) == KINDS["meetings"].headers
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    met_name = sheet.cell(row=2, column=headers.index("met_name") + 1)
    assert met_name.data_type == "s"
    assert met_name.value == '=HYPERLINK("http://evil.example","click")'
    notes = sheet.cell(row=2, column=headers.index("notes") + 1)
    assert (notes.data_type, notes.value) == ("s", "-2+3")
    assert rows[0][0] == meeting.pk


def test_xlsx_of_a_report_with_a_pasted_vertical_tab_downloads(client, staff, filed):
    # A word processor's manual line break arrives as a vertical tab, which XLSX cannot hold.
    MeetingReport.objects.filter(pk=filed.pk).update(
        notes="- we will send the memo\x0bby Friday", concerns="bell\x07"
    )
    client.force_login(staff)
    response = client.post(EXPORTS, {"kind": "meetings", "format": "xlsx"})
    assert response.status_code == 200
    headers, rows = read_xlsx(response)
    assert rows[0][headers.index("notes")] == "- we will send the memo\nby Friday"
    assert rows[0][headers.index("concerns")] == "bell"


def test_xlsx_job_of_a_report_with_a_control_character_is_done(
    client, staff, filed, settings, django_capture_on_commit_callbacks, tmp_path
):
    MeetingReport.objects.filter(pk=filed.pk).update(notes="line\x0bbreak")
    settings.REPORTS_EXPORT_INLINE_ROWS = 0
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EXPORTS, {"kind": "meetings", "format": "xlsx"})
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.DONE
    download = client.get(reverse("reports:export_download", args=[job.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headers.index("notes") + 1).value == "line\nbreak"


def test_asks_export_one_row_per_meeting_and_ask(client, staff, filed, asks):
    client.force_login(staff)
    rows = read_csv(client.post(EXPORTS, {"kind": "asks", "format": "csv"}))
    position = AskPosition.objects.get()
    assert [(row["ask"], row["position"], row["position_note"]) for row in rows] == [
        (position.ask.title, "Supports", "'@once")
    ]


def test_participants_and_follow_ups(client, staff, filed, delegate):
    client.force_login(staff)
    people = read_csv(client.post(EXPORTS, {"kind": "participants", "format": "csv"}))
    assert [(row["email"], row["role"], row["attended"]) for row in people] == [
        (delegate.email, "lead", "yes")
    ]
    items = read_csv(client.post(EXPORTS, {"kind": "follow_ups", "format": "csv"}))
    item = FollowUpItem.objects.get()
    assert [(int(row["item_id"]), row["description"], row["due_date"]) for row in items] == [
        (item.pk, "Send the backlog figures", "2030-01-15")
    ]


def test_leader_exports_only_their_chapter(client, leader, filed, meeting, other_meeting):
    client.force_login(leader)
    rows = read_csv(client.post(EXPORTS, {"kind": "meetings", "format": "csv"}))
    assert [int(row["meeting_id"]) for row in rows] == [meeting.pk]


def test_leader_asking_for_another_chapter_gets_an_error(client, leader, other_chapter):
    client.force_login(leader)
    response = client.post(
        EXPORTS, {"kind": "meetings", "format": "csv", "chapter": other_chapter.pk}
    )
    assert response.status_code == 400
    assert "Check the filters" in response.content.decode()


def test_filters_narrow_the_rows(client, staff, meeting, other_meeting):
    client.force_login(staff)

    def ids(**filters):
        rows = read_csv(client.post(EXPORTS, {"kind": "meetings", "format": "csv", **filters}))
        return [int(row["meeting_id"]) for row in rows]

    assert ids(state="TN") == [other_meeting.pk]
    assert ids(chamber="upper") == [meeting.pk]
    assert ids(party="Republican") == [other_meeting.pk]
    assert ids(status=[MeetingStatus.HELD]) == [other_meeting.pk]
    assert ids(report="none") == [meeting.pk, other_meeting.pk]
    assert ids(date_from=str(meeting.event.date)) == [meeting.pk, other_meeting.pk]
    assert ids(committee=meeting.lawmaker.committee_seats.get().committee_id) == [meeting.pk]


def test_large_export_runs_as_a_job_for_its_owner_only(
    client, staff, filed, settings, django_capture_on_commit_callbacks, leader, tmp_path
):
    settings.REPORTS_EXPORT_INLINE_ROWS = 0
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EXPORTS, {"kind": "meetings", "format": "xlsx"})
    job = ExportJob.objects.get()
    assert response.url == reverse("reports:export_job", args=[job.pk])
    assert (job.status, job.rows_done, job.rows_total) == (ExportStatus.DONE, 1, 1)
    status = client.get(reverse("reports:export_job_status", args=[job.pk])).json()
    assert status["percent"] == 100
    download = client.get(status["download_url"])
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 2
    client.force_login(leader)
    assert client.get(status["download_url"]).status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("plain", "plain"), (12, 12), ("", "")],
)  # fmt: skip
def test_neutralise(text, expected):
    assert neutralise(text) == expected


def export_threads() -> list:
    return [thread for thread in threading.enumerate() if thread.name == "export-prefetch"]


def test_rows_fetched_in_small_batches_are_all_there_in_order(meeting, other_meeting):
    rows = list(KINDS["meetings"].rows(Meeting.objects.all(), chunk_size=1))
    assert [row[0] for row in rows] == [meeting.pk, other_meeting.pk]
    assert export_threads() == []


def test_export_left_after_its_first_row_stops_its_prefetch_thread(meeting, other_meeting):
    rows = KINDS["meetings"].rows(Meeting.objects.all(), chunk_size=1)
    assert next(rows)[0] == meeting.pk
    rows.close()
    assert export_threads() == []
    assert Meeting.objects.count() == 2  # the connection is usable: the transaction ended


def test_a_database_error_while_prefetching_reaches_the_reader():
    class BrokenCursor:
        def fetchmany(self, size):
            raise DatabaseError("gone")

    with pytest.raises(DatabaseError, match="gone"):
        list(prefetched_batches(BrokenCursor(), 10))
    assert export_threads() == []


def test_closing_an_endless_prefetch_stops_its_thread():
    class EndlessCursor:
        def fetchmany(self, size):
            return [("row",)] * size

    batches = prefetched_batches(EndlessCursor(), 3)
    assert next(batches) == [("row",)] * 3
    closer = threading.Thread(target=batches.close)
    closer.start()
    closer.join(timeout=5)
    assert not closer.is_alive()
    assert export_threads() == []
