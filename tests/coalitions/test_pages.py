"""Pages: constant query counts, and bad input answered with a clear message."""

import json

import pytest
from django.urls import reverse

from coalitions import access
from coalitions.models import Guest, GuestKind, MessageTemplate, Postcard, TemplateKind
from tests.coalitions.factories import GuestFactory

pytestmark = pytest.mark.django_db


def add_guests(event, count):
    Guest.objects.bulk_create(
        Guest(
            event=event,
            kind=GuestKind.PRESS if n % 10 == 0 else GuestKind.PUBLIC,
            first_name=f"Guest{n}",
            last_name="Example",
            organisation="Somewhere",
            email=f"g{n}@example.org",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [1, 1000])
def test_check_in_page_query_count_is_constant(
    client, member, coalition_event, django_assert_num_queries, count
):
    add_guests(coalition_event, count)
    client.force_login(member)
    url = reverse("coalitions:check_in", args=[coalition_event.pk])
    with django_assert_num_queries(6):
        response = client.get(url)
    people = json.loads(
        response.content.decode()
        .split('id="door-list" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert len(people) == count


@pytest.mark.parametrize("count", [1, 200])
def test_guest_list_query_count_is_constant(
    client, leader, coalition_event, django_assert_num_queries, count
):
    add_guests(coalition_event, count)
    client.force_login(leader)
    with django_assert_num_queries(10):
        response = client.get(reverse("coalitions:event", args=[coalition_event.pk]))
    assert len(response.context["guests"]) + len(response.context["press"]) == count


@pytest.mark.parametrize("count", [1, 50])
def test_postcards_print_query_count_is_constant(
    client, leader, coalition_event, mn_delegation, django_assert_num_queries, count
):
    for n in range(count):
        postcard = Postcard.objects.create(
            event=coalition_event,
            name=f"Writer {n}",
            street="1 Main St",
            city="Minneapolis",
            state="MN",
            zip_code="55401",
            message="Dear {{ lawmaker }}, please act.",
        )
        postcard.lawmakers.set([mn_delegation["senator_a"], mn_delegation["mn5"]])
    client.force_login(leader)
    with django_assert_num_queries(7):
        response = client.get(reverse("coalitions:postcards", args=[coalition_event.pk]))
    assert len(response.context["cards"]) == 2 * count


@pytest.mark.parametrize("count", [1, 30])
def test_sign_in_sheet_query_count_is_constant(
    client, member, coalition_event, django_assert_num_queries, count
):
    add_guests(coalition_event, count)
    client.force_login(member)
    with django_assert_num_queries(6):
        client.get(reverse("coalitions:sign_in_sheet", args=[coalition_event.pk, "guests"]))


def test_walk_in_is_checked_in_and_returned_as_json(client, member, coalition_event):
    client.force_login(member)
    response = client.post(
        reverse("coalitions:walk_in", args=[coalition_event.pk]),
        {
            "first_name": "Dana",
            "last_name": "Reyes",
            "organisation": "Star Tribune",
            "press": "on",
        },
    )
    assert response.status_code == 201
    assert response.json() == {
        "id": response.json()["id"],
        "name": "Dana Reyes",
        "detail": "Star Tribune",
        "press": True,
        "vip": False,
        "in": True,
    }
    guest = Guest.objects.get()
    assert (guest.kind, guest.walk_in, guest.checked_in_at is not None) == ("press", True, True)


def test_walk_in_with_a_listed_email_is_refused_with_a_message(client, member, coalition_event):
    GuestFactory(event=coalition_event, email="dana@example.org")
    client.force_login(member)
    response = client.post(
        reverse("coalitions:walk_in", args=[coalition_event.pk]),
        {"first_name": "Dana", "email": "Dana@example.org"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "__all__": [
                "dana@example.org is on the guest list of Minneapolis community forum already."
            ]
        }
    }


def test_adding_a_duplicate_guest_re_renders_the_form_with_the_reason(
    client, leader, coalition_event
):
    GuestFactory(event=coalition_event, email="rosa@example.org")
    client.force_login(leader)
    response = client.post(
        reverse("coalitions:event", args=[coalition_event.pk]),
        {"kind": "public", "first_name": "Rosa", "email": "rosa@example.org"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": ["rosa@example.org is on the guest list of Minneapolis community forum already."]
    }
    assert Guest.objects.count() == 1


def test_template_with_an_unknown_field_is_refused_and_the_text_kept(client, leader, chapter):
    client.force_login(leader)
    body = "Dear {{ name }}, see you at {{ evnt }}."
    response = client.post(
        reverse("coalitions:template", args=[chapter.slug, "invitation"]),
        {"subject": "Invitation", "body": body},
    )
    assert response.status_code == 200
    error = response.context["form"].errors["body"][0]
    assert error.startswith("Unknown merge field {{ evnt }}.")
    assert response.context["form"]["body"].value() == body
    assert not MessageTemplate.objects.exists()


def test_saved_template_is_used_for_the_preview(client, leader, chapter, coalition_event):
    client.force_login(leader)
    client.post(
        reverse("coalitions:template", args=[chapter.slug, "invitation"]),
        {"subject": "Join us, {{ first_name }}", "body": "{{ chapter }} invites {{ name }}."},
    )
    assert MessageTemplate.objects.get(kind=TemplateKind.INVITATION).updated_by == leader
    page = client.get(reverse("coalitions:event", args=[coalition_event.pk]))
    assert page.context["preview_body"] == "Minnesota/Dakotas invites Alex Example."


def test_unknown_zip_on_the_action_page_is_answered_on_the_zip_field(
    client, coalition_event, mn_delegation
):
    url = reverse("coalitions:act", args=[access.action_token(coalition_event)])
    response = client.post(
        url,
        {
            "name": "Rosa",
            "street": "1 Main St",
            "city": "Minneapolis",
            "state": "MN",
            "zip_code": "99999",
            "message": "Dear {{ lawmaker }}",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["zip_code"] == [
        "We cannot find ZIP code 99999 in MN. "
        "Check the ZIP code and the state of your home address."
    ]
    assert not Postcard.objects.exists()


def test_postcard_writer_is_sent_to_their_own_cards(client, coalition_event, mn_delegation):
    url = reverse("coalitions:act", args=[access.action_token(coalition_event)])
    response = client.post(
        url,
        {
            "name": "Rosa Díaz",
            "street": "1 Main St",
            "city": "Minneapolis",
            "state": "MN",
            "zip_code": "55401",
            "message": "Dear {{ lawmaker }}, please act.",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Dear Senator Lindgren, please act." in page
    assert "1217 Longworth House Office Building" in page
    assert "Washington, DC 20515" in page


def test_endorsing_twice_with_one_email_is_refused(client, coalition_event):
    from tests.coalitions.factories import PrinciplesFactory

    coalition_event.principles = PrinciplesFactory(chapter=coalition_event.chapter)
    coalition_event.save()
    url = reverse("coalitions:endorse", args=[access.action_token(coalition_event)])
    data = {"name": "Rosa", "email": "rosa@example.org"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "email": "ROSA@example.org"})
    assert response.context["endorse_form"].errors["email"] == [
        "rosa@example.org has endorsed these principles already."
    ]


def test_endorsement_export_streams_csv(client, staff):
    from coalitions.services import endorsement_add
    from tests.coalitions.factories import PrinciplesFactory

    principles = PrinciplesFactory()
    endorsement_add(principles=principles, name="Rosa", organisation="St. Mark's", email="r@x.org")
    client.force_login(staff)
    response = client.get(reverse("coalitions:endorsements_csv", args=[principles.pk]))
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "name,title,organisation,email,endorsed_at"
    assert lines[1].startswith("Rosa,,St. Mark's,r@x.org,")
