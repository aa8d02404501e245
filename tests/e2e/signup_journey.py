"""A member's sign-up as a browser makes it: log in, register for the event, take a seat.

Each step opens the app's real page, reads the form's CSRF token from it, posts
the form, then opens the page the answer redirects to and reads the message
there, as a person would. The transport is the caller's: `fetch(method, path,
data=None, *, name, expect)` returns a `web_client.Page` (the plain WebClient in
tests, locust's client in bench/rush.py); `name` groups paths for statistics and
`expect` is the status a working server gives.

A step that does not end as it should raises StepFailed, saying which and why.
"""

import html
import random
import re
from dataclasses import dataclass
from urllib.parse import urlencode

LOGIN_PATH = "/accounts/login/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MESSAGE = re.compile(r'<p class="message message--(\w+)">(.*?)</p>', re.S)
SEAT_FORM = re.compile(r'action="/meetings/(\d+)/seat/">(.*?)</form>', re.S)


class StepFailed(Exception):
    def __init__(self, step: str, detail: str):
        super().__init__(f"{step}: {detail}")
        self.step = step


@dataclass(frozen=True)
class SeatTaken:
    meeting_id: int
    waitlisted: bool
    ms: float  # the POST's own time, to its redirect


def event_path(event_slug: str) -> str:
    return f"/events/{event_slug}/"


def messages(text: str) -> list[tuple[str, str]]:
    """The flash messages on a page: (level, words)."""
    return [(level, html.unescape(words).strip()) for level, words in MESSAGE.findall(text)]


def csrf_token(step: str, page) -> str:
    match = CSRF.search(page.text)
    if not match:
        raise StepFailed(step, "the page has no form to post")
    return match.group(1)


def seat_offers(text: str) -> list[tuple[int, bool]]:
    """The meetings whose seat form the page shows: (meeting id, a seat is free)."""
    return [(int(pk), "Take a seat" in body) for pk, body in SEAT_FORM.findall(text)]


def _open(fetch, step, method, path, data=None, *, name, expect):
    page = fetch(method, path, data, name=name, expect=expect)
    if page.status != expect:
        raise StepFailed(step, f"{method} {name} answered {page.status}, not {expect}")
    return page


def log_in(fetch, *, email: str, password: str, next_path: str) -> None:
    """Through allauth's login form, asking to go on to `next_path`."""
    step = "log in"
    form = _open(
        fetch,
        step,
        "GET",
        f"{LOGIN_PATH}?{urlencode({'next': next_path})}",
        name=LOGIN_PATH,
        expect=200,
    )
    data = {
        "csrfmiddlewaretoken": csrf_token(step, form),
        "login": email,
        "password": password,
        "next": next_path,
    }
    sent = _open(fetch, step, "POST", LOGIN_PATH, data, name=LOGIN_PATH, expect=302)
    if sent.location != next_path:
        raise StepFailed(step, f"sent to {sent.location or 'nowhere'}, not {next_path}")


def register(fetch, *, event_slug: str) -> float:
    """Register in person from the event's page; returns the POST's time in ms."""
    step, path = "register", event_path(event_slug)
    page = _open(fetch, step, "GET", path, name="/events/[slug]/", expect=200)
    data = {
        "csrfmiddlewaretoken": csrf_token(step, page),
        "attendance": "in_person",
        "arrive_by": "",
        "leave_at": "",
    }
    sent = _open(
        fetch, step, "POST", f"{path}register/", data, name="/events/[slug]/register/", expect=302
    )
    after = _open(fetch, step, "GET", sent.location, name="/events/[slug]/", expect=200)
    said = messages(after.text)
    if not any(words.startswith("You are registered for") for _, words in said):
        raise StepFailed(step, f"the page said {said}")
    return sent.ms


def take_seat(fetch, *, event_slug: str, choose=random.choice) -> SeatTaken:
    """Take a seat from the meetings page: `choose` picks among meetings with a free seat
    (among all offered, to join a waitlist, when none is free)."""
    step, path = "take a seat", f"{event_path(event_slug)}meetings/"
    page = _open(fetch, step, "GET", path, name="/events/[slug]/meetings/", expect=200)
    offers = seat_offers(page.text)
    if not offers:
        raise StepFailed(step, "no meeting is offered")
    free = [pk for pk, has_room in offers if has_room]
    meeting_id = choose(free or [pk for pk, _ in offers])
    data = {"csrfmiddlewaretoken": csrf_token(step, page), "next": f"{path}#meeting-{meeting_id}"}
    sent = _open(
        fetch,
        step,
        "POST",
        f"/meetings/{meeting_id}/seat/",
        data,
        name="/meetings/[id]/seat/",
        expect=302,
    )
    after = _open(
        fetch,
        step,
        "GET",
        sent.location.split("#")[0],
        name="/events/[slug]/meetings/",
        expect=200,
    )
    said = messages(after.text)
    if any(words.startswith("You have a seat") for _, words in said):
        return SeatTaken(meeting_id, waitlisted=False, ms=sent.ms)
    if any("you are on its waitlist" in words for _, words in said):
        return SeatTaken(meeting_id, waitlisted=True, ms=sent.ms)
    raise StepFailed(step, f"the page said {said}")
