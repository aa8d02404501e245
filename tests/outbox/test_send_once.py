import pytest
from django.core import mail

from outbox import tasks
from outbox.models import Email, EmailState


@pytest.mark.django_db(transaction=True)
def test_send_task_run_three_times_on_one_row_sends_one_email(queue_note):
    email = queue_note()  # eager: the dispatch after commit sends it already
    for _ in range(3):
        tasks.send_emails.delay(email_ids=[email.pk])
    email.refresh_from_db()
    assert len(mail.outbox) == 1
    assert email.state == EmailState.SENT
    assert email.attempts == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == email.message_id


def test_email_queue_same_key_twice_keeps_one_row(queue_note, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_note(key="k")
        second = queue_note(key="k", subject="Something else")
    assert first.pk == second.pk
    assert Email.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "A note"
