"""Many requests at once against the real PostgreSQL: the harness of the concurrency tests.

Each thread holds its own database connection, all start together at a barrier,
and each takes the next job as soon as it is free, so the jobs race the way
requests from many browsers do. A canary runs the same jobs with a safeguard
switched off and counts what goes wrong.
"""

import queue
import threading
from collections.abc import Callable, Iterable

from django.db import connection


def run_together(
    jobs: Iterable,
    do: Callable,
    *,
    connections: int,
    refusal: type[Exception] | tuple[type[Exception], ...] = (),
) -> tuple[list[str], list[Exception]]:
    """Call `do(job)` for every job from `connections` threads released together.

    Returns the messages of the errors that are `refusal`s (the answer a person
    is shown) and every other exception, which a sound run has none of.
    """
    waiting = queue.SimpleQueue()
    for job in jobs:
        waiting.put(job)
    start = threading.Barrier(connections)
    refused, failed = [], []

    def work():
        connection.ensure_connection()
        start.wait()
        try:
            while True:
                try:
                    job = waiting.get_nowait()
                except queue.Empty:
                    return
                try:
                    do(job)
                except refusal as error:
                    refused.append(str(error))
                except Exception as error:  # the canary counts what goes wrong
                    failed.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return refused, failed
