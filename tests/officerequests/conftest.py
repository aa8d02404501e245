import pytest

from officerequests.models import ContactRole, OfficeContact


@pytest.fixture
def scheduler(senator, leader):
    return OfficeContact.objects.create(
        lawmaker=senator,
        role=ContactRole.SCHEDULER,
        name="Casey Moreno",
        email="scheduler@larsen.senate.example",
        phone="202-555-0101",
        entered_by=leader,
    )
