"""Every form of every page, and every query-string filter, refuses extreme input calmly.

The page is rendered for a person who may use it; each of its forms is read as
a browser would submit it; then each field in turn is given a typeable but
extreme value (a date in year 1 or 9999, a NUL character) and submitted. No
answer may be a server error.
"""

import pytest
from django.urls import reverse

from tests.common.htmlforms import forms_of
from tests.common.world import RolledBackWorld

NUL = "a\x00b"
# Each date field gets the far past and the far future, in the shapes a date and a
# datetime-local input send; hidden fields and buttons (what views read beside their forms:
# `next`, which form, which action) get a NUL one by one; every other field gets a NUL all
# at once. That each form field refuses them is proven in test_safe_forms.py; this walk
# proves that no view breaks on the way.
ONE_BY_ONE = {
    "date": ("0001-01-01", "9999-12-31", NUL),
    "datetime-local": ("0001-01-01", "9999-12-31T23:59", NUL),
    "hidden": (NUL,),
    "button": (NUL,),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), RolledBackWorld() as built:
        yield built


def _chapter(w):
    return [w.chapter.slug]


def _event(w):
    return [w.event.slug]


def _meeting(w):
    return [w.meeting.pk]


def _coalition(w):
    return [w.coalition_event.pk]


def _none(w):
    return []


STAFF_PAGES = [
    ("home", _none),
    ("profile_edit", _none),
    ("chapters:list", _none),
    ("chapters:create", _none),
    ("chapters:roster", _chapter),
    ("chapters:edit", _chapter),
    ("chapters:invitations", _chapter),
    ("chapters:invitation_upload", _chapter),
    ("chapters:member", lambda w: [w.chapter.slug, w.member.memberships.get().pk]),
    ("lawmakers:directory", _none),
    ("events:list", _none),
    ("events:create", _none),
    ("events:detail", _event),
    ("events:edit", _event),
    ("meetings:board", lambda w: [w.event.slug, w.chapter.slug]),
    ("meetings:meeting_create", lambda w: [w.event.slug, w.chapter.slug]),
    ("meetings:meeting_manage", _meeting),
    ("meetings:meeting_edit", _meeting),
    ("talkingpoints:ask_list", _event),
    ("talkingpoints:ask_create", _event),
    ("talkingpoints:ask_detail", lambda w: [w.ask.pk]),
    ("talkingpoints:ask_edit", lambda w: [w.ask.pk]),
    ("talkingpoints:briefing", _meeting),
    ("reports:report", _meeting),
    ("reports:dashboard", _event),
    ("reports:chapter_dashboard", lambda w: [w.event.slug, w.chapter.slug]),
    ("reports:exports", _none),
    ("reports:export_job", lambda w: [w.job.pk]),
    ("outbox:list", _none),
    ("outbox:detail", lambda w: [w.email.pk]),
    ("followup:thank_you_list", _none),
    ("followup:thank_you", _meeting),
    ("followup:letter_template", _none),
    ("followup:reminder_settings", _event),
    ("followup:preferences", _none),
    ("coalitions:home", _none),
    ("coalitions:chapter", _chapter),
    ("coalitions:event_create", _chapter),
    ("coalitions:partners", _chapter),
    ("coalitions:principles_list", _chapter),
    ("coalitions:outreach_list", _chapter),
    ("coalitions:templates", _chapter),
    ("coalitions:template", lambda w: [w.chapter.slug, "invitation"]),
    ("coalitions:partner", lambda w: [w.partner.pk]),
    ("coalitions:principles", lambda w: [w.principles.pk]),
    ("coalitions:outreach", lambda w: [w.outreach.pk]),
    ("coalitions:introduction", lambda w: [w.outreach.pk]),
    ("coalitions:event", _coalition),
    ("coalitions:event_edit", _coalition),
    ("coalitions:check_in", _coalition),
    ("coalitions:postcards", _coalition),
]
MEMBER_PAGES = [
    ("profile_edit", _none),
    ("my_lawmakers", _none),
    ("events:detail", _event),
    ("meetings:open", _event),
    ("meetings:itinerary", _event),
    ("reports:report", _meeting),
    ("talkingpoints:briefing", _meeting),
    ("talkingpoints:packet", _event),
    ("followup:feedback", _event),
    ("followup:preferences", _none),
]
ANONYMOUS_PAGES = [
    ("account_signup", _none),
    ("account_login", _none),
    ("account_reset_password", _none),
    ("coalitions:rsvp", lambda w: [w.rsvp_token]),
    ("coalitions:act", lambda w: [w.action_token]),
]
PAGES = (
    [("staff", *page) for page in STAFF_PAGES]
    + [("member", *page) for page in MEMBER_PAGES]
    + [("anonymous", *page) for page in ANONYMOUS_PAGES]
)


def _log_in(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(getattr(world, role))


def _submit(client, form, page_url, data):
    action = form.action or page_url
    if form.method == "post":
        return client.post(action, data)
    return client.get(action, data)


@pytest.mark.parametrize(
    ("role", "name", "args"), PAGES, ids=[f"{role}-{name}" for role, name, _ in PAGES]
)
def test_every_form_field_refuses_extreme_values_without_a_server_error(
    db, client, world, role, name, args
):
    client.raise_request_exception = True
    url = reverse(name, args=args(world))
    _log_in(client, world, role)
    page = client.get(url)
    assert page.status_code == 200
    failures = []
    for form in forms_of(page.content.decode()):
        submissions = [("every field", NUL, form.data_with_all(NUL))]
        for field in form.fields:
            for value in ONE_BY_ONE.get(form.kinds.get(field, ""), ()):
                submissions.append((field, value, form.data_with(field, value)))
        for field, value, data in submissions:
            where = f"{form.method.upper()} {form.action or url} {field}={value!r}"
            try:
                answer = _submit(client, form, url, data)
            except Exception as error:  # the test client re-raises a view's crash
                failures.append(f"{where}: {type(error).__name__}: {error}")
                continue
            finally:
                _log_in(client, world, role)  # a form may have logged the person out
            if answer.status_code >= 500:
                failures.append(f"{where}: answered {answer.status_code}")
    assert failures == []
