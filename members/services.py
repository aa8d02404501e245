"""Writes for members: accounts and profiles."""

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from members.models import Profile, User


class EmailTaken(Exception):
    """An account with this email address exists already (case ignored)."""


def email_is_taken(*, email: str) -> bool:
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email_verified: bool = False,
    is_staff: bool = False,
) -> User:
    """Create an account and its profile.

    `email_verified` is for addresses proven another way, such as the secret
    link of an invitation that was mailed to that address.
    """
    email = email.strip().lower()
    if email_is_taken(email=email):
        raise EmailTaken(email)
    user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
    user.is_staff = is_staff
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    Profile.objects.create(user=user)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=email_verified)
    return user


def profile_for(*, user: User) -> Profile:
    """The user's profile, created on first use for accounts made elsewhere (admin, shell)."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    first_name: str,
    last_name: str,
    practice_areas=(),
    policy_issues=(),
    **fields,
) -> Profile:
    """Save a member's own profile and their name, as one change."""
    user = profile.user
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    profile.practice_areas.set(practice_areas)
    profile.policy_issues.set(policy_issues)
    return profile
