"""The one staff-only check: 403 with the app's reason for anyone but national staff."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from common.access import object_for_staff, require_staff, staff_required
from members.models import User
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_require_staff_lets_staff_through_and_names_the_reason_to_others():
    require_staff(StaffFactory())
    with pytest.raises(PermissionDenied, match="Only national staff see the outbox"):
        require_staff(UserFactory(), "Only national staff see the outbox.")


def test_object_for_staff_checks_staff_before_looking_the_object_up():
    staff = StaffFactory()
    assert object_for_staff(staff, User, pk=staff.pk) == staff
    with pytest.raises(Http404):
        object_for_staff(staff, User, pk=0)
    # Someone else gets 403 whether or not the object exists: they learn nothing of it.
    with pytest.raises(PermissionDenied):
        object_for_staff(UserFactory(), User, pk=0)


def test_staff_required_sends_anonymous_people_to_log_in_and_refuses_members():
    @staff_required("Staff only here.")
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/somewhere/")
    request.user = AnonymousUser()
    assert view(request).status_code == 302
    request.user = UserFactory()
    with pytest.raises(PermissionDenied, match="Staff only here"):
        view(request)
    request.user = StaffFactory()
    assert view(request).content == b"ok"
