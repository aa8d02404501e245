"""Choose the sources of an import from the command's options and the settings."""

from django.conf import settings

from lawmakers.importers.sources import folder_sources, published_sources, url_sources


def sources_for(*, path=None, base_url: str | None = None, download: bool = False) -> dict:
    """A folder (`path`, default LAWMAKER_DATA_DIR), a mirror (`base_url`), or with
    `download` the mirror in LAWMAKER_DATA_BASE_URL or else the published locations."""
    if base_url:
        return url_sources(base_url)
    if download:
        if settings.LAWMAKER_DATA_BASE_URL:
            return url_sources(settings.LAWMAKER_DATA_BASE_URL)
        return published_sources(
            congress_url=settings.LAWMAKER_CONGRESS_URL,
            openstates_url=settings.LAWMAKER_OPENSTATES_URL,
            zcta_url=settings.LAWMAKER_ZCTA_URL,
        )
    return folder_sources(path or settings.LAWMAKER_DATA_DIR)
