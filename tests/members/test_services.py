import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError

from members.models import Profile, User
from members.services import EmailTaken, profile_for, profile_update, user_create
from tests.factories import UserFactory


def test_user_create_makes_profile_and_unverified_address(db):
    user = user_create(email=" Ana@Example.org ", password="a-long-enough-passphrase")
    address = EmailAddress.objects.get(user=user)
    assert (user.email, address.email, address.primary, address.verified) == (
        "ana@example.org",
        "ana@example.org",
        True,
        False,
    )
    assert Profile.objects.filter(user=user).exists() is True


def test_user_create_email_taken_in_other_case_is_refused(db):
    UserFactory(email="ana@example.org")
    with pytest.raises(EmailTaken):
        user_create(email="ANA@example.org", password="a-long-enough-passphrase")
    assert User.objects.count() == 1


def test_user_create_email_taken_as_second_address_is_refused(db):
    other = UserFactory(email="work@example.org")
    EmailAddress.objects.create(user=other, email="home@example.org", verified=False)
    with pytest.raises(EmailTaken):
        user_create(email="Home@example.org", password="a-long-enough-passphrase")


def test_user_create_weak_password_creates_nothing(db):
    with pytest.raises(ValidationError):
        user_create(email="ana@example.org", password="123")
    assert User.objects.filter(email="ana@example.org").exists() is False


def test_user_create_without_password_is_unusable(db):
    user = user_create(email="ana@example.org", password=None)
    assert user.has_usable_password() is False


def test_profile_for_creates_missing_profile(db):
    user = User.objects.create_user(email="bare@example.org", password="x")
    profile = profile_for(user=user)
    assert (profile.user, profile_for(user=user).pk) == (user, profile.pk)


def test_profile_update_saves_name_fields_and_choices(db, practice_areas, policy_issues):
    user = UserFactory()
    profile = profile_update(
        profile=profile_for(user=user),
        first_name=" Ana ",
        last_name="Lopez",
        practice_areas=practice_areas[:1],
        policy_issues=policy_issues,
        city="Duluth",
        state="MN",
        zip_code="55802",
    )
    user.refresh_from_db()
    profile.refresh_from_db()
    assert (user.first_name, user.last_name, profile.city, profile.zip_code) == (
        "Ana",
        "Lopez",
        "Duluth",
        "55802",
    )
    assert list(profile.practice_areas.all()) == practice_areas[:1]
    assert list(profile.policy_issues.all()) == policy_issues


def test_profile_update_years_out_of_range_changes_nothing(db):
    user = UserFactory(first_name="Ana")
    with pytest.raises(ValidationError):
        profile_update(
            profile=profile_for(user=user),
            first_name="Changed",
            last_name="Lopez",
            years_of_practice=81,
        )
    user.refresh_from_db()
    assert (user.first_name, Profile.objects.get(user=user).years_of_practice) == ("Ana", None)
