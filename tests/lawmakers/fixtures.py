"""The real public data imported once per test module that asks for it.

The import is written outside the tests' transactions (django_db_blocker) and
wiped when the module ends, so other test modules see an empty lawmaker table.
"""

import datetime

import pytest
import time_machine
from django.conf import settings

from lawmakers.importers.sources import folder_sources
from lawmakers.models import Committee, CommitteeSeat, DistrictOffice, Lawmaker, ZipDistrict
from lawmakers.services import lawmakers_import

REAL_STATES = ("CA", "MA", "MN", "TN")
# The README's counts are of the snapshot's week; the appointed senators' terms end on
# 2026-11-03, and serving asks the date, so imports say what they said that week.
SNAPSHOT_DAY = datetime.datetime(2026, 6, 20, 12, tzinfo=datetime.UTC)


def import_real_data():
    sources = folder_sources(settings.LAWMAKER_DATA_DIR)
    with time_machine.travel(SNAPSHOT_DAY):
        return lawmakers_import(
            congress_source=sources["congress"],
            openstates_source=sources["openstates"],
            states=REAL_STATES,
            zcta_source=sources["zcta"],
        )


def wipe_lawmakers():
    ZipDistrict.objects.all().delete()
    CommitteeSeat.objects.all().delete()
    DistrictOffice.objects.all().delete()
    Committee.objects.exclude(parent=None).delete()
    Committee.objects.all().delete()
    Lawmaker.objects.all().delete()


@pytest.fixture(scope="module")
def real_lawmakers(django_db_setup, django_db_blocker):
    """The summary of a full import of ../shared/data (skips when it is absent)."""
    if not (settings.LAWMAKER_DATA_DIR / "congress-legislators").is_dir():
        pytest.skip(f"no lawmaker data at {settings.LAWMAKER_DATA_DIR}")
    with django_db_blocker.unblock():
        summary = import_real_data()
    yield summary
    with django_db_blocker.unblock():
        wipe_lawmakers()
