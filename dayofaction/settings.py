"""Settings for Day of Action, read from the environment.

Every value has an embedded default good for a first run on a laptop
(SQLite, a Celery broker in files, mail printed to the console). Production
sets the variables documented in README.md; with DJANGO_DEBUG off, the
secret key and the allowed hosts must be given, and the security settings
that `manage.py check --deploy` looks for are on.
"""

from pathlib import Path

from celery.schedules import crontab

from dayofaction import env, logs, queues
from dayofaction.error_reporting import error_reporting_start

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.read_str("DAYOFACTION_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.read_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.read_str(
    "DJANGO_SECRET_KEY",
    default="insecure-development-key-only-used-with-debug-on" if DEBUG else None,
)
ALLOWED_HOSTS = env.read_list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Environment variable DJANGO_ALLOWED_HOSTS must be set.")
CSRF_TRUSTED_ORIGINS = env.read_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.read_url(
    "DAYOFACTION_SITE_URL", default="http://127.0.0.1:8000", schemes=("http", "https")
).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_filters",
    "phonenumber_field",
    "localflavor",
    "common",
    "dayofaction",
    "lawmakers",
    "members",
    "chapters",
    "events",
    "meetings",
    "outbox",
    "talkingpoints",
    "reports",
    "followup",
    "coalitions",
    "planner",
    "officerequests",
    "actions",
    "press",
    "trainings",
    "joining",
]

MIDDLEWARE = [
    # First: a load balancer's probe is answered before the HTTPS redirect and the host check.
    "dayofaction.probes.HealthProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "common.middleware.RefuseNulInPathMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "dayofaction.urls"
WSGI_APPLICATION = "dayofaction.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chapters.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.read_database(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'dayofaction.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # The demo runs web, worker and beat against one file: let readers and a
    # writer share it, and wait for a lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.read_int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Behind PgBouncer in transaction mode a cursor cannot outlive its transaction:
    # `.iterator()` outside one (CSV downloads) would lose its server-side cursor.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.read_bool(
        "DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.read_cache("CACHE_URL", default="locmemcache://dayofaction")}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A Redis host that does not answer fails in seconds (a probe, a rate limit), not minutes.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("socket_connect_timeout", 2)

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# The first hasher stores new passwords; the others read old ones (re-stored at the next log-in).
PASSWORD_HASHERS = [
    "members.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email is the login, verification is mandatory.
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Day of Action] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_URL.split("://", 1)[0]
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupNamesForm"
# Behind a load balancer every request arrives from the balancer's address: allauth's
# per-address limits below (30 logins a minute) would count all members as one. Set
# this to the number of proxies in front of the app that append to X-Forwarded-For
# (1 for one load balancer); the client is the address just before theirs. 0 (the
# default) takes the connection's own address and ignores the header, which anyone
# can write.
ALLAUTH_TRUSTED_PROXY_COUNT = env.read_int("DAYOFACTION_TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so they are visible and tunable here.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

_email = env.read_email("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
DEFAULT_FROM_EMAIL = env.read_str(
    "DEFAULT_FROM_EMAIL", default="Day of Action <noreply@dayofaction.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.read_int("EMAIL_TIMEOUT", default=20, minimum=1)

PHONENUMBER_DEFAULT_REGION = "US"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.read_str("DAYOFACTION_TIME_ZONE", default="America/New_York")
USE_I18N = True
# Our wording for allauth's account pages ("Log in", not "Sign In"): locale/en.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env.read_str("DAYOFACTION_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# Celery: JSON only, tasks acknowledged after they ran. The default broker keeps
# its queue in files under var/, so the demo needs no server; production
# points CELERY_BROKER_URL at Redis.
CELERY_BROKER_URL = env.read_url(
    "CELERY_BROKER_URL",
    default="filesystem://",
    schemes=("filesystem", "redis", "rediss", "memory"),
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery-queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery-processed"),
        # Broadcasts (worker control); kombu's default is a folder in the current directory.
        "control_folder": str(VAR_DIR / "celery-control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env.read_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# Three queues, so a long export never delays a reminder (dayofaction/queues.py): email,
# heavy work, and the default for the rest. Production runs a worker for email and the
# default, another for heavy work (Procfile); a worker without -Q consumes all three.
CELERY_TASK_DEFAULT_QUEUE = env.read_str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_EMAIL_QUEUE = env.read_str("CELERY_EMAIL_QUEUE", default="email")
CELERY_HEAVY_QUEUE = env.read_str("CELERY_HEAVY_QUEUE", default="heavy")
CELERY_TASK_ROUTES = queues.task_routes(email=CELERY_EMAIL_QUEUE, heavy=CELERY_HEAVY_QUEUE)
CELERY_TASK_QUEUES = queues.task_queues(
    CELERY_TASK_DEFAULT_QUEUE, CELERY_EMAIL_QUEUE, CELERY_HEAVY_QUEUE
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# The public data on lawmakers (congress-legislators, Open States, ZCTA table):
# a folder laid out like ../shared/data, read by the import commands.
LAWMAKER_DATA_DIR = Path(
    env.read_str("DAYOFACTION_LAWMAKER_DATA_DIR", default=str(BASE_DIR.parent / "shared" / "data"))
)
# Downloading instead: one mirror laid out like that folder, or else each part
# from its published location. The weekly refresh task downloads.
LAWMAKER_DATA_BASE_URL = (
    env.read_url("DAYOFACTION_LAWMAKER_DATA_BASE_URL", default="", schemes=("http", "https"))
    if env.read_str("DAYOFACTION_LAWMAKER_DATA_BASE_URL", default="")
    else ""
)
LAWMAKER_CONGRESS_URL = env.read_url(
    "DAYOFACTION_LAWMAKER_CONGRESS_URL",
    default="https://unitedstates.github.io/congress-legislators/",
    schemes=("http", "https"),
)
LAWMAKER_OPENSTATES_URL = env.read_url(
    "DAYOFACTION_LAWMAKER_OPENSTATES_URL",
    default="https://api.github.com/repos/openstates/people/contents/data/",
    schemes=("http", "https"),
)
LAWMAKER_ZCTA_URL = env.read_url(
    "DAYOFACTION_LAWMAKER_ZCTA_URL",
    default="https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/",
    schemes=("http", "https"),
)
# Sections other apps add to a lawmaker's page: functions (request, lawmaker) -> HTML.
# The lawmakers app imports none of our other apps; this is how they plug in.
LAWMAKER_PAGE_PANELS = [
    "chapters.constituents.lawmaker_constituents_panel",
    "officerequests.panels.lawmaker_contacts_panel",
    "actions.panels.lawmaker_actions_panel",
]
# The schedule board's "proposed" layer: the planner's newest draft (meetings cannot import it).
BOARD_PROPOSED_LAYER = "planner.board.proposed_layer"
# Notes other apps add to a chapter leader's daily summary (followup cannot import them):
# functions (event=, chapter=) -> {"heading", "lines", "url", "link_label"} or None.
LEADER_DIGEST_NOTES = [
    "officerequests.digest.waiting_requests_note",
    "joining.digest.waiting_to_join_note",
]
# What a person must have done before they are seated or planned in an event (meetings and
# the planner cannot import the apps that know): functions (event, user_ids) -> {user_id: why}.
PARTICIPATION_REQUIREMENTS = ["trainings.prerequisites.missing_training"]
# Sections other apps add to an event's page (events cannot import them):
# functions (request, event) -> HTML, "" for a person they have nothing for.
EVENT_PAGE_PANELS = ["trainings.checklist.checklist_panel"]
# Sections other apps add to a person's itinerary (meetings cannot import them): the mentor.
ITINERARY_PANELS = ["trainings.panels.mentor_panel"]
# The "how to take part" sections of a public page (press): functions (request, page) -> HTML.
# Find-your-chapter and the action centre's campaign add theirs here.
# The share cards' fonts (DejaVu Sans: Spanish, Vietnamese, Cyrillic …); Pillow's own
# Latin-only font when the folder has none.
PRESS_CARD_FONT_DIR = Path(
    env.read_str("DAYOFACTION_SHARE_CARD_FONT_DIR", default="/usr/share/fonts/truetype/dejavu")
)
PRESS_TAKE_PART_PROVIDERS = [
    "press.take_part.register_for_the_day",
    "press.take_part.coalition_rsvp",
    "actions.take_part.open_campaigns",
    "joining.take_part.find_your_chapter",
]
# The state legislatures imported (Open States folders).
LAWMAKER_STATES = [
    code.upper()
    for code in env.read_list("DAYOFACTION_LAWMAKER_STATES", default=["CA", "MA", "MN", "TN"])
]

# Invitations to join a chapter stay valid this many days.
INVITATION_VALID_DAYS = env.read_int("DAYOFACTION_INVITATION_VALID_DAYS", default=14, minimum=1)

# The outbox (every email a row, sent once): how often the beat dispatches due rows,
# when a dispatched row is put on the broker again (its task lost with the broker),
# when a row left "sending" by a dead worker is queued again, and retry backoff.
OUTBOX_DISPATCH_SECONDS = env.read_int(
    "DAYOFACTION_OUTBOX_DISPATCH_SECONDS", default=60, minimum=1
)
OUTBOX_REDISPATCH_SECONDS = env.read_int(
    "DAYOFACTION_OUTBOX_REDISPATCH_SECONDS", default=300, minimum=1
)
OUTBOX_STUCK_SECONDS = env.read_int("DAYOFACTION_OUTBOX_STUCK_SECONDS", default=900, minimum=1)
OUTBOX_RETRY_BASE_SECONDS = 60
OUTBOX_RETRY_MAX_SECONDS = 60 * 60
OUTBOX_MAX_ATTEMPTS = env.read_int("DAYOFACTION_OUTBOX_MAX_ATTEMPTS", default=6, minimum=1)

# Talking points: the largest leave-behind PDF staff may upload, in megabytes.
LEAVE_BEHIND_MAX_MB = env.read_int("DAYOFACTION_LEAVE_BEHIND_MAX_MB", default=10, minimum=1)

# Reports: exports with more rows than this are written by a worker, with a progress bar.
REPORTS_EXPORT_INLINE_ROWS = env.read_int(
    "DAYOFACTION_REPORTS_EXPORT_INLINE_ROWS", default=5000, minimum=0
)
# A background export still running (or waiting) after this long lost its worker: the
# sweep marks it failed. Longer than the task's time limit (CELERY_TASK_TIME_LIMIT).
REPORTS_EXPORT_STUCK_SECONDS = env.read_int(
    "DAYOFACTION_REPORTS_EXPORT_STUCK_SECONDS", default=30 * 60, minimum=60
)
# Background export files are deleted this many days after they were written (they hold
# people's reports); the job's page then says the file expired.
REPORTS_EXPORT_RETENTION_DAYS = env.read_int(
    "DAYOFACTION_REPORTS_EXPORT_RETENTION_DAYS", default=7, minimum=1
)

# Planner: how long the solver may think by default, the most staff may ask for, and its
# determinism (a fixed seed; one worker makes a run repeatable, more use the cores).
PLANNER_TIME_LIMIT_SECONDS = env.read_int(
    "DAYOFACTION_PLANNER_TIME_LIMIT_SECONDS", default=10, minimum=1
)
PLANNER_MAX_TIME_LIMIT_SECONDS = env.read_int(
    "DAYOFACTION_PLANNER_MAX_TIME_LIMIT_SECONDS", default=300, minimum=1
)
PLANNER_WORKERS = env.read_int("DAYOFACTION_PLANNER_WORKERS", default=1, minimum=1)
PLANNER_SEED = 12
# A plan still running (or waiting) after this long lost its worker: the sweep marks it
# failed and the page offers to plan again. Longer than the task's time limit.
PLANNER_RUN_STUCK_SECONDS = env.read_int(
    "DAYOFACTION_PLANNER_RUN_STUCK_SECONDS", default=15 * 60, minimum=60
)

# Virtual days (issue 15): the organisation's own video server (e.g. a self-hosted Jitsi),
# where rooms are made with unguessable names; empty means none. How many video accounts
# ("lines") it has to host meetings at once, and the minutes a line rests between meetings.
VIDEO_SERVER_URL = (
    env.read_url("DAYOFACTION_VIDEO_SERVER_URL", default="", schemes=("https",)).rstrip("/")
    if env.read_str("DAYOFACTION_VIDEO_SERVER_URL", default="")
    else ""
)
VIDEO_LINES = env.read_int("DAYOFACTION_VIDEO_LINES", default=10, minimum=0)
VIDEO_LINE_REST_MINUTES = env.read_int("DAYOFACTION_VIDEO_LINE_REST_MINUTES", default=10)

# Security: on whenever DEBUG is off, so production passes check --deploy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.read_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.read_int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.read_bool(
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
    )
    SECURE_HSTS_PRELOAD = env.read_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    if env.read_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Plain lines, or JSON lines for a log collector; the same in web, worker and beat.
LOG_FORMAT = logs.log_format_from_env()
LOGGING_CONFIG = "dayofaction.logs.configure"
LOGGING = logs.logging_config(
    level=env.read_choice(
        "DJANGO_LOG_LEVEL", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR")
    ),
    log_format=LOG_FORMAT,
)
# Celery's worker would otherwise replace the root logger's handler, and so the format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Errors of requests and tasks go to Sentry when SENTRY_DSN is set, without personal data.
error_reporting_start(debug=DEBUG)

# Mentors (issue 17): how many first-timers one experienced member mentors at most.
MENTEES_PER_MENTOR = env.read_int("DAYOFACTION_MENTEES_PER_MENTOR", default=2, minimum=1)

# Office requests (issue 14): days without an answer before each polite reminder (two at most).
OFFICE_REQUEST_CHASE_DAYS = env.read_int(
    "DAYOFACTION_OFFICE_REQUEST_CHASE_DAYS", default=5, minimum=1
)

CELERY_BEAT_SCHEDULE = {
    "officerequests-chase": {
        "task": "officerequests.tasks.chase_requests",
        "schedule": 3600.0,
    },
    "outbox-dispatch-due": {
        "task": "outbox.tasks.dispatch_due",
        "schedule": OUTBOX_DISPATCH_SECONDS,
    },
    "outbox-sweep-stuck": {"task": "outbox.tasks.sweep_stuck", "schedule": 60},
    "followup-plan-upcoming-events": {
        "task": "followup.tasks.plan_upcoming_events",
        "schedule": crontab(minute=7),
    },
    "followup-nudge-due-items": {
        "task": "followup.tasks.nudge_due_follow_up_items",
        "schedule": crontab(hour=9, minute=3),
    },
    "reports-sweep-stuck-exports": {
        "task": "reports.tasks.sweep_stuck_exports",
        "schedule": 5 * 60,
    },
    "planner-sweep-stuck-runs": {"task": "planner.tasks.sweep_stuck_runs", "schedule": 60},
    "reports-delete-expired-exports": {
        "task": "reports.tasks.delete_expired_exports",
        "schedule": crontab(minute=23),
    },
    "expire-invitations": {"task": "chapters.tasks.expire_invitations", "schedule": 60 * 60},
    "refresh-lawmakers": {
        "task": "lawmakers.tasks.refresh_lawmakers",
        "schedule": crontab(hour=4, minute=17, day_of_week="sunday"),
    },
}

# The action centre's public pages (actions/): how many lookups, logged actions and
# letters one client address, and one email address, may make per window.
ACTIONS_LIMIT_PER_ADDRESS = env.read_int("DAYOFACTION_ACTIONS_LIMIT_PER_ADDRESS", default=60)
ACTIONS_LIMIT_PER_EMAIL = env.read_int("DAYOFACTION_ACTIONS_LIMIT_PER_EMAIL", default=30)
ACTIONS_LIMIT_WINDOW_SECONDS = env.read_int(
    "DAYOFACTION_ACTIONS_LIMIT_WINDOW_SECONDS", default=600, minimum=1
)
