"""The staff's outbox pages and the no-login unsubscribe link."""

import pytest
from django.core import mail
from django.urls import reverse

from outbox import services
from outbox.models import Email, EmailState, OptOut
from outbox.unsubscribe import unsubscribe_token
from tests.permissions import LOGIN, assert_status, matrix


@pytest.fixture
def failed_email(queue_note):
    email = queue_note(key="failed-1", send_after=None)
    Email.objects.filter(pk=email.pk).update(
        state=EmailState.FAILED, last_error="550 No such user"
    )
    mail.outbox.clear()
    return email


@pytest.fixture
def urls(failed_email):
    return {
        "list": reverse("outbox:list"),
        "detail": reverse("outbox:detail", args=[failed_email.pk]),
        "retry": reverse("outbox:retry", args=[failed_email.pk]),
    }


# fmt: off
PAGES = {
    #         anonymous member leader other_leader staff
    "list":   (LOGIN,    403,   403,   403,         200),
    "detail": (LOGIN,    403,   403,   403,         200),
    "retry":  (LOGIN,    405,   405,   405,         405),
}
CHANGES = {
    "retry":  (LOGIN,    403,   403,   403,         302),
}
# fmt: on


@pytest.mark.parametrize(("view", "role", "expected"), matrix(PAGES))
def test_outbox_pages_are_for_staff_only(client_as, urls, view, role, expected):
    assert_status(client_as(role).get(urls[view]), expected)


@pytest.mark.parametrize(("view", "role", "expected"), matrix(CHANGES))
def test_outbox_retry_is_for_staff_only(
    client_as, urls, failed_email, django_capture_on_commit_callbacks, view, role, expected
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(role).post(urls[view])
    assert_status(response, expected)
    failed_email.refresh_from_db()
    if expected == 302:
        assert failed_email.state == EmailState.SENT  # eager tasks: queued again and sent
        assert [m.to for m in mail.outbox] == [[failed_email.to]]
    else:
        assert failed_email.state == EmailState.FAILED
        assert mail.outbox == []


def test_retry_of_a_sent_email_says_why_not(
    client_as, queue_note, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_note(key="sent-1")
    response = client_as("staff").post(reverse("outbox:retry", args=[email.pk]), follow=True)
    assert "This email is sent: nothing to retry." in response.content.decode()
    assert Email.objects.get(pk=email.pk).attempts == 1


def test_missing_email_is_not_found_for_staff(client_as):
    assert client_as("staff").get(reverse("outbox:detail", args=[999999])).status_code == 404


def test_outbox_list_filters_by_state_and_recipient(client_as, queue_note, failed_email):
    queue_note(key="other", to="jon@example.org", subject="Your itinerary")
    page = client_as("staff").get(reverse("outbox:list"), {"state": "failed"}).content.decode()
    assert failed_email.to in page
    assert "jon@example.org" not in page
    page = client_as("staff").get(reverse("outbox:list"), {"q": "itinerary"}).content.decode()
    assert "jon@example.org" in page
    assert failed_email.to not in page


def test_outbox_list_with_a_bad_filter_rerenders_with_the_error(client_as, failed_email):
    response = client_as("staff").get(reverse("outbox:list"), {"state": "lost"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 60])
def test_outbox_list_query_count_is_constant(client_as, django_assert_num_queries, rows):
    Email.objects.bulk_create(
        Email(
            key=f"k{n}",
            to=f"p{n}@example.org",
            kind="test.note",
            subject=f"Note {n}",
            state=EmailState.FAILED if n % 3 else EmailState.SENT,
            last_error="421 Try later" if n % 3 else "",
        )
        for n in range(rows)
    )
    client = client_as("staff")
    # session, user, the counts, the mail server's fault, the failed groups (bulk retry),
    # the page's count, the page's rows
    with django_assert_num_queries(7):
        response = client.get(reverse("outbox:list"))
    assert response.status_code == 200
    assert response.content.decode().count('class="badge badge--mail-') == min(rows, 50)


def test_sent_email_detail_shows_the_message_as_it_went(client_as, queue_note):
    email = queue_note(key="d1", subject="See you tomorrow", body_text="Room SH-425 at 10:30.")
    page = client_as("staff").get(reverse("outbox:detail", args=[email.pk])).content.decode()
    assert "See you tomorrow" in page
    assert "Room SH-425 at 10:30." in page


# Unsubscribe (no login: the signed link is the proof) -----------------------------------------


def test_unsubscribe_link_asks_then_opts_out_without_login(client, db):
    url = reverse("outbox:unsubscribe", args=[unsubscribe_token("Amara@Example.org")])
    asked = client.get(url)
    assert asked.status_code == 200
    assert not OptOut.objects.exists()  # a GET (a mail scanner) changes nothing
    response = client.post(url)
    assert "You will get only essential email" in response.content.decode()
    assert services.is_opted_out("amara@example.org")
    client.post(url, {"resubscribe": "1"})
    assert not services.is_opted_out("amara@example.org")


def test_one_click_unsubscribe_post_works_without_a_csrf_cookie(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = reverse("outbox:unsubscribe", args=[unsubscribe_token("amara@example.org")])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert services.is_opted_out("amara@example.org")


def test_tampered_unsubscribe_link_is_refused(client, db):
    token = unsubscribe_token("amara@example.org")
    tampered = token[:-3] + ("xyz" if not token.endswith("xyz") else "abc")
    response = client.post(reverse("outbox:unsubscribe", args=[tampered]))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert not OptOut.objects.exists()


def test_queued_email_detail_previews_it_without_sending_or_changing_it(client_as, db):
    import datetime

    from django.utils import timezone

    email = services.email_queue(
        to="amara@example.org",
        kind="test.reminder",
        key="later-1",
        template_prefix="outbox/email/notice",
        context={"subject": "At 10:30: SH-309", "heading": "Your next meeting", "lines": []},
        send_after=timezone.now() + datetime.timedelta(days=1),
    )
    page = client_as("staff").get(reverse("outbox:detail", args=[email.pk])).content.decode()
    assert "if it went now, it would say" in page
    assert "Your next meeting" in page
    email.refresh_from_db()
    assert (email.state, email.subject, email.attempts) == (EmailState.QUEUED, "", 0)
    assert mail.outbox == []


# Bulk retry: every failed email of a kind, or about one topic, in one POST ------------------


def failed(*, key, kind="test.note", topic=""):
    return Email.objects.create(
        key=key,
        to=f"{key}@example.org",
        kind=kind,
        topic=topic,
        subject="A note",
        state=EmailState.FAILED,
        attempts=6,
        last_error="451 Try later",
    )


@pytest.fixture
def failed_mix(db):
    return {
        "day_before_1": failed(key="d1", kind="followup.day_before", topic="event:1"),
        "day_before_2": failed(key="d2", kind="followup.day_before", topic="event:2"),
        "feedback": failed(key="f1", kind="followup.feedback", topic="event:1"),
        "other": failed(key="o1", kind="test.note"),
    }


RETRY_FAILED = reverse("outbox:retry_failed")
# fmt: off
BULK = {
    #               anonymous member leader other_leader staff
    "get":         (LOGIN,    405,   405,   405,         405),
    "post":        (LOGIN,    403,   403,   403,         302),
}
# fmt: on


@pytest.mark.parametrize(("view", "role", "expected"), matrix(BULK))
def test_bulk_retry_is_for_staff_only(client_as, failed_mix, view, role, expected):
    client = client_as(role)
    if view == "get":
        response = client.get(RETRY_FAILED, {"kind": "followup.day_before"})
    else:
        response = client.post(RETRY_FAILED, {"kind": "followup.day_before"})
    assert_status(response, expected)
    queued = Email.objects.filter(state=EmailState.QUEUED).count()
    assert queued == (2 if (view, expected) == ("post", 302) else 0)


def test_bulk_retry_of_a_kind_queues_every_failed_one_of_it_and_says_how_many(
    client_as, failed_mix, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("staff").post(
            RETRY_FAILED, {"kind": "followup.day_before"}, follow=True
        )
    assert "2 failed “Day-before reminder” emails queued again; they go out now." in (
        response.content.decode()
    )
    rows = Email.objects.in_bulk()
    assert {
        rows[e.pk].state for e in (failed_mix["day_before_1"], failed_mix["day_before_2"])
    } == {EmailState.SENT}  # eager tasks: queued, dispatched and sent
    assert rows[failed_mix["feedback"].pk].state == EmailState.FAILED
    assert rows[failed_mix["other"].pk].state == EmailState.FAILED
    assert sorted(m.to[0] for m in mail.outbox) == ["d1@example.org", "d2@example.org"]


def test_bulk_retry_of_a_topic_queues_every_failed_one_about_it(client_as, failed_mix):
    response = client_as("staff").post(RETRY_FAILED, {"topic": "event:1"}, follow=True)
    assert "2 failed emails about" in response.content.decode()
    queued = set(Email.objects.filter(state=EmailState.QUEUED).values_list("key", flat=True))
    # Queued, due now and dispatched after commit (the test's transaction never commits).
    assert queued == {"d1", "f1"}
    assert set(Email.objects.filter(key__in=queued).values_list("attempts", flat=True)) == {0}


def test_bulk_retry_with_nothing_left_says_so(client_as, failed_mix):
    response = client_as("staff").post(RETRY_FAILED, {"kind": "followup.nudge"}, follow=True)
    assert "No failed “Nudge” emails left to retry." in response.content.decode()


@pytest.mark.parametrize("data", [{}, {"kind": "test.note", "topic": "event:1"}])
def test_bulk_retry_needs_one_kind_or_one_topic(client_as, failed_mix, data):
    response = client_as("staff").post(RETRY_FAILED, data, follow=True)
    assert "Say which failed emails to retry" in response.content.decode()
    assert not Email.objects.filter(state=EmailState.QUEUED).exists()


def test_outbox_list_offers_a_retry_per_failed_kind_and_topic(client_as, failed_mix):
    page = client_as("staff").get(reverse("outbox:list")).content.decode()
    assert page.count(f'action="{RETRY_FAILED}"') == 3 + 2  # three kinds, two topics
    assert 'name="kind" value="followup.day_before"' in page
    assert 'name="topic" value="event:1"' in page


# Truths: what an email is about in words, times as the rest of the app writes them ----------


@pytest.fixture
def about_event(db):
    from tests.factories import EventFactory

    return EventFactory(name="National Day of Action")


def test_outbox_list_says_what_emails_are_about_in_words(client_as, about_event):
    Email.objects.create(
        key=f"followup.feedback:{about_event.pk}:13",
        to="dana@example.org",
        kind="followup.feedback",
        topic=f"event:{about_event.pk}",
        template_prefix="followup/email/feedback",
    )
    Email.objects.create(
        key="lost",
        to="jon@example.org",
        kind="test.note",
        topic="coalition-event:999",
        subject="S",
    )
    page = client_as("staff").get(reverse("outbox:list")).content.decode()
    assert "Feedback request" in page
    assert "about National Day of Action" in page
    assert "about Coalition event 999" in page  # described by nobody: still words
    assert f"event:{about_event.pk}<" not in page
    assert "followup.feedback:" not in page


def test_outbox_detail_says_what_the_email_is_about(client_as, about_event):
    email = Email.objects.create(
        key="k",
        to="dana@example.org",
        kind="followup.day_before",
        topic=f"event:{about_event.pk}",
        subject="Tomorrow",
    )
    page = client_as("staff").get(reverse("outbox:detail", args=[email.pk])).content.decode()
    assert "Day-before reminder · about National Day of Action" in page


def test_outbox_times_read_pm_as_the_rest_of_the_app(client_as, db, settings):
    import datetime
    import zoneinfo

    evening = datetime.datetime(2027, 3, 3, 23, 19, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    email = Email.objects.create(
        key="late", to="dana@example.org", kind="test.note", subject="Late", send_after=evening
    )
    client = client_as("staff")
    listed = client.get(reverse("outbox:list")).content.decode()
    detail = client.get(reverse("outbox:detail", args=[email.pk])).content.decode()
    assert "Mar 3, 11:19 PM" in listed
    assert "Wed Mar 3, 11:19 PM" in detail
    assert "p.m." not in listed + detail


@pytest.mark.parametrize("rows", [2, 60])
def test_outbox_list_query_count_stays_constant_with_topics(
    client_as, django_assert_num_queries, about_event, rows
):
    Email.objects.bulk_create(
        Email(
            key=f"t{n}",
            to=f"p{n}@example.org",
            kind="followup.day_before",
            topic=f"event:{about_event.pk}" if n % 2 else f"meeting:{n}",
            subject=f"Note {n}",
            state=EmailState.FAILED if n % 3 else EmailState.SENT,
        )
        for n in range(rows)
    )
    client = client_as("staff")
    # As without topics, plus one query per topic prefix on the page (events, meetings)
    with django_assert_num_queries(9):
        response = client.get(reverse("outbox:list"))
    assert response.status_code == 200
