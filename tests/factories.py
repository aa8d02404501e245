import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from chapters.invitations import hash_token
from chapters.models import Chapter, ChapterState, Invitation, Membership, Role
from events.models import Event
from members.models import Profile, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            Profile.objects.get_or_create(user=self)
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"primary": True, "verified": True}
            )


class StaffFactory(UserFactory):
    is_staff = True


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Chapter {n}")
    slug = factory.Sequence(lambda n: f"chapter-{n}")

    @factory.post_generation
    def states(self, create, extracted, **kwargs):
        if create:
            for state in extracted or ["MN"]:
                ChapterState.objects.create(chapter=self, state=state)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    chapter = factory.SubFactory(ChapterFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    chapter = factory.SubFactory(ChapterFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    token_hash = factory.Sequence(lambda n: hash_token(f"token-{n}"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Day of Action {n}")
    slug = factory.Sequence(lambda n: f"day-of-action-{n}")
    date = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=60))
    status = "published"


def at(event, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment of the event's day, in the event's time zone."""
    return datetime.datetime.combine(event.date, datetime.time(hour, minute), tzinfo=event.zone)
