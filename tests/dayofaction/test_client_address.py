"""Behind a load balancer, rate limits count each member's address, not the balancer's."""

from allauth.account.adapter import get_adapter
from django.test import RequestFactory


def _request(forwarded: str):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert get_adapter().get_client_ip(_request("203.0.113.9")) == "10.0.0.5"


def test_with_one_trusted_proxy_the_forwarded_client_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # A client may send its own X-Forwarded-For: only the entry the balancer added counts.
    request = _request("198.51.100.7, 203.0.113.9")
    assert get_adapter().get_client_ip(request) == "203.0.113.9"
