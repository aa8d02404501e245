"""The SMTP failure policy against a real SMTP server process answering chosen codes.

The sink (tests/e2e/smtp_sink.py) answers RCPT TO with 451 for one address and
550 for another, and offers AUTH with one password, refusing any other with 535.
"""

import datetime
import smtplib
import socket

import pytest
from django.urls import reverse
from django.utils import timezone

from outbox import faults, sending
from outbox.faults import Blame
from outbox.models import Email, EmailState, MailServerFault, ServerFaultKind
from tests.e2e import processes
from tests.e2e.mailbox import Mailbox

BUSY, GONE = "busy@example.org", "gone@example.org"
PASSWORD = "the-new-password"


@pytest.fixture(scope="module")
def picky_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("picky-smtp")
    process, port = processes.start_smtp_sink(
        directory=directory / "mail",
        log_path=directory / "sink.log",
        options=(
            f"--refuse-rcpt={BUSY}=451",
            f"--refuse-rcpt={GONE}=550",
            f"--password={PASSWORD}",
        ),
    )
    yield Mailbox(port=port, directory=directory / "mail")
    processes.stop(process)


@pytest.fixture
def mailbox(picky_server, settings):
    """This process sends by SMTP to the picky server, logging in with the right password."""
    picky_server.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", picky_server.port
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "outbox", PASSWORD
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return picky_server


def notes(*addresses, attempts=0):
    return Email.objects.bulk_create(
        Email(
            key=f"note:{number}",
            to=address,
            kind="test.note",
            subject=f"Note {number}",
            body_text="Hello.",
            attempts=attempts,
        )
        for number, address in enumerate(addresses)
    )


def send(emails):
    return sending.emails_send(email_ids=[email.pk for email in emails])


def states(emails):
    rows = Email.objects.in_bulk([email.pk for email in emails])
    return [(rows[email.pk].to, rows[email.pk].state, rows[email.pk].attempts) for email in emails]


def received(mailbox):
    return sorted(str(message["To"]) for message in mailbox.messages())


@pytest.mark.django_db
def test_550_at_rcpt_fails_that_email_only(mailbox):
    emails = notes("amara@example.org", GONE, "jon@example.org")
    outcome = send(emails)
    assert states(emails) == [
        ("amara@example.org", EmailState.SENT, 1),
        (GONE, EmailState.FAILED, 1),
        ("jon@example.org", EmailState.SENT, 1),
    ]
    assert outcome.failed == [emails[1].pk]
    assert "550" in Email.objects.get(pk=emails[1].pk).last_error
    assert received(mailbox) == ["amara@example.org", "jon@example.org"]
    assert not MailServerFault.objects.exists()


@pytest.mark.django_db
def test_451_at_rcpt_retries_that_email_with_backoff_and_the_batch_goes_on(mailbox, settings):
    settings.OUTBOX_RETRY_BASE_SECONDS = 60
    emails = notes(BUSY, "amara@example.org")
    before = timezone.now()
    outcome = send(emails)
    assert states(emails) == [
        (BUSY, EmailState.QUEUED, 1),
        ("amara@example.org", EmailState.SENT, 1),
    ]
    assert outcome.retrying == [emails[0].pk]
    busy = Email.objects.get(pk=emails[0].pk)
    assert "451" in busy.last_error
    assert before + datetime.timedelta(seconds=60) <= busy.send_after
    assert busy.send_after <= timezone.now() + datetime.timedelta(seconds=60)
    assert received(mailbox) == ["amara@example.org"]


@pytest.mark.django_db
def test_451_on_the_last_attempt_fails_the_email(mailbox, settings):
    emails = notes(BUSY, attempts=settings.OUTBOX_MAX_ATTEMPTS - 1)
    send(emails)
    assert states(emails) == [(BUSY, EmailState.FAILED, settings.OUTBOX_MAX_ATTEMPTS)]


@pytest.mark.django_db
def test_535_login_refused_postpones_the_batch_without_failing_any(mailbox, settings):
    settings.EMAIL_HOST_PASSWORD = "the-old-password"  # rotated on the server
    settings.OUTBOX_RETRY_BASE_SECONDS = 60
    emails = notes("amara@example.org", "jon@example.org", GONE)
    outcome = send(emails)

    assert outcome.postponed == [email.pk for email in emails]
    assert outcome.failed == []
    assert [state for _, state, _ in states(emails)] == [EmailState.QUEUED] * 3
    assert [attempts for _, _, attempts in states(emails)] == [0, 0, 0]  # none spent
    fault = MailServerFault.objects.get()
    assert (fault.kind, fault.failures) == (ServerFaultKind.LOGIN, 1)
    assert "535" in fault.error
    waiting = Email.objects.get(pk=emails[0].pk)
    assert waiting.send_after == fault.next_try_at
    assert waiting.last_error.startswith("Waiting for the mail server: SMTPAuthenticationError")
    assert received(mailbox) == []

    # Tried again (its time came) and refused again: the backoff doubles.
    Email.objects.update(send_after=timezone.now())
    send(emails)
    fault.refresh_from_db()
    assert fault.failures == 2
    assert fault.next_try_at - fault.last_at == datetime.timedelta(seconds=120)

    # The password is fixed: the next batch goes, the fault is forgotten.
    settings.EMAIL_HOST_PASSWORD = PASSWORD
    Email.objects.update(send_after=timezone.now())
    send(emails)
    assert [state for _, state, _ in states(emails)] == [
        EmailState.SENT,
        EmailState.SENT,
        EmailState.FAILED,
    ]
    assert not MailServerFault.objects.exists()
    assert received(mailbox) == ["amara@example.org", "jon@example.org"]


@pytest.mark.django_db
def test_unreachable_server_postpones_the_batch(settings):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    emails = notes("amara@example.org")
    outcome = send(emails)
    assert outcome.postponed == [emails[0].pk]
    assert states(emails) == [("amara@example.org", EmailState.QUEUED, 0)]
    assert MailServerFault.objects.get().kind == ServerFaultKind.CONNECTION


@pytest.mark.django_db
def test_outbox_page_tells_staff_once_about_the_refused_login(client_as, mailbox, settings):
    settings.EMAIL_HOST_PASSWORD = "the-old-password"
    send(notes("amara@example.org", "jon@example.org"))
    fault = MailServerFault.objects.get()
    page = client_as("staff").get(reverse("outbox:list")).content.decode()
    at = timezone.localtime(fault.last_at).strftime("%-I:%M %p")
    assert f"The mail server refused our login at {at}</strong>" in page
    assert "2 emails waiting; they will be retried" in page
    assert page.count("The mail server refused our login") == 1

    settings.EMAIL_HOST_PASSWORD = PASSWORD
    Email.objects.update(send_after=timezone.now())
    send(Email.objects.all())
    page = client_as("staff").get(reverse("outbox:list")).content.decode()
    assert "refused our login" not in page


@pytest.mark.parametrize(
    ("error", "blame"),
    [
        (smtplib.SMTPRecipientsRefused({BUSY: (451, b"later")}), Blame.EMAIL_FOR_NOW),
        (smtplib.SMTPRecipientsRefused({GONE: (550, b"no such")}), Blame.EMAIL_FOR_GOOD),
        (smtplib.SMTPDataError(452, b"full"), Blame.EMAIL_FOR_NOW),
        (smtplib.SMTPDataError(554, b"refused"), Blame.EMAIL_FOR_GOOD),
        (smtplib.SMTPSenderRefused(421, b"closing", "a@b"), Blame.SERVER),
        (smtplib.SMTPServerDisconnected("gone"), Blame.SERVER),
        (ConnectionResetError(), Blame.SERVER),
        (TimeoutError(), Blame.SERVER),
        (smtplib.SMTPNotSupportedError("SMTPUTF8"), Blame.EMAIL_FOR_GOOD),
        (ValueError("bad header"), Blame.EMAIL_FOR_GOOD),
    ],
)
def test_blame_sending(error, blame):
    assert faults.blame_sending(error) is blame


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (smtplib.SMTPAuthenticationError(535, b"invalid"), ServerFaultKind.LOGIN),
        (smtplib.SMTPNotSupportedError("no AUTH"), ServerFaultKind.LOGIN),
        (ConnectionRefusedError(), ServerFaultKind.CONNECTION),
        (smtplib.SMTPConnectError(421, b"busy"), ServerFaultKind.CONNECTION),
    ],
)
def test_blame_opening_is_always_the_servers(error, kind):
    assert faults.blame_opening(error) == kind
