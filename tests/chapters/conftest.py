import pytest

from chapters.invitations import hash_token
from chapters.models import InvitationStatus, Membership, Role
from tests.factories import InvitationFactory, MembershipFactory

INVITATION_TOKEN = "a-known-secret-token-for-tests"


@pytest.fixture
def team_leader(chapter):
    """A leader of the chapter who is not its chair: manages people, not roles."""
    return MembershipFactory(chapter=chapter, role=Role.LEADER).user


@pytest.fixture
def people(roles, team_leader):
    """The permission matrix's rows, with the chapter's non-chair leader added."""
    return {**roles, "team_leader": team_leader}


@pytest.fixture
def client_as(client, people):
    def log_in(role: str):
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return log_in


@pytest.fixture
def member_membership(chapter, member):
    return Membership.objects.get(chapter=chapter, user=member)


@pytest.fixture
def sent_invitation(chapter):
    return InvitationFactory(
        chapter=chapter,
        email="invitee@example.org",
        status=InvitationStatus.SENT,
        times_sent=1,
        token_hash=hash_token(INVITATION_TOKEN),
    )
