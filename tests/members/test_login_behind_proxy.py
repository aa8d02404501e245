"""Behind a load balancer the login limit counts each member's own address.

DAYOFACTION_TRUSTED_PROXY_COUNT (allauth's ALLAUTH_TRUSTED_PROXY_COUNT) says how many
proxies append to X-Forwarded-For; with none trusted the header is ignored and
everyone counts as the connection's address: the balancer's.
"""

import uuid

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Addresses from the documentation ranges, new for each run: the limits live in the
# shared cache, which outlives a test.
BALANCER = f"192.0.2.{uuid.uuid4().int % 250 + 1}"


@pytest.fixture
def two_logins_a_minute(settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}


def _log_in(client, *, forwarded_for: str) -> int:
    """A login from `forwarded_for` as the balancer reports it; the answer's status."""
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": UserFactory().email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR=forwarded_for,
        REMOTE_ADDR=BALANCER,
    )
    return response.status_code


def test_login_limit_counts_each_forwarded_address_behind_one_trusted_proxy(
    client, settings, two_logins_a_minute
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    base = uuid.uuid4().int % 120 * 2
    home, away = f"203.0.113.{base + 1}", f"203.0.113.{base + 2}"

    from_home = [_log_in(client, forwarded_for=home) for _ in range(3)]
    from_away = _log_in(client, forwarded_for=away)

    assert from_home == [302, 302, 429]
    assert from_away == 302


def test_login_limit_ignores_forwarded_addresses_when_no_proxy_is_trusted(
    client, settings, two_logins_a_minute
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    statuses = [_log_in(client, forwarded_for=f"198.18.0.{n}") for n in range(1, 4)]

    assert statuses == [302, 302, 429]
