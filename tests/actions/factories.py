import datetime

import factory
from django.utils import timezone

from actions.models import Campaign
from lawmakers.models import DistrictOffice

LETTER = (
    "Dear {{ lawmaker }},\n\nAs your constituent in {{ city }} ({{ zip_code }}), I ask you to "
    "fund counsel for people who cannot pay.\n\n{{ own_words }}\n\nSincerely,\n{{ name }}"
)
SCRIPT = (
    "Hello, I am {{ name }} from {{ city }}, ZIP {{ zip_code }}. "
    "I ask {{ lawmaker }} to fund counsel."
)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"counsel-{n}")
    title = "Fund counsel for people who cannot pay"
    why = "People in **immigration court** have no right to a lawyer paid for them."
    letter_subject = "From a constituent in {{ city }}: fund counsel"
    letter_body = LETTER
    call_script = SCRIPT
    own_words_prompt = "Why this matters to you."
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    is_public = True


class DistrictOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistrictOffice

    source_id = factory.Sequence(lambda n: f"office-{n}")
    address = factory.Sequence(lambda n: f"{100 + n} Main Street")
    city = "Saint Paul"
    state = "MN"
    zip_code = "55101"
    phone = "651-555-0100"
    hours = "Mon-Fri 9-5"
