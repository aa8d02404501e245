"""Settings for the test suite: the real PostgreSQL and Redis of the machine.

Connections come from the same environment variables as production, with
this machine's local services as defaults.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dayofaction")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379")
os.environ.setdefault("CACHE_URL", os.environ["REDIS_URL"] + "/1")
os.environ.setdefault("CELERY_BROKER_URL", os.environ["REDIS_URL"] + "/2")

from dayofaction.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Unit tests run tasks in-process; the end-to-end tests start a real worker.
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {
    "default": {
        **CACHES["default"],  # noqa: F405
        "KEY_PREFIX": f"test-{os.getpid()}",
    }
}
WHITENOISE_AUTOREFRESH = True
# Several test runs may share one PostgreSQL server: each can name its own test database.
DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": "test_dayofaction" + os.environ.get("DAYOFACTION_TEST_DB_SUFFIX", "")
}
