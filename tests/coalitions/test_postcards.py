import pytest

from coalitions import postcards
from coalitions.models import MessageTemplate, TemplateKind

pytestmark = pytest.mark.django_db

MESSAGE = "Dear {{ lawmaker }},\n\nPlease fund counsel.\n\nRosa"


def write(event, **overrides):
    values = {
        "event": event,
        "name": "Rosa Díaz",
        "street": "12 Hennepin Ave",
        "city": "Minneapolis",
        "state": "MN",
        "zip_code": "55401",
        "message": MESSAGE,
    }
    return postcards.postcard_create(**{**values, **overrides})


def test_postcard_goes_to_the_writers_own_senators_and_representative(
    coalition_event, mn_delegation
):
    postcard = write(coalition_event)
    assert sorted(lm.last_name for lm in postcard.lawmakers.all()) == [
        "Berg",
        "Lindgren",
        "Okonkwo",
    ]


def test_card_is_addressed_to_the_dc_office_with_the_chamber_zip(mn_delegation):
    assert postcards.dc_address_lines(mn_delegation["senator_a"]) == [
        "The Honorable Ada Lindgren",
        "United States Senate",
        "309 Hart Senate Office Building",
        "Washington, DC 20510",
    ]
    assert postcards.dc_address_lines(mn_delegation["mn5"]) == [
        "The Honorable Ilse Okonkwo",
        "U.S. House of Representatives",
        "1217 Longworth House Office Building",
        "Washington, DC 20515",
    ]


def test_card_text_names_each_lawmaker(coalition_event, mn_delegation):
    postcard = write(coalition_event)
    assert postcards.card_text(postcard, mn_delegation["mn5"]).startswith(
        "Dear Representative Okonkwo,"
    )


def test_unknown_zip_is_refused_with_a_clear_message(coalition_event, mn_delegation):
    with pytest.raises(postcards.PostcardError) as error:
        write(coalition_event, zip_code="99999")
    assert str(error.value) == (
        "We cannot find ZIP code 99999 in MN. "
        "Check the ZIP code and the state of your home address."
    )


def test_zip_in_two_districts_asks_the_writer_to_choose(coalition_event, mn_delegation):
    with pytest.raises(postcards.DistrictChoiceNeeded) as error:
        write(coalition_event, zip_code="55119")
    assert error.value.districts == [4, 5]
    postcard = write(coalition_event, zip_code="55119", district=4)
    assert "Vang" in {lm.last_name for lm in postcard.lawmakers.all()}


def test_a_merge_field_other_than_lawmaker_is_refused(coalition_event, mn_delegation):
    with pytest.raises(postcards.PostcardError, match=r"Unknown merge field \{\{ senator \}\}"):
        write(coalition_event, message="Dear {{ senator }}")


def test_starting_text_fills_the_events_asks_and_keeps_the_lawmaker(coalition_event):
    text = postcards.postcard_starting_text(event=coalition_event)
    assert text.startswith("Dear {{ lawmaker }},")
    assert "- Fund counsel for people who cannot pay\n- An independent immigration court" in text


def test_chapter_postcard_template_is_used(coalition_event):
    MessageTemplate.objects.create(
        chapter=coalition_event.chapter,
        kind=TemplateKind.POSTCARD,
        body="{{ lawmaker }}: {{ asks }}",
    )
    assert postcards.postcard_starting_text(event=coalition_event).startswith(
        "{{ lawmaker }}: - Fund"
    )
