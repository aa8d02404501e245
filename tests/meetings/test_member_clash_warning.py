"""The sign-up list says which meetings clash with a member's day before they try."""

from django.urls import reverse

from meetings.seats import seat_take
from tests.factories import EventFactory
from tests.meetings.test_member_signup import meeting_at


def test_meetings_open_marks_an_overlapping_meeting_as_clashing(client, chapter, member):
    event = EventFactory(slug="ndoa")
    held = meeting_at(event, chapter, 10)
    overlapping = meeting_at(event, chapter, 10, 10)
    later = meeting_at(event, chapter, 14)
    seat_take(meeting_id=held.pk, user=member)
    client.force_login(member)

    response = client.get(reverse("meetings:open", args=[event.slug]))

    clashes = {m.pk: m.clash for m in response.context["chapter_meetings"]}
    assert clashes[held.pk] is None
    assert clashes[later.pk] is None
    assert clashes[overlapping.pk].startswith("it overlaps your meeting with")
    assert "Clashes" in response.content.decode()
