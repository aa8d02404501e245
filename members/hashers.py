"""How passwords are stored: Argon2id with the OWASP Password Storage Cheat Sheet's parameters.

Django's own Argon2 hasher asks for 100 MiB and eight lanes per hash, and its
PBKDF2 default for a million rounds: about 0.3 s of a core for each log-in,
which is what a registration rush (thousands of members logging in within a
minute) spends its CPU on. Argon2id with 19 MiB, two passes and one lane is the
configuration that cheat sheet recommends as its baseline: memory-hard, so
guessing on GPUs stays as costly, at about 30 ms a log-in here. Passwords stored
with an older hasher are re-stored with this one at their owner's next log-in
(Django does this for every hasher after the first in PASSWORD_HASHERS).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
