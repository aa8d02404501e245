"""A plain HTTP client that keeps cookies as a browser does, for real servers on loopback.

The production settings mark the session and CSRF cookies Secure; a browser sends
them back to a loopback origin over plain HTTP too (it counts as a secure
context), and so does this client. It never follows a redirect: the caller sees
the 302 and its `Location`, then asks for the next page as a browser would.
"""

import http.client
import time
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

LOOPBACK_PREFIXES = ("127.", "localhost")


@dataclass(frozen=True)
class Page:
    """One answer: its status, where a redirect goes, the body, and how long it took."""

    status: int
    location: str
    text: str
    ms: float


class WebClient:
    def __init__(self, port: int, *, host="127.0.0.1", headers=None, timeout=30.0, source=None):
        """`source`: the loopback address this browser connects from (127.0.0.0/8 is all
        loopback on Linux), so a server sees many clients, each from its own address."""
        for address in (host, source or host):
            if not address.startswith(LOOPBACK_PREFIXES):
                raise ValueError(f"{address} is not a loopback address: only local servers.")
        self.host, self.port, self.timeout, self.source = host, port, timeout, source
        self.headers = dict(headers or {})
        self.cookies: dict[str, str] = {}

    def on(self, port: int) -> "WebClient":
        """The same browser (its cookies) talking to another port: another web node."""
        other = WebClient(
            port, host=self.host, headers=self.headers, timeout=self.timeout, source=self.source
        )
        other.cookies = self.cookies
        return other

    def get(self, path: str) -> Page:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Page:
        return self.request("POST", path, data)

    def fetch(self, method: str, path: str, data=None, *, name=None, expect=None) -> Page:
        """`request` in the shape signup_journey's steps call (they check the status)."""
        return self.request(method, path, data)

    def request(self, method: str, path: str, data: dict | None = None) -> Page:
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(
                f"{name}={value}" for name, value in self.cookies.items()
            )
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(
            self.host,
            self.port,
            timeout=self.timeout,
            source_address=(self.source, 0) if self.source else None,
        )
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        ms = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            self._keep(header)
        return Page(response.status, response.getheader("Location") or "", text, ms)

    def _keep(self, header: str) -> None:
        cookie = SimpleCookie()
        try:
            cookie.load(header)
        except CookieError:
            return
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0" or not morsel.coded_value.strip('"'):
                self.cookies.pop(name, None)  # Django deletes a cookie this way
            else:
                self.cookies[name] = morsel.coded_value
