"""Passwords are stored with Argon2id at the OWASP baseline; older hashes move over at log-in."""

import pytest
from django.conf import settings as project_settings
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings

from tests.factories import UserFactory

# The test settings store passwords with a fast hasher; these tests use the real list.
PRODUCTION_HASHERS = [
    "members.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]


def test_the_production_settings_use_this_list():
    from dayofaction import settings as production

    assert production.PASSWORD_HASHERS == PRODUCTION_HASHERS
    assert project_settings.PASSWORD_HASHERS != PRODUCTION_HASHERS  # tests hash fast


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_new_password_is_argon2id_with_19_mib_two_passes_one_lane():
    encoded = make_password("lobby-day-2027")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert identify_hasher(encoded).__class__.__name__ == "Argon2idPasswordHasher"
    assert check_password("lobby-day-2027", encoded)
    assert not check_password("lobby-day-2028", encoded)


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_pbkdf2_password_is_restored_as_argon2id_at_the_next_log_in(client):
    user = UserFactory()
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS[1:]):
        user.set_password("lobby-day-2027")
        user.save()
    assert user.password.startswith("pbkdf2_sha256$")

    assert client.login(email=user.email, password="lobby-day-2027")

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
