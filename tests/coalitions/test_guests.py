import re

import pytest
from django.core import mail

from coalitions import access, guests
from coalitions.models import Guest, GuestKind, GuestRole, MessageTemplate, Rsvp, TemplateKind
from outbox.models import Email
from tests.coalitions.factories import GuestFactory
from tests.meetings.factories import LawmakerFactory

pytestmark = pytest.mark.django_db


def test_guest_add_takes_name_and_title_from_the_picked_lawmaker(coalition_event):
    senator = LawmakerFactory(first_name="Ada", last_name="Lindgren", state="MN")
    guest = guests.guest_add(
        event=coalition_event,
        data=guests.GuestData(
            kind=GuestKind.DISTINGUISHED,
            role=GuestRole.LAWMAKER,
            lawmaker=senator,
            email="Senator@Lindgren.Senate.gov",
        ),
    )
    assert (guest.full_name, guest.title, guest.email) == (
        "Ada Lindgren",
        "Senator, MN Senate",
        "senator@lindgren.senate.gov",
    )


def test_guest_add_refuses_a_duplicate_email_whatever_its_case(coalition_event):
    GuestFactory(event=coalition_event, email="rosa@example.org")
    with pytest.raises(guests.GuestError) as error:
        guests.guest_add(
            event=coalition_event,
            data=guests.GuestData(
                kind=GuestKind.PUBLIC, first_name="Rosa", email="ROSA@example.org"
            ),
        )
    assert (
        str(error.value)
        == "rosa@example.org is on the guest list of Minneapolis community forum already."
    )
    assert Guest.objects.count() == 1


def test_invite_all_queues_one_personalised_email_per_uninvited_guest(coalition_event):
    rosa = GuestFactory(event=coalition_event, first_name="Rosa", last_name="Díaz", title="Pastor")
    GuestFactory(event=coalition_event, email="")
    GuestFactory(event=coalition_event, kind=GuestKind.PRESS)
    GuestFactory(event=coalition_event, rsvp=Rsvp.ACCEPTED)

    assert guests.guests_invite(event=coalition_event) == 1

    email = Email.objects.get()
    assert (email.to, email.kind, email.key) == (
        rosa.email,
        "coalitions.invitation",
        f"coalitions:invitation:{rosa.pk}:1",
    )
    assert email.context["body"].startswith(
        "Dear Rosa Díaz,\n\nMinnesota/Dakotas and our partners"
    )
    assert "As Pastor, your voice" in email.context["body"]
    assert "/coalitions/rsvp/" in email.context["link"]
    rosa.refresh_from_db()
    assert (rosa.rsvp, rosa.times_invited) == (Rsvp.SENT, 1)


def test_resend_queues_a_new_email_and_keeps_an_answer(coalition_event):
    guest = GuestFactory(event=coalition_event, rsvp=Rsvp.ACCEPTED, times_invited=1)
    guests.guests_invite(event=coalition_event, guest_ids=[guest.pk])
    guest.refresh_from_db()
    assert (guest.rsvp, guest.times_invited) == (Rsvp.ACCEPTED, 2)
    assert Email.objects.get().key == f"coalitions:invitation:{guest.pk}:2"


def test_invite_refuses_a_template_with_an_unknown_field_and_sends_nothing(coalition_event):
    MessageTemplate.objects.create(
        chapter=coalition_event.chapter,
        kind=TemplateKind.INVITATION,
        subject="Hi",
        body="Dear {{ nickname }}",
    )
    GuestFactory(event=coalition_event)
    with pytest.raises(guests.GuestError, match=r"Unknown merge field \{\{ nickname \}\}"):
        guests.guests_invite(event=coalition_event)
    assert Email.objects.count() == 0
    assert Guest.objects.get().rsvp == Rsvp.NOT_INVITED


def test_invitation_reaches_the_guest_with_their_link(
    coalition_event, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    guest = GuestFactory(event=coalition_event, first_name="Rosa", last_name="Díaz")
    with django_capture_on_commit_callbacks(execute=True):
        guests.guests_invite(event=coalition_event)
    assert [m.to for m in mail.outbox] == [[guest.email]]
    message = mail.outbox[0]
    assert message.subject == "You are invited: Minneapolis community forum"
    token = re.search(r"/coalitions/rsvp/([^/\s]+)/", message.body).group(1)
    assert access.guest_for_rsvp(token) == guest


def test_rsvp_opened_then_answered(coalition_event):
    guest = GuestFactory(event=coalition_event, rsvp=Rsvp.SENT)
    guests.guest_opened(guest=guest)
    assert guest.rsvp == Rsvp.OPENED
    guests.guest_respond(guest=guest, accept=False)
    guest.refresh_from_db()
    assert guest.rsvp == Rsvp.DECLINED
    guests.guest_opened(guest=guest)
    assert guest.rsvp == Rsvp.DECLINED


def test_check_in_twice_keeps_the_first_time_and_can_be_undone(coalition_event):
    guest = GuestFactory(event=coalition_event)
    first = guests.guest_check_in(guest=guest).checked_in_at
    assert guests.guest_check_in(guest=guest).checked_in_at == first
    assert guests.guest_check_in(guest=guest, arrived=False).checked_in_at is None


def test_thank_you_goes_once_to_officials_and_staff_who_came(coalition_event):
    came = GuestFactory(event=coalition_event, role=GuestRole.STAFF, title="Legislative assistant")
    came.checked_in_at = came.created_at
    came.save()
    GuestFactory(event=coalition_event, role=GuestRole.LAWMAKER)  # did not come
    public = GuestFactory(event=coalition_event)
    public.checked_in_at = public.created_at
    public.save()

    assert guests.guests_thank(event=coalition_event) == 1
    assert guests.guests_thank(event=coalition_event) == 0
    email = Email.objects.get()
    assert (email.to, email.kind) == (came.email, "coalitions.thank_you")
    assert "as Legislative assistant" in email.context["body"]
