import pytest

from members.models import PolicyIssue, PracticeArea


@pytest.fixture
def practice_areas(db):
    return [
        PracticeArea.objects.get_or_create(name=name)[0] for name in ("Asylum", "Removal defense")
    ]


@pytest.fixture
def policy_issues(db):
    return [PolicyIssue.objects.get_or_create(name=name)[0] for name in ("Backlogs", "Detention")]


@pytest.fixture
def no_rate_limits(settings):
    """allauth counts attempts in the shared cache, which outlives each test."""
    settings.ACCOUNT_RATE_LIMITS = False
