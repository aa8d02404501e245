"""Benchmark: import Congress, four state legislatures and the ZIP table into an
empty PostgreSQL database, then re-run the unchanged import.

Run from the repository root:  .venv/bin/python bench/import_lawmakers.py
Uses its own database (BENCH_DATABASE_URL, default bench_lawmakers on the local
server), dropped and re-created each run. Prints `name: value unit` lines.
"""

import os
import time

from benchlib import recreate_database

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_lawmakers"
)


def main() -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dayofaction.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-use")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    recreate_database(DATABASE_URL)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from lawmakers.importers.sources import folder_sources
    from lawmakers.services import lawmakers_import

    call_command("migrate", verbosity=0, interactive=False)
    sources = folder_sources(settings.LAWMAKER_DATA_DIR)

    def run():
        started = time.perf_counter()
        summary = lawmakers_import(
            congress_source=sources["congress"],
            openstates_source=sources["openstates"],
            states=("CA", "MA", "MN", "TN"),
            zcta_source=sources["zcta"],
        )
        return time.perf_counter() - started, summary

    full_seconds, full = run()
    rerun_seconds, rerun = run()
    written = sum(c.created + c.updated + c.retired + c.removed for c in rerun.counts.values())
    print(f"full_import_seconds: {full_seconds:.2f} s")
    print(f"rerun_seconds: {rerun_seconds:.2f} s")
    print(f"rows_created_full_import: {sum(c.created for c in full.counts.values())} rows")
    print(f"rows_written_rerun: {written} rows")


if __name__ == "__main__":
    main()
