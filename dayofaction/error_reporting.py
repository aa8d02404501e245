"""Optional error reporting to Sentry: on when SENTRY_DSN is set, off otherwise.

The settings call `error_reporting_start` once, in every process that loads
them: gunicorn's workers (Django's integration: errors of requests) and
Celery's worker and beat (Celery's integration: errors of tasks).

Nothing personal leaves: the members' addresses, phone numbers, political
positions and meeting notes stay here. sentry-sdk 3 replaced 2's
`send_default_pii=False` with `data_collection`, whose defaults collect user
details; each category is turned off by name below: the user (id, email,
IP address), cookies, request bodies, query strings (searches by name or
address), local variables and SQL parameters. What stays is the stack trace
with its source lines, the path and the headers (their credentials filtered
by the SDK).
"""

from dayofaction import env

NO_PERSONAL_DATA = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "stack_frame_variables": False,
    "database_query_data": False,
}


def sentry_options(*, debug: bool) -> dict | None:
    """`sentry_sdk.init`'s options from the environment; None when SENTRY_DSN is not set."""
    if not env.read_str("SENTRY_DSN", default=""):
        return None
    traces_sample_rate = env.read_fraction("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
    return {
        "dsn": env.read_url("SENTRY_DSN", default="", schemes=("https", "http")),
        "environment": env.read_str(
            "SENTRY_ENVIRONMENT", default="development" if debug else "production"
        ),
        # Unset: the SDK names the release itself (SENTRY_RELEASE, else the git commit).
        "release": env.read_str("SENTRY_RELEASE", default="") or None,
        # 0 turns tracing off altogether: no spans are made, rather than none kept.
        "traces_sample_rate": traces_sample_rate or None,
        "data_collection": NO_PERSONAL_DATA,
    }


def error_reporting_start(*, debug: bool) -> bool:
    """Start reporting errors to Sentry when SENTRY_DSN is set; True when started."""
    options = sentry_options(debug=debug)
    if options is None:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(integrations=[DjangoIntegration(), CeleryIntegration()], **options)
    return True
