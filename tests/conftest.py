import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.backends.base.creation import BaseDatabaseCreation

from chapters.models import Role
from lawmakers.models import Chamber
from tests.factories import ChapterFactory, EventFactory, MembershipFactory, StaffFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory


@pytest.fixture(autouse=True)
def fresh_content_types():
    """A transactional test flushes the database and its content types come back under new
    ids, while Django's process-wide ContentType cache still hands out the old ones: the next
    row that names a content type (an outbox email, say) then breaks its foreign key."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True, scope="session")
def serialized_rollback_into_an_empty_database():
    """A test with `serialized_rollback` reloads the rows the migrations made (content
    types, practice areas, campuses) and expects to find the database empty. It is not
    when a plain transactional test ran before it: that test's flush re-creates the
    content types (post_migrate), and the reload then fails on a duplicate key, whatever
    the two tests are. Empty it first, without re-creating anything, as Django's own
    teardown of a serialized test does."""
    deserialize = BaseDatabaseCreation.deserialize_db_from_string

    def deserialize_into_an_empty_database(creation, data):
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=creation.connection.alias,
            inhibit_post_migrate=True,
        )
        return deserialize(creation, data)

    BaseDatabaseCreation.deserialize_db_from_string = deserialize_into_an_empty_database
    yield
    BaseDatabaseCreation.deserialize_db_from_string = deserialize


@pytest.fixture
def chapter(db):
    return ChapterFactory(name="Minnesota/Dakotas", slug="mn-dakotas", states=["MN", "ND", "SD"])


@pytest.fixture
def other_chapter(db):
    return ChapterFactory(name="Tennessee", slug="tennessee", states=["TN"])


@pytest.fixture
def member(chapter):
    return MembershipFactory(chapter=chapter, role=Role.MEMBER).user


@pytest.fixture
def leader(chapter):
    return MembershipFactory(chapter=chapter, role=Role.CHAIR).user


@pytest.fixture
def other_leader(other_chapter):
    return MembershipFactory(chapter=other_chapter, role=Role.CHAIR).user


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def roles(member, leader, other_leader, staff):
    """The permission matrix: who is asking, as a client logged in as them (or nobody)."""
    return {
        "anonymous": None,
        "member": member,
        "leader": leader,
        "other_leader": other_leader,
        "staff": staff,
    }


@pytest.fixture
def client_as(client, roles):
    """A test client logged in as one of the permission matrix's roles (or nobody)."""

    def log_in(role: str):
        if roles[role] is not None:
            client.force_login(roles[role])
        return client

    return log_in


# The national day the pages' tests share: Minnesota's senator and representative,
# a meeting of `chapter` with the senator at 10:00 and one of `other_chapter` at 11:00.


@pytest.fixture
def event(db):
    return EventFactory(name="National Day of Action", slug="national")


@pytest.fixture
def senator(db):
    return LawmakerFactory(first_name="Amy", last_name="Larsen", state="MN", office_room="425")


@pytest.fixture
def representative(db):
    return LawmakerFactory(
        first_name="Ilhan",
        last_name="Osei",
        state="MN",
        chamber=Chamber.LOWER,
        district="5",
        office_building="longworth",
        office_room="1730",
        capitol_side="house",
    )


@pytest.fixture
def meeting(event, chapter, senator, leader):
    return MeetingFactory(
        event=event,
        chapter=chapter,
        lawmaker=senator,
        starts_at=at(event, 10),
        seats=3,
        created_by=leader,
    )


@pytest.fixture
def other_meeting(event, other_chapter, representative):
    return MeetingFactory(
        event=event, chapter=other_chapter, lawmaker=representative, starts_at=at(event, 11)
    )
