"""The follow-up pages: thank-you notes, the letter template, reminder times, feedback."""

import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from followup.models import EventFeedback, LetterTemplate, NoteStatus, ReminderSettings
from followup.thanks import ThankYouError, thank_you_draft, thank_you_send
from meetings.models import MeetingStatus
from outbox.models import Email, EmailState
from reports.models import AskPosition, MeetingReport, ReportStatus
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.talkingpoints.factories import AskFactory


@pytest.fixture
def report(held_meeting):
    report = MeetingReport.objects.create(
        meeting=held_meeting,
        status=ReportStatus.FILED,
        filed_at=timezone.now(),
        met_name="Jordan Pike",
        met_title="Legislative Assistant",
        questions_promised="- the backlog figures for Minnesota",
        commitments="- will raise the bill with the Senator",
    )
    ask = AskFactory(event=held_meeting.event, title="Cut the visa backlogs")
    AskPosition.objects.create(report=report, ask=ask, position="undecided")
    return report


def _url(meeting):
    return reverse("followup:thank_you", args=[meeting.pk])


# Thank-you notes ------------------------------------------------------------------------------


def test_thank_you_is_drafted_from_the_report_with_the_chapter_merged_in(
    client_as, held_meeting, report
):
    page = client_as("member").get(_url(held_meeting)).content.decode()
    note = held_meeting.thank_you_note
    assert note.status == NoteStatus.DRAFT
    assert note.to == "dana.whitfield@senate.example.gov"
    assert note.body.startswith("Dear Jordan Pike,")
    assert "Minnesota/Dakotas (MN, ND, SD)" in note.body
    assert "- Cut the visa backlogs" in note.body
    assert "- the backlog figures for Minnesota" in note.body
    assert "- will raise the bill with the Senator" in note.body
    assert "Jordan Pike" in page


def test_thank_you_draft_edited_and_saved_is_kept(client_as, held_meeting, report):
    client = client_as("member")
    response = client.post(
        _url(held_meeting),
        {"to": "jordan.pike@senate.example.gov", "subject": "Thanks!", "body": "Dear Jordan,"},
    )
    assert response.status_code == 302
    note = thank_you_draft(meeting=held_meeting)
    assert (note.to, note.subject, note.body, note.status) == (
        "jordan.pike@senate.example.gov",
        "Thanks!",
        "Dear Jordan,",
        NoteStatus.DRAFT,
    )
    assert not Email.objects.filter(kind="followup.thank_you").exists()


def test_thank_you_sent_goes_once_through_the_outbox_with_replies_to_the_lead(
    client_as, held_meeting, report, member, commits
):
    client = client_as("member")
    data = {"to": "jordan.pike@senate.example.gov", "subject": "Thank you", "body": "Dear Jordan,"}
    with commits():
        response = client.post(_url(held_meeting), {**data, "send": "1"})
    assert response.status_code == 302
    note = thank_you_draft(meeting=held_meeting)
    assert note.status == NoteStatus.SENT
    assert note.sent_by == member
    [sent] = mail.outbox
    assert (sent.to, sent.subject, sent.body, sent.reply_to) == (
        ["jordan.pike@senate.example.gov"],
        "Thank you",
        "Dear Jordan,",
        [member.email],
    )
    assert note.email.state == EmailState.SENT

    # Sent is final: another send or an edit is refused and nothing more goes out.
    with commits():
        again = client.post(_url(held_meeting), {**data, "body": "Changed", "send": "1"})
    assert again.status_code == 302
    assert len(mail.outbox) == 1
    assert thank_you_draft(meeting=held_meeting).body == "Dear Jordan,"
    page = client.get(_url(held_meeting)).content.decode()
    assert "Sent to jordan.pike@senate.example.gov" in page


def test_thank_you_without_an_address_rerenders_with_the_text_kept(client_as, held_meeting):
    response = client_as("member").post(
        _url(held_meeting),
        {"to": "", "subject": "Thank you", "body": "My careful words", "send": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give the office contact&#x27;s email address." in page
    assert "My careful words" in page
    assert thank_you_draft(meeting=held_meeting).status == NoteStatus.DRAFT
    assert not Email.objects.filter(kind="followup.thank_you").exists()


def test_thank_you_with_a_bad_address_or_no_subject_shows_each_error(client_as, held_meeting):
    response = client_as("member").post(
        _url(held_meeting), {"to": "not-an-address", "subject": "", "body": "Words", "send": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in page
    assert "This field is required." in page
    assert "Words" in page


def test_thank_you_list_query_count_is_constant(
    client_as, django_assert_num_queries, held_meeting, chapter, member
):
    """Leader's list at 1 and 40 meetings (some with notes and reports): same count."""
    client = client_as("leader")
    with django_assert_num_queries(5):  # session, user, count, rows (+ joins), the page
        first = client.get(reverse("followup:thank_you_list"))
    for n in range(39):
        meeting = MeetingFactory(
            event=held_meeting.event, chapter=chapter, lead=member, status=MeetingStatus.HELD
        )
        if n % 2:
            thank_you_draft(meeting=meeting)
            MeetingReport.objects.create(meeting=meeting)
    with django_assert_num_queries(5):
        many = client.get(reverse("followup:thank_you_list"))
    assert first.content.decode().count("<tr>") == 2  # head and one meeting
    assert many.content.decode().count("<tr>") == 41


# The letter template --------------------------------------------------------------------------


def test_letter_template_with_an_unknown_field_is_refused_with_its_name(client_as):
    response = client_as("staff").post(
        reverse("followup:letter_template"),
        {"subject": "Thanks", "body": "Dear {{ staffer_name }} of {{ senator_fax }}"},
    )
    assert response.status_code == 200
    assert "Unknown merge field {{ senator_fax }}." in response.content.decode()
    assert not LetterTemplate.objects.exists()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Dear {{ Staffer_Name }},", "Unknown merge field {{ Staffer_Name }}: field names are "
         "lower case; write {{ staffer_name }}."),
        ("The office of {{ lawmaker.name }}", "Unknown merge field {{ lawmaker.name }}: field "
         "names have no dots; write {{ lawmaker }}."),
        ("{% if asks %}We asked{% endif %}", "“{% if asks %}” is not part of a merge field"),
        ("Dear {{ staffer_name }, hello", "“{{” is not part of a merge field"),
        ("{{ lead_name|upper }}", "Unknown merge field {{ lead_name|upper }}: fields take no "
         "filters; write {{ lead_name }}."),
    ],
)  # fmt: skip
def test_letter_template_with_a_malformed_field_is_refused_by_name(client_as, body, named):
    response = client_as("staff").post(
        reverse("followup:letter_template"), {"subject": "Thanks", "body": body}
    )
    assert response.status_code == 200
    assert named in html.unescape(response.content.decode())
    assert not LetterTemplate.objects.exists()


def test_thank_you_note_with_a_field_left_in_it_is_not_sent(held_meeting, report, member):
    note = thank_you_draft(meeting=held_meeting)
    with pytest.raises(ThankYouError, match="still has a merge field"):
        thank_you_send(
            note=note, by=member, to="office@example.org", subject="Thanks",
            body="Dear {{ Staffer_Name }}",
        )  # fmt: skip


def test_saved_letter_template_shapes_new_drafts(client_as, held_meeting, report):
    client_as("staff").post(
        reverse("followup:letter_template"),
        {"subject": "With thanks from {{ chapter_name }}", "body": "Hello {{ staffer_name }}!"},
    )
    note = thank_you_draft(meeting=held_meeting)
    assert (note.subject, note.body) == (
        "With thanks from Minnesota/Dakotas",
        "Hello Jordan Pike!",
    )


# Reminder times -------------------------------------------------------------------------------

GOOD_TIMES = {
    "day_before_at": "18:00",
    "morning_of_at": "06:30",
    "minutes_before_meeting": "45",
    "leader_digest_at": "09:00",
    "report_after_minutes": "60",
    "report_nudge_hours": "24",
    "feedback_at": "10:00",
}


def test_reminder_settings_saved(client_as, event):
    response = client_as("staff").post(
        reverse("followup:reminder_settings", args=[event.slug]), GOOD_TIMES
    )
    assert response.status_code == 302
    rules = ReminderSettings.objects.get(event=event)
    assert (str(rules.day_before_at), rules.minutes_before_meeting) == ("18:00:00", 45)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("minutes_before_meeting", "2", "Between 5 and 240 minutes."),
        ("report_nudge_hours", "0", "At least one hour."),
        ("day_before_at", "25:00", "Enter a valid time."),
        ("report_after_minutes", "soon", "Enter a whole number."),
    ],
)
def test_reminder_settings_bad_input_rerenders_with_errors(
    client_as, event, field, value, message
):
    response = client_as("staff").post(
        reverse("followup:reminder_settings", args=[event.slug]), {**GOOD_TIMES, field: value}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="06:30"' in page  # the rest of what was typed is kept
    assert not ReminderSettings.objects.exists()


# Feedback -------------------------------------------------------------------------------------


def test_feedback_saved_and_shown_again(client_as, event, member):
    RegistrationFactory(event=event, user=member)
    client = client_as("member")
    url = reverse("followup:feedback", args=[event.slug])
    client.post(url, {"rating": "4", "comment": "Shorter walks, please."})
    client.post(url, {"rating": "5", "comment": "Better."})
    assert list(EventFeedback.objects.values_list("rating", "comment")) == [(5, "Better.")]
    assert "Better." in client.get(url).content.decode()


def test_feedback_without_a_rating_rerenders_with_the_comment_kept(client_as, event, member):
    RegistrationFactory(event=event, user=member)
    response = client_as("member").post(
        reverse("followup:feedback", args=[event.slug]), {"rating": "9", "comment": "Kept text"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Kept text" in page
    assert not EventFeedback.objects.exists()
