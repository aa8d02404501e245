"""The rush, as locust users: members who sign up once, watchers who refresh their day.

Run by bench/rush.py (`locust --headless -f bench/rush_locustfile.py`), which writes
the scenario (bench/rush_world.py) to the JSON file named by RUSH_SCENARIO and reads
what happened from RUSH_RESULTS when locust exits.

- `Member`: one per rush member, each once: log in through allauth's form, register
  for the event, take a seat (tests/e2e/signup_journey.py: the real pages and forms,
  CSRF token from each form, the message after each redirect), then stop. The last
  member to finish ends the run.
- `Watcher` (spawned first): a member already registered and seated, logged in on
  their phone, opening their itinerary every REFRESH seconds or so.

Each member is given an address of their own in X-Forwarded-For (198.18.0.0/15, the
range set aside for benchmarks): the bench stands in for the proxy that stamps the
client's address, so allauth's per-address login limit counts each member apart, as
it would for members at home (the app trusts as many proxies as the bench says).
"""

import itertools
import json
import os
import random
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import benchlib  # noqa: F401  (puts the project on the path)
from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

from tests.e2e import signup_journey
from tests.e2e.web_client import Page

SCENARIO = json.loads(Path(os.environ["RUSH_SCENARIO"]).read_text())
REFRESH = float(os.environ.get("RUSH_REFRESH_SECONDS", "10"))
MAX_REFRESHES = int(os.environ.get("RUSH_MAX_REFRESHES", "100"))

_members = iter(enumerate(SCENARIO["member_emails"]))
_watchers = itertools.cycle(SCENARIO["watcher_sessions"])
signups: list[dict] = []
itinerary_ms: list[float] = []


def _address(number: int) -> str:
    return f"198.18.{number // 250}.{number % 250 + 1}"


class Browser(FastHttpUser):
    abstract = True
    network_timeout = 120.0
    # A phone waits this long for a busy server to accept (its SYNs retried), not 10 s.
    connection_timeout = 60.0
    headers: dict = {}

    def on_start(self):
        # The production settings mark cookies Secure; a browser sends them back to a
        # loopback origin over plain HTTP (a secure context), and so does this one.
        self.client.cookiejar.set_policy(DefaultCookiePolicy(secure_protocols=("http", "https")))

    def fetch(self, method, path, data=None, *, name, expect) -> Page:
        """signup_journey's transport: one request, marked failed unless `expect`."""
        with self.client.request(
            method,
            path,
            data=data,
            name=name,
            headers=self.headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == expect:
                response.success()
            else:
                answer = response.status_code or repr(response.error)
                response.failure(f"{method} {name}: {answer}, not {expect}")
            return Page(
                status=response.status_code or 0,
                location=response.headers.get("Location", "") if response.headers else "",
                text=response.text or "",
                ms=response.request_meta["response_time"],
            )


class Member(Browser):
    wait_time = constant(0)

    def on_start(self):
        super().on_start()
        self.number, self.email = next(_members, (None, None))
        self.headers = {"X-Forwarded-For": _address(self.number or 0)}

    @task
    def sign_up(self):
        if self.email is None:
            raise StopUser()
        record = {"email": self.email, "started": time.time()}
        try:
            signup_journey.log_in(
                self.fetch,
                email=self.email,
                password=SCENARIO["password"],
                next_path=signup_journey.event_path(SCENARIO["event_slug"]),
            )
            record["register_ms"] = signup_journey.register(
                self.fetch, event_slug=SCENARIO["event_slug"]
            )
            seat = signup_journey.take_seat(
                self.fetch, event_slug=SCENARIO["event_slug"], choose=random.choice
            )
            record.update(seat_ms=seat.ms, meeting_id=seat.meeting_id, waitlisted=seat.waitlisted)
        except signup_journey.StepFailed as failure:
            record["failed"] = str(failure)
        record["finished"] = time.time()
        signups.append(record)
        if len(signups) == len(SCENARIO["member_emails"]):
            self.environment.runner.quit()
        raise StopUser()


class Watcher(Browser):
    fixed_count = int(os.environ.get("RUSH_WATCHERS", "0"))
    wait_time = between(0.5 * REFRESH, 1.5 * REFRESH)

    def on_start(self):
        super().on_start()
        self.headers = {"Cookie": f"sessionid={next(_watchers)}"}
        self.refreshes = 0

    @task
    def refresh(self):
        self.refreshes += 1
        if self.refreshes > MAX_REFRESHES:
            raise StopUser()
        path = f"{signup_journey.event_path(SCENARIO['event_slug'])}itinerary/"
        page = self.fetch("GET", path, name="/events/[slug]/itinerary/", expect=200)
        if page.status == 200:
            itinerary_ms.append(page.ms)


@events.quitting.add_listener
def write_results(environment, **kwargs):
    total = environment.stats.total
    results = {
        "signups": signups,
        "itinerary_ms": itinerary_ms,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "requests_per_second": total.total_rps,
        "by_request": {
            f"{entry.method} {entry.name}": {
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "p50_ms": entry.get_response_time_percentile(0.5),
                "p95_ms": entry.get_response_time_percentile(0.95),
            }
            for entry in environment.stats.entries.values()
        },
        "errors_by_request": {
            f"{error.method} {error.name}: {error.error}": error.occurrences
            for error in environment.stats.errors.values()
        },
    }
    Path(os.environ["RUSH_RESULTS"]).write_text(json.dumps(results))
