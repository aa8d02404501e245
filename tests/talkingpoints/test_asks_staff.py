"""National staff write the asks; nobody else may."""

import pytest
from django.urls import reverse

from lawmakers.models import Committee
from talkingpoints.models import Ask, AskRevision
from tests.permissions import ROLES
from tests.talkingpoints.factories import AskFactory

pytestmark = pytest.mark.django_db

EXPECTED = {"anonymous": 302, "member": 403, "leader": 403, "other_leader": 403, "staff": 200}


@pytest.fixture
def ask(event):
    return AskFactory(event=event, title="Cut the visa backlogs")


def ask_data(**overrides):
    data = {
        "title": "Funded counsel",
        "summary": "Fund counsel for people who cannot pay.",
        "background": "Courts move faster.",
        "talking_points": "- Counsel halves the time to a decision.",
        "bill_numbers": " H.R. 1234 ,, S. 56 ",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["ask_list", "ask_create", "ask_detail", "ask_edit"])
def test_staff_pages_permission_matrix(client_as, role, page, event, ask):
    args = [event.slug] if page in ("ask_list", "ask_create") else [ask.pk]

    response = client_as(role).get(reverse(f"talkingpoints:{page}", args=args))

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", ["member", "leader", "other_leader"])
def test_only_staff_can_create_or_change_asks(client_as, role, event, ask):
    client = client_as(role)

    created = client.post(reverse("talkingpoints:ask_create", args=[event.slug]), ask_data())
    edited = client.post(reverse("talkingpoints:ask_edit", args=[ask.pk]), ask_data())
    moved = client.post(reverse("talkingpoints:ask_move", args=[ask.pk]), {"direction": "up"})
    deleted = client.post(reverse("talkingpoints:ask_delete", args=[ask.pk]))

    assert [created.status_code, edited.status_code, moved.status_code, deleted.status_code] == [
        403,
        403,
        403,
        403,
    ]
    ask.refresh_from_db()
    assert (Ask.objects.count(), ask.title, ask.version) == (1, "Cut the visa backlogs", 1)


def test_staff_write_an_ask_with_targets_and_a_first_version(client_as, event, ask):
    judiciary = Committee.objects.create(
        code="SSJU", name="Senate Committee on the Judiciary", kind="senate"
    )

    response = client_as("staff").post(
        reverse("talkingpoints:ask_create", args=[event.slug]),
        ask_data(target_chambers=["upper"], target_states=["MN", "TN"], committees=[judiciary.pk]),
    )

    created = Ask.objects.get(title="Funded counsel")
    assert response.status_code == 302
    assert (created.priority, created.version, created.bill_numbers) == (
        ask.priority + 1,
        1,
        "H.R. 1234, S. 56",
    )
    assert (created.target_chambers, created.target_states) == (["upper"], ["MN", "TN"])
    assert list(created.target_committees.all()) == [judiciary]
    assert list(created.revisions.values_list("version", "title")) == [(1, "Funded counsel")]


def test_a_form_without_its_title_comes_back_with_the_error(client_as, event):
    response = client_as("staff").post(
        reverse("talkingpoints:ask_create", args=[event.slug]), ask_data(title="")
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Ask.objects.count() == 0


def test_editing_the_text_makes_a_new_version_kept_in_the_history(client_as, ask, staff):
    client = client_as("staff")

    client.post(
        reverse("talkingpoints:ask_edit", args=[ask.pk]),
        ask_data(title=ask.title, talking_points="- Backlogs keep families apart for years."),
    )

    ask.refresh_from_db()
    assert ask.version == 2
    assert list(AskRevision.objects.filter(ask=ask).values_list("version", flat=True)) == [2, 1]
    page = client.get(reverse("talkingpoints:ask_detail", args=[ask.pk])).content.decode()
    assert "What changed from version 1" in page
    assert "Backlogs keep families apart for years." in page


def test_changing_only_the_targets_keeps_the_version(client_as, ask):
    client_as("staff").post(
        reverse("talkingpoints:ask_edit", args=[ask.pk]),
        {
            "title": ask.title,
            "summary": ask.summary,
            "background": ask.background,
            "talking_points": ask.talking_points,
            "bill_numbers": ask.bill_numbers,
            "target_parties": ["Democrat"],
        },
    )

    ask.refresh_from_db()
    assert (ask.version, ask.target_parties) == (1, ["Democrat"])


def test_staff_order_the_asks(client_as, event, ask):
    second = AskFactory(event=event, title="Funded counsel")
    third = AskFactory(event=event, title="Shelter funding")
    client = client_as("staff")

    client.post(reverse("talkingpoints:ask_move", args=[third.pk]), {"direction": "up"})
    client.post(reverse("talkingpoints:ask_move", args=[ask.pk]), {"direction": "down"})

    order = list(
        Ask.objects.filter(event=event).order_by("priority").values_list("title", flat=True)
    )
    assert order == ["Shelter funding", "Cut the visa backlogs", "Funded counsel"]
    assert second.pk


def test_ask_list_shows_how_many_meetings_each_ask_reaches(
    client_as, event, ask, meeting, other_meeting
):
    AskFactory(event=event, title="Senate only", target_chambers=["upper"])

    page = (
        client_as("staff")
        .get(reverse("talkingpoints:ask_list", args=[event.slug]))
        .content.decode()
    )

    assert "In 2 of 2 meetings" in page
    assert "In 1 of 2 meetings" in page


def test_ask_list_query_count_is_constant(client_as, event, meeting, django_assert_num_queries):
    client = client_as("staff")
    url = reverse("talkingpoints:ask_list", args=[event.slug])
    AskFactory(event=event)
    client.get(url)
    with django_assert_num_queries(12):
        client.get(url)
    for _ in range(6):
        AskFactory(event=event).target_committees.set(
            [Committee.objects.create(code=f"C{_}", name=f"Committee {_}", kind="senate")]
        )
    with django_assert_num_queries(12):
        client.get(url)


def test_staff_delete_an_ask(client_as, ask):
    response = client_as("staff").post(reverse("talkingpoints:ask_delete", args=[ask.pk]))

    assert response.status_code == 302
    assert Ask.objects.count() == 0
