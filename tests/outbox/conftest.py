import pytest

from outbox import services


@pytest.fixture
def queue_note(db):
    """Queue a ready-written note (no template), due now unless told otherwise."""

    def queue_note(*, key="note-1", to="amara@example.org", **options):
        options.setdefault("subject", "A note")
        options.setdefault("body_text", "Hello.")
        options.setdefault("kind", "test.note")
        return services.email_queue(to=to, key=key, **options)

    return queue_note
