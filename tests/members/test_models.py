import pytest
from django.db import IntegrityError, transaction

from members.models import Profile, User
from tests.factories import UserFactory


def test_user_email_in_other_case_violates_constraint(db):
    UserFactory(email="ana@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Ana@Example.ORG")


def test_user_manager_create_user_lowercases_email(db):
    user = User.objects.create_user(email="Ana.Lopez@Example.ORG", password="x")
    assert user.email == "ana.lopez@example.org"


def test_user_manager_without_email_is_refused(db):
    with pytest.raises(ValueError):
        User.objects.create_user(email="", password="x")


def test_user_natural_key_ignores_case(db):
    user = UserFactory(email="ana@example.org")
    assert User.objects.get_by_natural_key("ANA@example.org") == user


def test_user_create_superuser_is_staff(db):
    user = User.objects.create_superuser(email="boss@example.org", password="x")
    assert (user.is_staff, user.is_superuser) == (True, True)


def test_user_str_falls_back_to_email(db):
    assert str(User(email="ana@example.org")) == "ana@example.org"
    assert str(User(email="ana@example.org", first_name="Ana", last_name="Lopez")) == "Ana Lopez"


@pytest.mark.parametrize(
    ("first_name", "state", "zip_code", "complete"),
    [("Ana", "MN", "55401", True), ("", "MN", "55401", False), ("Ana", "", "55401", False)],
)
def test_profile_is_complete_needs_name_state_and_zip(db, first_name, state, zip_code, complete):
    user = UserFactory(first_name=first_name, last_name="")
    profile = Profile.objects.get(user=user)
    profile.state, profile.zip_code = state, zip_code
    assert profile.is_complete is complete


def test_profile_zip5_drops_the_plus_four(db):
    assert Profile(zip_code="55401-1234").zip5 == "55401"


def test_national_staff_can_use_every_admin_page(client, db):
    from tests.factories import StaffFactory

    client.force_login(StaffFactory())

    response = client.get("/admin/chapters/chapter/")

    assert response.status_code == 200


def test_member_cannot_open_the_admin(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())

    response = client.get("/admin/chapters/chapter/")

    assert response.status_code == 302
