import logging

from celery import shared_task
from django.conf import settings

from lawmakers.importers.config import sources_for
from lawmakers.importers.errors import DownloadError
from lawmakers.services import lawmakers_import

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(DownloadError,), retry_backoff=600, max_retries=3)
def refresh_lawmakers() -> None:
    """Weekly: download the published data and update the lawmakers (beat schedule)."""
    sources = sources_for(download=True)
    summary = lawmakers_import(
        congress_source=sources["congress"],
        openstates_source=sources["openstates"],
        states=tuple(settings.LAWMAKER_STATES),
        zcta_source=sources["zcta"],
    )
    for line in summary.lines():
        logger.info("lawmaker refresh: %s", line)
