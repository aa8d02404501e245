"""The campaign dashboard and its exports: constant queries, figures right, files read back."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from actions.dashboard import is_constituent
from actions.models import Action, Channel, Outcome, Supporter
from meetings.models import MeetingStatus
from tests.actions.factories import CampaignFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def make_actions(campaign, delegation, count):
    lawmakers = [delegation[k] for k in ("senator_a", "senator_b", "mn4", "mn5")]
    supporters = Supporter.objects.bulk_create(
        Supporter(name=f"Supporter {n}", email=f"s{n}@example.org", consents_to_contact=n % 2 == 0)
        for n in range(count)
    )
    Action.objects.bulk_create(
        Action(
            campaign=campaign,
            lawmaker=lawmakers[n % 4],
            channel=Channel.CALL_DISTRICT if n % 3 else Channel.PRINTED,
            outcome=Outcome.VOICEMAIL if n % 3 else Outcome.PRINTED,
            supporter=supporters[n],
            state="MN",
            district=4 + n % 2,
            zip_code="55119",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [1, 120])
def test_the_dashboard_costs_the_same_for_one_action_or_many(
    client, staff, delegation, event, chapter, count, django_assert_num_queries
):
    campaign = CampaignFactory(event=event, event_timing="after")
    MeetingFactory(
        event=event, chapter=chapter, lawmaker=delegation["mn4"], status=MeetingStatus.HELD
    )
    make_actions(campaign, delegation, count)
    client.force_login(staff)
    with django_assert_num_queries(12):
        page = client.get(reverse("actions:dashboard", args=[campaign.slug]))
    assert page.context["board"].total == count


@pytest.mark.parametrize("count", [1, 40])
def test_the_action_page_costs_the_same_for_any_number_of_actions(
    client, delegation, count, django_assert_num_queries
):
    campaign = CampaignFactory()
    client.post(
        reverse("actions:start", args=[campaign.slug]),
        {"name": "Rosa", "email": "rosa@example.org", "zip_code": "55102"},
    )
    act = reverse("actions:act", args=[campaign.slug])
    client.get(act)
    for _ in range(count):
        client.post(
            reverse("actions:log", args=[campaign.slug]),
            {"lawmaker": delegation["mn4"].pk, "channel": "call_capitol", "outcome": "busy"},
        )
    with django_assert_num_queries(9):
        client.get(act)


def test_the_dashboard_counts_channels_lawmakers_districts_and_the_offices_met(
    client, staff, delegation, event, chapter
):
    campaign = CampaignFactory(event=event, event_timing="after")
    MeetingFactory(
        event=event, chapter=chapter, lawmaker=delegation["mn4"], status=MeetingStatus.HELD
    )
    make_actions(campaign, delegation, 12)
    client.force_login(staff)
    board = client.get(reverse("actions:dashboard", args=[campaign.slug])).context["board"]
    assert {row.channel: row.total for row in board.channels} == {"print": 4, "call_district": 8}
    assert sorted(row.total for row in board.lawmakers) == [3, 3, 3, 3]
    assert dict(board.districts) == {"MN-4": 6, "MN-5": 6}
    met = [(row.lawmaker, row.total, row.from_constituents) for row in board.offices_met]
    assert met == [(delegation["mn4"], 3, 3)]  # every action to MN-4 came from MN-4
    constituents = {row.lawmaker.last_name: row.from_constituents for row in board.lawmakers}
    assert constituents == {"Lindgren": 3, "Berg": 3, "Vang": 3, "Okonkwo": 3}
    mn = next(tile for tile in board.tiles if tile.state == "MN")
    assert (mn.tally.met, mn.tally.total) == (4, 4)
    assert sum(bar.count for bar in board.days) == 12
    assert (board.supporters, board.want_the_chapter) == (12, 0)


def test_exports_read_back_formula_safe_and_private(client, staff, delegation):
    campaign = CampaignFactory()
    forgotten = Supporter.objects.create(name="", email="", forgotten_at="2026-01-01T00:00Z")
    sneaky = Supporter.objects.create(
        name='=HYPERLINK("http://x")', email="s@example.org", consents_to_contact=True
    )
    quiet = Supporter.objects.create(name="Quiet Person", email="q@example.org")
    for supporter in (forgotten, sneaky, quiet):
        Action.objects.create(
            campaign=campaign,
            lawmaker=delegation["mn4"],
            channel=Channel.CALL_CAPITOL,
            outcome=Outcome.SPOKE,
            supporter=supporter,
            state="MN",
            district=4,
        )
    client.force_login(staff)
    response = client.get(reverse("actions:export", args=[campaign.slug, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["Who"] for row in rows] == ["anonymised", "public", "public"]
    assert rows[1]["Name"] == '\'=HYPERLINK("http://x")'
    assert rows[2]["Name"] == "" and rows[2]["Email"] == ""  # no consent, no name
    assert rows[0]["Lawmaker"] == "Ben Vang" and rows[0]["Seat"] == "MN-4"
    response = client.get(reverse("actions:export", args=[campaign.slug, "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "When" and len(values) == 4
    cell = sheet.cell(row=3, column=8)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_an_office_counts_as_its_own_only_the_actions_from_its_district(delegation):
    mn4, senator = delegation["mn4"], delegation["senator_a"]
    assert is_constituent(mn4, "MN", 4) and not is_constituent(mn4, "MN", 5)
    assert not is_constituent(mn4, "MN", None) and not is_constituent(mn4, "WI", 4)
    assert is_constituent(senator, "MN", 5) and not is_constituent(senator, "WI", None)


def test_a_state_campaign_shows_its_legislature_seat_by_seat(
    client, leader, state_campaign, state_lawmakers
):
    Action.objects.create(
        campaign=state_campaign,
        lawmaker=state_lawmakers["upper"],
        channel=Channel.EMAIL,
        outcome=Outcome.SENT_AS_TOLD,
        state="MN",
    )
    client.force_login(leader)
    page = client.get(reverse("actions:dashboard", args=[state_campaign.slug]))
    grids = {grid.label: grid for grid in page.context["board"].seat_grids}
    assert {label: (g.tally.met, g.tally.total) for label, g in grids.items()} == {
        "Senate": (1, 1),
        "House": (0, 1),
    }
    assert grids["Senate"].tiles[0].title.endswith(", reached")
    assert page.context["board"].tiles == []
