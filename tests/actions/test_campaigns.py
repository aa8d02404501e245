"""Staff and leaders make campaigns: merge fields refused by name, targets, drafts from a day."""

import pytest
from django.urls import reverse

from actions.drafting import draft_for_event
from actions.letters import LETTER_FIELDS, LetterError, Writer, letter_for
from actions.models import Campaign, EventTiming
from common.merge import MergeError
from lawmakers.models import Level
from meetings.models import MeetingStatus
from tests.actions.factories import CampaignFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Fund counsel",
    "why": "Because **everyone** deserves a lawyer.",
    "level": "federal",
    "starts_at": "2026-12-01T09:00",
    "ends_at": "2026-12-31T17:00",
    "is_public": "on",
    "target_own": "on",
    "letter_subject": "From {{ city }}",
    "letter_body": "Dear {{ lawmaker }},\n\n{{ own_words }}\n\n{{ name }}",
    "call_script": "I am {{ name }}.",
}


def create(client, **changes):
    return client.post(reverse("actions:create"), {**FORM, **changes})


def test_staff_create_a_national_campaign(client, staff, delegation):
    client.force_login(staff)
    response = create(client, target_chambers=["upper"], target_lawmakers=[delegation["mn5"].pk])
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.slug == "fund-counsel"
    assert campaign.target_chambers == ["upper"]
    assert list(campaign.target_lawmakers.all()) == [delegation["mn5"]]
    assert campaign.created_by == staff


@pytest.mark.parametrize(
    ("field", "text", "problem"),
    [
        ("letter_body", "Dear {{ Lawmaker }}", "field names are lower case"),
        ("letter_body", "Dear {{ lawmaker.name }}", "field names have no dots"),
        ("letter_subject", "{% if x %}hi{% endif %}", "templates have no tags"),
        ("call_script", "I am {{ nmae }}.", "Did you mean {{ name }}?"),
        ("letter_body", "Dear {lawmaker}", "has one brace on each side"),
    ],
)
def test_merge_fields_are_refused_by_name_and_nothing_is_lost(client, staff, field, text, problem):
    client.force_login(staff)
    response = create(client, **{field: text})
    assert response.status_code == 200
    assert problem in response.text
    assert "Because **everyone** deserves a lawyer." in response.text
    assert not Campaign.objects.exists()


def test_required_own_words_need_their_field_in_the_letter(client, staff):
    client.force_login(staff)
    response = create(client, own_words_required="on", letter_body="Dear {{ lawmaker }}")
    assert "put {{ own_words }} where they go" in response.text


def test_a_campaign_ends_after_it_starts(client, staff):
    client.force_login(staff)
    response = create(client, ends_at="2026-11-01T09:00")
    assert "The campaign must end after it starts." in response.text


def test_leaders_make_campaigns_for_their_own_states_legislature_only(client, leader, chapter):
    client.force_login(leader)
    response = create(client)
    assert "Chapter leaders make campaigns to their state" in response.text
    response = create(client, level="state", state="TN", chapter=chapter.pk)
    assert "does not cover TN" in response.text
    response = create(client, level="state", state="MN", chapter=chapter.pk)
    assert response.status_code == 302
    assert Campaign.objects.get().chapter == chapter


def test_a_letter_saved_before_a_rule_changed_is_never_sent_with_braces(delegation):
    campaign = CampaignFactory(letter_body="Dear {{ senator }}")
    with pytest.raises(LetterError, match="Unknown merge field"):
        letter_for(campaign=campaign, lawmaker=delegation["mn4"], writer=Writer(name="R"))


def test_the_letter_is_filled_for_the_person_and_the_lawmaker(delegation):
    campaign = CampaignFactory()
    writer = Writer(name="Rosa Díaz", city="Saint Paul", zip_code="55119", own_words="Mine.")
    letter = letter_for(campaign=campaign, lawmaker=delegation["senator_a"], writer=writer)
    assert letter.subject == "From a constituent in Saint Paul: fund counsel"
    assert letter.body.startswith("Dear Senator Lindgren,")
    assert "Mine." in letter.body and "Rosa Díaz" in letter.body
    with pytest.raises(MergeError):
        LETTER_FIELDS.check("{{ email }}")  # an address is never merged into a letter


def test_after_the_day_a_campaign_is_drafted_from_the_offices_met(event, chapter, delegation):
    MeetingFactory(
        event=event, chapter=chapter, lawmaker=delegation["mn4"], status=MeetingStatus.HELD
    )
    MeetingFactory(event=event, chapter=chapter, lawmaker=delegation["mn5"])
    initial = draft_for_event(event=event, timing=EventTiming.AFTER)
    assert initial["target_lawmakers"] == [delegation["mn4"].pk]
    assert initial["level"] == Level.FEDERAL
    assert "Thank you for meeting" in initial["letter_body"]
    LETTER_FIELDS.check(initial["letter_body"])
    LETTER_FIELDS.check(initial["call_script"])


def test_the_draft_prefills_the_form(client, staff, event):
    client.force_login(staff)
    page = client.get(reverse("actions:create") + f"?event={event.slug}&timing=before")
    assert page.status_code == 200
    assert page.context["form"].initial["event_timing"] == "before"
