"""The public and members take action: find, choose, write, print, call, log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, Channel, Outcome, Supporter
from lawmakers.models import ZipDistrict
from outbox.models import Email
from tests.actions.factories import CampaignFactory
from tests.lawmakers.factories import CommitteeFactory, CommitteeSeatFactory
from tests.meetings.factories import LawmakerFactory

pytestmark = pytest.mark.django_db

HOME = {
    "name": "Rosa Díaz",
    "email": "rosa@example.org",
    "street": "12 Maple St",
    "city": "Saint Paul",
    "zip_code": "55119",
    "consents_to_contact": "on",
}


def start(client, campaign, **changes):
    return client.post(reverse("actions:start", args=[campaign.slug]), {**HOME, **changes})


def choose(client, campaign, district):
    return client.post(
        reverse("actions:act", args=[campaign.slug]), {"choose": "1", "district": district}
    )


def log(client, campaign, lawmaker, channel, outcome, **extra):
    return client.post(
        reverse("actions:log", args=[campaign.slug]),
        {"lawmaker": lawmaker.pk, "channel": channel, "outcome": outcome, **extra},
    )


def test_a_zip_spanning_districts_is_asked_then_shows_three_lawmakers(
    client, campaign, delegation
):
    response = start(client, campaign)
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Your congressional district" in page.text
    assert "MN-4" in page.text and "MN-5" in page.text
    assert 'id="lawmaker-' not in page.text  # nothing offered before the choice
    choose(client, campaign, 4)
    page = client.get(reverse("actions:act", args=[campaign.slug]))
    names = [card.lawmaker.full_name for card in page.context["cards"]]
    assert sorted(names) == ["Ada Lindgren", "Ben Vang", "Tom Berg"]
    assert "Ilse Okonkwo" not in page.text
    assert 'href="tel:+12022243244"' in page.text
    assert 'href="tel:+16512249191"' in page.text  # Saint Paul's office, not Duluth's
    assert "https://www.senate.gov/lindgren/contact" in page.text
    assert Action.objects.count() == 0


def test_a_district_outside_the_zips_is_refused(client, campaign, delegation):
    start(client, campaign)
    response = choose(client, campaign, 7)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_logging_a_voicemail_records_the_supporter_and_the_office(client, campaign, delegation):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    response = log(
        client,
        campaign,
        delegation["mn4"],
        Channel.CALL_DISTRICT,
        Outcome.VOICEMAIL,
        office=delegation["st_paul"].pk,
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.channel, action.outcome) == (Channel.CALL_DISTRICT, Outcome.VOICEMAIL)
    assert action.district_office == delegation["st_paul"]
    assert (action.state, action.district, action.zip_code) == ("MN", 4, "55119")
    supporter = action.supporter
    assert (supporter.name, supporter.email, supporter.consents_to_contact) == (
        "Rosa Díaz",
        "rosa@example.org",
        True,
    )
    log(client, campaign, delegation["senator_a"], Channel.CALL_CAPITOL, Outcome.SPOKE)
    assert Supporter.objects.count() == 1  # the same person, one row
    page = client.get(reverse("actions:act", args=[campaign.slug]))
    assert "left a voicemail" in page.text.lower()


def test_busy_in_washington_points_to_the_district_office(client, campaign, delegation):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    response = log(client, campaign, delegation["mn4"], Channel.CALL_CAPITOL, Outcome.BUSY)
    assert response.url.endswith(f"#district-{delegation['mn4'].pk}")
    page = client.get(response.url.split("#")[0])
    assert "try the district office" in page.text


def test_a_lawmaker_not_among_the_targets_cannot_be_logged(client, campaign, delegation):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    log(client, campaign, delegation["mn5"], Channel.CALL_CAPITOL, Outcome.SPOKE)
    assert Action.objects.count() == 0


def test_an_outcome_that_does_not_fit_the_channel_is_refused(client, campaign, delegation):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    log(client, campaign, delegation["mn4"], Channel.PRINTED, Outcome.SPOKE)
    log(client, campaign, delegation["mn4"], Channel.CONTACT_FORM, Outcome.HANDED_TO_MAIL)
    assert Action.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"zip_code": "99999"}, "cannot find ZIP code 99999"),
        ({"zip_code": "5511"}, "five-digit ZIP code"),
        ({"email": "rosa@"}, "Enter a valid email address"),
        ({"name": ""}, "This field is required"),
        ({"website": "http://spam.example"}, "could not be accepted"),
    ],
)
def test_bad_input_says_why_and_logs_nothing(client, campaign, delegation, changes, message):
    response = start(client, campaign, **changes)
    assert response.status_code == 200
    assert message in response.text
    assert "Saint Paul" in response.text  # what was typed is kept
    assert not Supporter.objects.exists() and not Action.objects.exists()


def test_a_zip_outside_the_campaigns_state_is_refused(client, state_campaign, delegation):
    response = start(client, state_campaign, zip_code="37203")
    assert "is in TN: this campaign is for the MN legislature" in response.text


@pytest.mark.parametrize(
    ("starts", "ends", "message"),
    [(1, 5, "This campaign opens on"), (-5, -1, "This campaign has ended")],
)
def test_a_campaign_not_open_takes_nothing(client, delegation, starts, ends, message):
    now = timezone.now()
    campaign = CampaignFactory(
        starts_at=now + datetime.timedelta(days=starts),
        ends_at=now + datetime.timedelta(days=ends),
    )
    assert message in client.get(reverse("actions:start", args=[campaign.slug])).text
    response = start(client, campaign)
    assert message in response.text
    assert not Supporter.objects.exists()


def test_a_campaign_ending_between_steps_logs_nothing(client, campaign, delegation):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    campaign.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    campaign.save()
    log(client, campaign, delegation["mn4"], Channel.CALL_CAPITOL, Outcome.SPOKE)
    assert not Action.objects.exists()


def test_own_words_are_required_where_the_campaign_says(client, delegation):
    campaign = CampaignFactory(own_words_required=True)
    start(client, campaign)
    choose(client, campaign, 4)
    act = reverse("actions:act", args=[campaign.slug])
    response = client.post(act, {"own_words": "   "})
    assert "Write a few sentences in your own words" in response.text
    response = client.post(reverse("actions:pdf", args=[campaign.slug, delegation["mn4"].pk]))
    assert response.status_code == 302
    assert not Action.objects.exists()
    client.post(act, {"own_words": "My clients waited four years for a hearing."})
    page = client.get(act)
    assert "My clients waited four years for a hearing." in page.text


def test_the_printed_letter_is_a_pdf_addressed_to_the_nearest_district_office(
    client, campaign, delegation
):
    start(client, campaign)
    choose(client, campaign, 4)
    client.get(reverse("actions:act", args=[campaign.slug]))
    response = client.post(reverse("actions:pdf", args=[campaign.slug, delegation["mn4"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    action = Action.objects.get()
    assert (action.channel, action.outcome) == (Channel.PRINTED, Outcome.PRINTED)


def test_members_start_from_their_profile_and_see_their_own_actions(client, member, delegation):
    campaign = CampaignFactory(is_public=False)
    profile = member.profile
    profile.state, profile.zip_code, profile.congressional_district = "MN", "55119", 5
    profile.city = "Saint Paul"
    profile.save()
    client.force_login(member)
    response = client.post(reverse("actions:start", args=[campaign.slug]), {"use_profile": "1"})
    page = client.get(response.url)
    names = sorted(card.lawmaker.full_name for card in page.context["cards"])
    assert names == ["Ada Lindgren", "Ilse Okonkwo", "Tom Berg"]
    log(client, campaign, delegation["mn5"], Channel.CALL_CAPITOL, Outcome.SPOKE)
    action = Action.objects.get()
    assert action.user == member and action.supporter is None
    mine = client.get(reverse("actions:mine"))
    assert "Ilse Okonkwo" in mine.text


def test_state_legislators_take_email_and_our_outbox_sends_it_once(
    client, state_campaign, delegation, state_lawmakers
):
    start(client, state_campaign, zip_code="55102")
    act = reverse("actions:act", args=[state_campaign.slug])
    client.post(act, {"choose": "1", "upper": "65", "lower": "65A"})
    page = client.get(act)
    names = sorted(card.lawmaker.last_name for card in page.context["cards"])
    assert names == ["Her", "Pappas"]
    assert "mailto:sen.65@senate.mn?subject=" in page.text
    upper = state_lawmakers["upper"]
    url = reverse("actions:email", args=[state_campaign.slug, upper.pk])
    client.post(url)
    client.post(url)
    email = Email.objects.get(kind="actions.letter")
    assert email.to == "sen.65@senate.mn"
    assert email.reply_to == "rosa@example.org"
    assert "Rosa Díaz" in email.body_text
    action = Action.objects.get()
    assert (action.channel, action.outcome) == (Channel.OUTBOX_EMAIL, Outcome.HANDED_TO_MAIL)


def test_a_members_only_campaign_is_not_found_by_the_public(client, delegation):
    campaign = CampaignFactory(is_public=False)
    assert client.get(reverse("actions:start", args=[campaign.slug])).status_code == 404
    assert campaign.title not in client.get(reverse("actions:list")).text


def test_why_it_matters_is_markdown_with_nothing_dangerous_left(client, delegation):
    campaign = CampaignFactory(
        why="**Counsel** matters.<script>alert(1)</script>[x](javascript:alert(2))"
    )
    page = client.get(reverse("actions:start", args=[campaign.slug]))
    assert "<strong>Counsel</strong> matters." in page.text
    assert "alert(1)" not in page.text
    assert 'href="javascript:' not in page.text  # left as plain text, never a link


def test_a_zip_in_two_states_asks_the_state_first(client, campaign, delegation):
    ZipDistrict.objects.create(zcta="56000", state="MN", district=4)
    ZipDistrict.objects.create(zcta="56000", state="WI", district=3)
    wisconsin = LawmakerFactory(state="WI", chamber="lower", district="3", last_name="Badger")
    start(client, campaign, zip_code="56000")
    act = reverse("actions:act", args=[campaign.slug])
    page = client.get(act)
    assert "Your state" in page.text and not page.context["cards"]
    client.post(act, {"choose": "1", "state": "WI"})
    page = client.get(act)
    assert [card.lawmaker for card in page.context["cards"]] == [wisconsin]


def test_a_campaign_aimed_at_a_committee_keeps_only_its_members(client, delegation):
    judiciary = CommitteeFactory(code="SSJU", name="Senate Judiciary", kind="senate")
    CommitteeSeatFactory(committee=judiciary, lawmaker=delegation["senator_b"])
    campaign = CampaignFactory()
    campaign.target_committees.set([judiciary])
    start(client, campaign)
    choose(client, campaign, 4)
    page = client.get(reverse("actions:act", args=[campaign.slug]))
    assert [card.lawmaker for card in page.context["cards"]] == [delegation["senator_b"]]
