"""Benchmark: the action centre's public page and its log POST under many supporters at once.

Run from the repository root:  .venv/bin/python bench/action_centre.py
Builds its own database (bench_action_centre) with the real public data
(Congress, the ZIP table; ../shared/data or DAYOFACTION_LAWMAKER_DATA_DIR), one
public national campaign, then, in-process with production settings and the
real Redis cache, lets SUPPORTERS supporters (each with an address and a ZIP of
their own, from every state) act from THREADS threads at once: give their home,
open the action page (the lookup: lawmakers, channels, nearest district
offices), and log three calls. Meanwhile one address posts past its limit and
must be refused. Prints `name: value unit` lines.
"""

import contextlib
import datetime
import os
import random
import re
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from benchlib import setup_django

SUPPORTERS = int(os.environ.get("BENCH_SUPPORTERS", "200"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
ABUSIVE_POSTS = 100


@contextlib.contextmanager
def counting_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        yield context  # read after the block: its queries are known once it ends


def build():
    from django.conf import settings
    from django.db.models import Count
    from django.utils import timezone

    from actions.models import Campaign
    from lawmakers.importers.sources import folder_sources
    from lawmakers.models import ZipDistrict
    from lawmakers.services import lawmakers_import

    sources = folder_sources(settings.LAWMAKER_DATA_DIR)
    lawmakers_import(
        congress_source=sources["congress"],
        openstates_source=None,
        states=(),
        zcta_source=sources["zcta"],
    )
    now = timezone.now()
    campaign = Campaign.objects.create(
        slug="fund-counsel",
        title="Fund counsel for people who cannot pay",
        why="People in immigration court have no lawyer paid for them.",
        letter_subject="From {{ city }}: fund counsel",
        letter_body="Dear {{ lawmaker }},\n\n{{ own_words }}\n\nSincerely,\n{{ name }}",
        call_script="I am {{ name }} from {{ zip_code }}; I ask {{ lawmaker }} to fund counsel.",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=30),
        is_public=True,
    )
    single = (
        ZipDistrict.objects.values("zcta")
        .annotate(n=Count("id"))
        .filter(n=1)
        .values_list("zcta", flat=True)
    )
    zips = list(single)
    random.Random(16).shuffle(zips)
    return campaign, zips[:SUPPORTERS]


def supporter_run(campaign, number: int, zip5: str, results: dict, lock: threading.Lock):
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    address = f"10.{number // 250}.{number % 250}.7"
    client = Client(REMOTE_ADDR=address)
    errors, lookups, posts, statuses = 0, [], [], []
    try:
        started = client.post(
            reverse("actions:start", args=[campaign.slug]),
            {"name": f"Supporter {number}", "email": f"s{number}@example.org", "zip_code": zip5},
        )
        if started.status_code != 302:
            errors += 1
            return
        act = reverse("actions:act", args=[campaign.slug])
        begin = time.perf_counter()
        page = client.get(act)
        lookups.append((time.perf_counter() - begin) * 1000)
        if page.status_code != 200:
            errors += 1
            return
        for lawmaker_id in re.findall(r'id="lawmaker-(\d+)"', page.text)[:3]:
            begin = time.perf_counter()
            response = client.post(
                reverse("actions:log", args=[campaign.slug]),
                {"lawmaker": lawmaker_id, "channel": "call_capitol", "outcome": "voicemail"},
            )
            posts.append((time.perf_counter() - begin) * 1000)
            statuses.append(response.status_code)
            errors += response.status_code != 302
    finally:
        connection.close()
        with lock:
            results["errors"] += errors
            results["lookups"] += lookups
            results["posts"] += posts


def abusive_run(campaign, results, lock):
    """One address posting far past its limit: every request over it must be a 429."""
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    client = Client(REMOTE_ADDR="10.250.250.250")
    refused = 0
    for n in range(ABUSIVE_POSTS):
        response = client.post(
            reverse("actions:start", args=[campaign.slug]),
            {"name": "Robot", "email": f"robot{n}@example.org", "zip_code": "55102"},
        )
        refused += response.status_code == 429
    connection.close()
    with lock:
        results["rate_limited"] = refused


def main():
    setup_django("bench_action_centre")
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from actions.models import Action

    cache.clear()  # the bench's own Redis database (CACHE_URL .../3), not the tests'
    campaign, zips = build()

    probe = Client(REMOTE_ADDR="10.251.0.1")
    probe.post(
        reverse("actions:start", args=[campaign.slug]),
        {"name": "Probe", "email": "probe@example.org", "zip_code": zips[0]},
    )
    act = reverse("actions:act", args=[campaign.slug])
    probe.get(act)
    with counting_queries() as queries:
        assert probe.get(act).status_code == 200

    results = {"errors": 0, "lookups": [], "posts": [], "rate_limited": 0}
    lock = threading.Lock()
    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(abusive_run, campaign, results, lock)]
        futures += [
            pool.submit(supporter_run, campaign, n, zip5, results, lock)
            for n, zip5 in enumerate(zips)
        ]
        for future in futures:
            future.result()
    elapsed = time.perf_counter() - begin
    logged = Action.objects.count()
    expected_refusals = ABUSIVE_POSTS - settings.ACTIONS_LIMIT_PER_ADDRESS
    assert results["rate_limited"] == expected_refusals, results["rate_limited"]
    assert logged == len(results["posts"]) - results["errors"], (logged, results)

    print(f"supporters: {len(zips)} supporters")
    print(f"threads: {THREADS} threads")
    print(f"lookup_median_ms: {statistics.median(results['lookups']):.1f} ms")
    print(f"lookup_queries: {len(queries)} queries")
    print(f"action_post_median_ms: {statistics.median(results['posts']):.1f} ms")
    print(f"actions_per_second: {logged / elapsed:.1f} actions/s")
    print(f"rate_limited: {results['rate_limited']} requests")
    print(f"errors: {results['errors']} errors")


if __name__ == "__main__":
    main()
