"""Every form of the action centre's pages, given extreme input, answers calmly (never 500).

The walk of tests/common/test_bad_input_sweep.py, on this app's pages: each field in
turn gets a NUL character, dates the far past and future, then all fields at once.
"""

import pytest
from django.urls import reverse

from tests.common.htmlforms import forms_of
from tests.common.test_bad_input_sweep import NUL, ONE_BY_ONE

pytestmark = pytest.mark.django_db


def walk(client, url, relog):
    client.raise_request_exception = True
    page = client.get(url)
    assert page.status_code == 200, url
    failures = []
    for form in forms_of(page.content.decode()):
        submissions = [("every field", NUL, form.data_with_all(NUL))]
        for field in form.fields:
            for value in (*ONE_BY_ONE.get(form.kinds.get(field, ""), ()), NUL):
                submissions.append((field, value, form.data_with(field, value)))
        for field, value, data in submissions:
            where = f"{form.method.upper()} {form.action or url} {field}={value!r}"
            try:
                answer = client.post(form.action or url, data)
            except Exception as error:  # the test client re-raises a view's crash
                failures.append(f"{where}: {type(error).__name__}: {error}")
                continue
            finally:
                relog()
            if answer.status_code >= 500:
                failures.append(f"{where}: answered {answer.status_code}")
    return failures


def test_the_public_pages_refuse_extreme_input_calmly(client, campaign, delegation):
    start = reverse("actions:start", args=[campaign.slug])

    def relog():
        client.post(start, {"name": "Rosa", "email": "rosa@example.org", "zip_code": "55119"})

    relog()
    failures = walk(client, reverse("actions:act", args=[campaign.slug]), relog)
    client.post(reverse("actions:act", args=[campaign.slug]), {"choose": "1", "district": 4})
    failures += walk(client, reverse("actions:act", args=[campaign.slug]), relog)
    failures += walk(client, start, relog)
    failures += walk(client, reverse("actions:forget"), relog)
    assert failures == []


def test_the_campaign_form_refuses_extreme_input_calmly(client, staff, campaign):
    client.force_login(staff)

    def relog():
        client.force_login(staff)

    failures = walk(client, reverse("actions:create"), relog)
    failures += walk(client, reverse("actions:edit", args=[campaign.slug]), relog)
    assert failures == []
