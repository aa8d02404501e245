"""Who may open what: a permission matrix per page, and the signed links of guests."""

import pytest
from django.urls import reverse

from coalitions import access
from tests.coalitions.factories import GuestFactory, PartnerFactory, PrinciplesFactory
from tests.factories import ChapterFactory

pytestmark = pytest.mark.django_db

LEADER_PAGES = {"anonymous": 302, "member": 403, "leader": 200, "other_leader": 403, "staff": 200}
DOOR_PAGES = {"anonymous": 302, "member": 200, "leader": 200, "other_leader": 403, "staff": 200}
EXPORTS = {"anonymous": 302, "member": 403, "leader": 403, "other_leader": 403, "staff": 200}


@pytest.fixture
def urls(coalition_event, chapter):
    from coalitions.models import Outreach

    partner = PartnerFactory(chapters=[chapter])
    principles = PrinciplesFactory(chapter=chapter)
    outreach = Outreach.objects.create(chapter=chapter, organisation="Chamber", goal="A meeting")
    event = coalition_event.pk
    slug = chapter.slug
    return {
        "chapter": (reverse("coalitions:chapter", args=[slug]), LEADER_PAGES),
        "event_create": (reverse("coalitions:event_create", args=[slug]), LEADER_PAGES),
        "partners": (reverse("coalitions:partners", args=[slug]), LEADER_PAGES),
        "partner": (reverse("coalitions:partner", args=[partner.pk]), LEADER_PAGES),
        "principles_list": (reverse("coalitions:principles_list", args=[slug]), LEADER_PAGES),
        "principles": (reverse("coalitions:principles", args=[principles.pk]), LEADER_PAGES),
        "outreach_list": (reverse("coalitions:outreach_list", args=[slug]), LEADER_PAGES),
        "outreach": (reverse("coalitions:outreach", args=[outreach.pk]), LEADER_PAGES),
        "introduction": (reverse("coalitions:introduction", args=[outreach.pk]), LEADER_PAGES),
        "templates": (reverse("coalitions:templates", args=[slug]), LEADER_PAGES),
        "template": (reverse("coalitions:template", args=[slug, "invitation"]), LEADER_PAGES),
        "event": (reverse("coalitions:event", args=[event]), LEADER_PAGES),
        "event_edit": (reverse("coalitions:event_edit", args=[event]), LEADER_PAGES),
        "postcards": (reverse("coalitions:postcards", args=[event]), LEADER_PAGES),
        "check_in": (reverse("coalitions:check_in", args=[event]), DOOR_PAGES),
        "sheet": (reverse("coalitions:sign_in_sheet", args=[event, "guests"]), DOOR_PAGES),
        "press_sheet": (reverse("coalitions:sign_in_sheet", args=[event, "press"]), DOOR_PAGES),
        "postcards_csv": (reverse("coalitions:postcards_csv", args=[event]), EXPORTS),
        "endorsements_csv": (
            reverse("coalitions:endorsements_csv", args=[principles.pk]),
            EXPORTS,
        ),
    }


@pytest.mark.parametrize("role", list(LEADER_PAGES))
def test_permission_matrix_of_every_page(client, roles, urls, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    got = {name: client.get(url).status_code for name, (url, _) in urls.items()}
    assert got == {name: expected[role] for name, (_, expected) in urls.items()}


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 403), ("other_leader", 403), ("leader", 302), ("staff", 302)],
)
def test_only_the_chapters_leaders_and_staff_send_invitations(
    client, roles, coalition_event, role, expected
):
    guest = GuestFactory(event=coalition_event)
    if roles[role] is not None:
        client.force_login(roles[role])
    response = client.post(reverse("coalitions:invite_guest", args=[coalition_event.pk, guest.pk]))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 200), ("other_leader", 403), ("leader", 200), ("staff", 200)],
)
def test_check_in_is_for_the_chapters_members_and_staff(
    client, roles, coalition_event, role, expected
):
    guest = GuestFactory(event=coalition_event)
    if roles[role] is not None:
        client.force_login(roles[role])
    response = client.post(
        reverse("coalitions:check_in_guest", args=[coalition_event.pk, guest.pk])
    )
    assert response.status_code == expected
    guest.refresh_from_db()
    assert (guest.checked_in_at is not None) == (expected == 200)


def test_a_guest_of_another_event_cannot_be_checked_in_through_this_one(
    client, leader, coalition_event
):
    other = GuestFactory()
    client.force_login(leader)
    response = client.post(
        reverse("coalitions:check_in_guest", args=[coalition_event.pk, other.pk])
    )
    assert response.status_code == 404


def test_leader_lists_only_their_chapters_partners(client, leader, chapter, other_chapter):
    PartnerFactory(name="Lutheran Social Service", chapters=[chapter])
    PartnerFactory(name="Nashville Chamber", chapters=[other_chapter])
    client.force_login(leader)
    page = client.get(reverse("coalitions:partners", args=[chapter.slug])).content.decode()
    assert "Lutheran Social Service" in page
    assert "Nashville Chamber" not in page


def test_guest_sees_only_their_own_rsvp(client, coalition_event):
    rosa = GuestFactory(event=coalition_event, first_name="Rosa")
    GuestFactory(event=coalition_event, first_name="Miguel")
    page = client.get(reverse("coalitions:rsvp", args=[access.rsvp_token(rosa)]))
    assert page.status_code == 200
    assert "Hello Rosa," in page.content.decode()
    assert "Miguel" not in page.content.decode()


@pytest.mark.parametrize("kind", ["tampered", "action_token", "guest_id"])
def test_rsvp_link_that_was_not_signed_for_a_guest_is_not_found(client, coalition_event, kind):
    guest = GuestFactory(event=coalition_event)
    token = {
        "tampered": access.rsvp_token(guest)[:-2] + "xx",
        "action_token": access.action_token(coalition_event),
        "guest_id": str(guest.pk),
    }[kind]
    assert client.get(reverse("coalitions:rsvp", args=[token])).status_code == 404


def test_staff_only_see_the_chapters_they_ask_for(client, staff):
    chapter = ChapterFactory(slug="far-away")
    client.force_login(staff)
    assert client.get(reverse("coalitions:chapter", args=[chapter.slug])).status_code == 200
