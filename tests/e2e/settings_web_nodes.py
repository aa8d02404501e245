"""The production settings, with one change: Django's test-speed password hasher.

For the gunicorn nodes of the two-node test and bench/rush.py only. With the
production hasher (Argon2id at the OWASP baseline: about 30 ms of one core here) a
login is all CPU, and a few thousand of them on a 2-core machine would measure
nothing but the hash: the rush benchmark reports that cost on its own line and
runs with it on request (`--production-hasher`). Everything else (debug off,
secure cookies, sessions in the database, the cache and the broker on Redis) is
what production runs.
"""

from dayofaction.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
