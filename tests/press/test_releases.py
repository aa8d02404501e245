"""Press releases: checked merge fields, the embargo, figures equal to the dashboard's, staff
approval, each contact once through the outbox, and quotes only with standing consent."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from events.models import Registration
from meetings.models import MeetingStatus
from outbox.models import Email
from outbox.services import emails_dispatch_due
from press import releases
from press.models import OutreachEntry, ReleaseKind, ReleaseStatus
from press.services import quote_give, quote_withdraw
from reports.models import AskPosition, MeetingReport, ReportStatus
from tests.factories import at
from tests.talkingpoints.factories import AskFactory


@pytest.fixture
def day(event, meeting, other_meeting, delegate):
    """Two meetings held and reported: the chapter's with the senator, the other's with a
    representative; two asks with positions."""
    asks = [
        AskFactory(event=event, title="Cut the visa backlogs", priority=1),
        AskFactory(event=event, title="Fund counsel for children", priority=2),
    ]
    for held, position in ((meeting, "supports"), (other_meeting, "undecided")):
        held.status = MeetingStatus.HELD
        held.save()
        report = MeetingReport.objects.create(
            meeting=held, status=ReportStatus.FILED, filed_at=held.ends_at
        )
        AskPosition.objects.create(report=report, ask=asks[0], position=position)
    Registration.objects.get_or_create(event=event, user=delegate)
    return asks


def test_unknown_merge_fields_are_named(chapter_page, leader):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.BEFORE, by=leader)
    with pytest.raises(releases.ReleaseError) as error:
        releases.release_update(
            release=release,
            title="{{ event_nam }}",
            body="{{ Participants }} came {% if x %}",
            embargo_until=release.embargo_until,
        )
    message = str(error.value)
    assert (
        "Headline: Unknown merge field {{ event_nam }}. Did you mean {{ event_name }}?" in message
    )
    assert "write {{ participants }}" in message
    assert "{% if x %}" in message


def test_the_release_form_shows_merge_problems_and_keeps_the_text(client, leader, chapter_page):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.BEFORE, by=leader)
    client.force_login(leader)
    response = client.post(
        reverse("press:release", args=[release.pk]),
        {"title": "On {{ dat }}", "body": "Kept text", "embargo_until": "2030-01-01T09:00"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Did you mean {{ date }}?" in html
    assert "Kept text" in html
    release.refresh_from_db()
    assert release.title == releases.DEFAULT_TEXTS[ReleaseKind.BEFORE][0]


def test_an_after_release_embargo_before_the_last_meeting_ends_is_refused(
    chapter_page, leader, meeting, day
):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    assert release.embargo_until == max(meeting.ends_at, chapter_page.event.ends_at)
    with pytest.raises(releases.ReleaseError, match="embargo lifts before the day is over"):
        releases.release_update(
            release=release,
            title=release.title,
            body=release.body,
            embargo_until=meeting.starts_at - datetime.timedelta(days=1),
        )


def test_embargo_is_read_in_the_days_time_zone(client, leader, chapter_page, day, event):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    client.force_login(leader)
    when = f"{event.date + datetime.timedelta(days=1):%Y-%m-%d}T07:30"
    response = client.post(
        reverse("press:release", args=[release.pk]),
        {"title": release.title, "body": release.body, "embargo_until": when},
    )
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.embargo_until == datetime.datetime.combine(
        event.date + datetime.timedelta(days=1), datetime.time(7, 30), tzinfo=event.zone
    )


@pytest.mark.parametrize("scope", ["national", "chapter"])
def test_after_release_figures_equal_the_dashboards(
    client, staff, event, chapter, national_page, chapter_page, day, scope
):
    page = national_page if scope == "national" else chapter_page
    client.force_login(staff)
    url = (
        reverse("reports:dashboard", args=[event.slug])
        if scope == "national"
        else reverse("reports:chapter_dashboard", args=[event.slug, chapter.slug])
    )
    coverage = client.get(url).context["coverage"]
    figures = releases.day_figures(page)
    assert figures.offices_met == coverage.overall.met
    chamber = {t.key: t.met for t in coverage.by_chamber}
    assert (figures.senate_offices_met, figures.house_offices_met) == (
        chamber.get("upper", 0),
        chamber.get("lower", 0),
    )
    party = {t.label: t.met for t in coverage.by_party}
    assert figures.democrat_offices_met == party.get("Democrat", 0)
    assert figures.republican_offices_met == party.get("Republican", 0)
    supports = coverage.asks[0].counts["supports"]
    assert f"{supports} supports" in figures.asks_summary
    expected_met = 2 if scope == "national" else 1
    assert figures.offices_met == expected_met


def test_after_release_names_no_participant(chapter_page, leader, delegate, day):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    title, body = releases.release_text(release)
    assert "Amara" not in body and "Okafor" not in body
    assert title == f"{chapter_page.event.name}: immigration lawyers met their lawmakers"
    assert "Offices met: 1 (" in body  # the figures, as a labelled list: right for one too


def test_approval_is_staffs_and_queues_once_per_contact_after_the_embargo(
    client, staff, leader, chapter_page, press_contacts, day
):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    with pytest.raises(releases.ReleaseError):
        releases.release_approve(release=release, by=leader)
    client.force_login(staff)
    response = client.post(reverse("press:release_approve", args=[release.pk]))
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == ReleaseStatus.APPROVED
    emails = Email.objects.filter(topic=f"press-release:{release.pk}")
    # The chapter's contact and Minnesota's press; not Tennessee's.
    assert sorted(emails.values_list("to", flat=True)) == [
        "rosa@telemundo.example",
        "tom@startribune.example",
    ]
    assert {e.send_after for e in emails} == {release.embargo_until}
    assert OutreachEntry.objects.filter(release=release).count() == 2
    # Approving again is refused and queues nothing more.
    client.post(reverse("press:release_approve", args=[release.pk]))
    assert emails.count() == 2
    # The outbox dispatches nothing before the embargo, everything after it.
    before = release.embargo_until - datetime.timedelta(minutes=1)
    assert emails_dispatch_due(now=before) == 0
    assert emails_dispatch_due(now=release.embargo_until) == 2


def test_approved_release_is_frozen(staff, leader, chapter_page, day):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    releases.release_approve(release=release, by=staff)
    with pytest.raises(releases.ReleaseError, match="approved"):
        releases.release_update(
            release=release, title="x", body="y", embargo_until=release.embargo_until
        )


def test_quotes_go_in_only_while_consent_stands(staff, leader, delegate, chapter_page, day):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    quote = quote_give(
        page=chapter_page,
        author=delegate,
        text="Our clients cannot wait years.",
        attribution="Amara Okafor, Duluth",
    )
    releases.release_approve(release=release, by=staff)
    composed = releases.compose_release({"release_id": release.pk, "name": "Rosa"})
    assert "“Our clients cannot wait years.” — Amara Okafor, Duluth" in composed["body"]
    quote_withdraw(quote=quote)
    composed = releases.compose_release({"release_id": release.pk, "name": "Rosa"})
    assert "Our clients" not in composed["body"]
    assert "Amara" not in composed["body"]


def test_release_as_plain_text_and_pdf(client, leader, chapter_page, day):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.BEFORE, by=leader)
    client.force_login(leader)
    text = client.get(reverse("press:release_text", args=[release.pk]))
    assert text["Content-Type"].startswith("text/plain")
    assert chapter_page.event.name in text.content.decode()
    pdf = client.get(reverse("press:release_pdf", args=[release.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_after_release_is_only_for_a_day_of_action(leader, chapter):
    from press.services import page_create
    from tests.coalitions.factories import CoalitionEventFactory

    page = page_create(by=leader, coalition_event=CoalitionEventFactory(chapter=chapter))
    with pytest.raises(releases.ReleaseError, match="Day of Action"):
        releases.release_create(page=page, kind=ReleaseKind.AFTER, by=leader)


def test_before_release_default_embargo_is_now(chapter_page, leader, event):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.BEFORE, by=leader)
    title, body = releases.release_text(release)
    assert event.name in title
    assert at(event, 8).strftime("%B") in body


def test_newsroom_shows_a_release_only_after_approval_and_embargo(
    client, staff, leader, chapter_page, day
):
    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    url = reverse("press:public_release", args=[chapter_page.slug, release.pk])
    assert client.get(url).status_code == 404  # a draft
    releases.release_approve(release=release, by=staff)
    release.refresh_from_db()
    page_url = reverse("press:public", args=[chapter_page.slug])
    with time_machine.travel(release.embargo_until - datetime.timedelta(minutes=1)):
        assert client.get(url).status_code == 404
        assert url not in client.get(page_url).content.decode()
    with time_machine.travel(release.embargo_until + datetime.timedelta(minutes=1)):
        assert url in client.get(page_url).content.decode()
        assert "Offices met: 1 (" in client.get(url).content.decode()


def test_the_release_email_renders_as_it_goes_with_a_way_to_stop(
    staff, leader, chapter_page, press_contacts, day
):
    from outbox.sending import message_for

    release = releases.release_create(page=chapter_page, kind=ReleaseKind.AFTER, by=leader)
    releases.release_approve(release=release, by=staff)
    email = Email.objects.get(to="rosa@telemundo.example")
    assert not email.essential  # an address that opted out gets none
    message = message_for(email)
    title, body = releases.release_text(release)
    assert message.subject == title
    assert body.splitlines()[0] in message.body
    assert "Stop these emails:" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
