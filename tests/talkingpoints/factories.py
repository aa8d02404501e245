import factory

from talkingpoints.models import Ask, AskRevision
from tests.factories import EventFactory


class AskFactory(factory.django.DjangoModelFactory):
    """An ask with its first revision, as `services.ask_create` leaves it."""

    class Meta:
        model = Ask
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Ask {n}")
    summary = "Co-sponsor the bill."
    talking_points = "- **Backlogs** keep families apart for years.\n- Counsel saves money."
    background = "Why it matters."
    bill_numbers = "H.R. 1234"
    priority = factory.Sequence(lambda n: n)

    @factory.post_generation
    def first_revision(self, create, extracted, **kwargs):
        if create:
            AskRevision.objects.create(
                ask=self,
                version=self.version,
                title=self.title,
                summary=self.summary,
                background=self.background,
                talking_points=self.talking_points,
                bill_numbers=self.bill_numbers,
            )
