import datetime

import factory
from django.utils import timezone

from trainings.models import Session, SessionKind, SessionMode


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Advocacy training {n}")
    kind = SessionKind.TRAINING
    mode = SessionMode.ONLINE
    join_url = "https://zoom.us/j/123456789"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    capacity = 2

    @factory.post_generation
    def counts_for(self, create, extracted, **kwargs):
        if create and extracted:
            self.counts_for.set(extracted)
