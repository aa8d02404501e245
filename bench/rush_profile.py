"""Sign-ups profiled in-process: where a sign-up's time goes, and its queries.

`profile(scenario, count=)` takes members of the rush's world through the same pages
and forms as the rush (tests/e2e/signup_journey.py), with Django's test client as the
transport and the production settings. Logging in is not part of a sign-up: each
member is logged in with `force_login`. The first member warms up and is not counted;
the next `count` are timed and their queries captured; `count` more run under
cProfile (during the two POSTs only), so the profile's overhead stays out of the times.
Tasks go to the bench's Redis as in production; no worker runs them here.
"""

import cProfile
import pstats
import re
import statistics
import sys
import time
from collections import defaultdict

from benchlib import ROOT

REGISTER, SEAT = "POST /events/[slug]/register/", "POST /meetings/[id]/seat/"
TOP_LINES = 30


class _Transport:
    """signup_journey's `fetch` over Django's test client: each request timed and its
    queries captured; the profiler (if any) runs during the POSTs only."""

    def __init__(self, client, profiler=None):
        self.client, self.profiler = client, profiler
        self.ms, self.queries = defaultdict(list), defaultdict(list)

    def fetch(self, method, path, data=None, *, name, expect):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from tests.e2e.web_client import Page

        profiled = self.profiler and method == "POST"
        if profiled:
            self.profiler.enable()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(path, data) if method == "POST" else self.client.get(path)
        ms = (time.perf_counter() - started) * 1000
        if profiled:
            self.profiler.disable()
        self.ms[f"{method} {name}"].append(ms)
        self.queries[f"{method} {name}"].append([q["sql"] for q in queries.captured_queries])
        return Page(response.status_code, response.get("Location", ""), _text(response), ms)


def _text(response) -> str:
    return response.content.decode() if not getattr(response, "streaming", False) else ""


def _sign_up(transport, email: str, event_slug: str) -> None:
    from django.test import Client

    from members.models import User
    from tests.e2e import signup_journey

    transport.client = Client()
    transport.client.force_login(User.objects.get(email=email))
    signup_journey.register(transport.fetch, event_slug=event_slug)
    signup_journey.take_seat(transport.fetch, event_slug=event_slug, choose=lambda ids: ids[0])


def profile(scenario, *, count: int) -> None:
    emails = scenario.member_emails
    if len(emails) < 2 * count + 1:
        raise SystemExit(f"--profile needs {2 * count + 1} members: give --users")
    _sign_up(_Transport(None), emails[0], scenario.event_slug)  # warm-up
    timed = _Transport(None)
    for email in emails[1 : count + 1]:
        _sign_up(timed, email, scenario.event_slug)
    profiler = cProfile.Profile()
    profiled = _Transport(None, profiler)
    for email in emails[count + 1 : 2 * count + 1]:
        _sign_up(profiled, email, scenario.event_slug)

    total = [r + s for r, s in zip(timed.ms[REGISTER], timed.ms[SEAT], strict=True)]
    print(f"profile_signups: {count} members (one at a time, no other load)")
    print(f"profile_signup_median_ms: {statistics.median(total):.1f} ms")
    for label, name in (("register", REGISTER), ("take_seat", SEAT)):
        print(f"profile_{label}_median_ms: {statistics.median(timed.ms[name]):.1f} ms")
        counts = [len(queries) for queries in timed.queries[name]]
        print(f"profile_{label}_queries: {max(counts)} queries (fewest {min(counts)})")
    journey = sum(statistics.median(ms) for ms in timed.ms.values())
    print(f"profile_journey_ms: {journey:.0f} ms (every request of a member but the login)")
    print("\n# Server time and queries of each request of the journey (medians):")
    for name, ms in timed.ms.items():
        queries = statistics.median(len(q) for q in timed.queries[name])
        print(f"# {name}: {statistics.median(ms):.1f} ms, {queries:.0f} queries, {len(ms)}x")
    print("\n# One sign-up's statements (register, then take a seat):")
    for name in (REGISTER, SEAT):
        for sql in timed.queries[name][-1]:
            print(f"{name}  {' '.join(sql.split())[:150]}")
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative")
    print(f"\n# cProfile of {count} sign-ups (the two POSTs): the project's own code")
    stats.print_stats(rf"^{re.escape(str(ROOT))}/(?!\.venv/)", TOP_LINES)
    print(f"\n# The same profile, top {TOP_LINES} of everything by time spent in the function")
    stats.strip_dirs().sort_stats("tottime").print_stats(TOP_LINES)
