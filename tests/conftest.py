import pytest

from chapters.models import Role
from tests.factories import ChapterFactory, MembershipFactory, StaffFactory


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
