"""Where the data files come from: a folder laid out like ../shared/data, or URLs.

Each part of the data (congress-legislators, Open States people, the ZCTA
table) is a `Source` rooted at its own folder or base URL, so a deployment can
point every part at its published location, or all of them at one mirror.
"""

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

from lawmakers.importers.errors import DataFileError, DownloadError, MissingFile

CONGRESS_DIR = "congress-legislators"
OPENSTATES_DIR = "openstates-people"
ZCTA_DIR = "zip-congressional-districts"

USER_AGENT = "dayofaction-lawmaker-import/1.0"
_HREF = re.compile(r"""href=["']([^"'?#]+)(?:[?#][^"']*)?["']""", re.IGNORECASE)


class FolderSource:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def describe(self, name: str) -> str:
        return str(self.root / name)

    def read_bytes(self, name: str) -> bytes:
        path = self.root / name
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise MissingFile(str(path), "file not found") from None
        except OSError as error:
            raise DataFileError(str(path), f"cannot be read ({error.strerror})") from None

    def list_files(self, folder: str, suffixes: tuple[str, ...]) -> list[str]:
        path = self.root / folder
        if not path.is_dir():
            raise DataFileError(str(path), "folder not found")
        return sorted(
            f"{folder}/{child.name}"
            for child in path.iterdir()
            if child.is_file() and child.name.endswith(suffixes)
        )


class UrlSource:
    """Files below a base URL. Folder listings are read from an HTML index (a web
    server's directory page) or from the JSON of GitHub's contents API."""

    def __init__(self, base_url: str, *, timeout: float = 60):
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout

    def describe(self, name: str) -> str:
        return urljoin(self.base_url, name)

    def _get(self, url: str) -> tuple[bytes, str]:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise MissingFile(url, "file not found (HTTP 404)") from None
            raise DownloadError(url, f"download failed: HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise DownloadError(url, f"download failed: {reason}") from None

    def read_bytes(self, name: str) -> bytes:
        return self._get(self.describe(name))[0]

    def list_files(self, folder: str, suffixes: tuple[str, ...]) -> list[str]:
        folder_url = self.describe(folder.rstrip("/") + "/")
        body, content_type = self._get(folder_url)
        if "json" in content_type:
            try:
                entries = json.loads(body)
                urls = [entry["download_url"] for entry in entries if entry.get("download_url")]
            except (ValueError, TypeError, KeyError):
                raise DataFileError(folder_url, "the folder listing is not valid JSON") from None
        else:
            text = body.decode("utf-8", errors="replace")
            urls = [urljoin(folder_url, href) for href in _HREF.findall(text)]
        return sorted({url for url in urls if url.endswith(suffixes)})


def folder_sources(root: Path | str) -> dict[str, FolderSource]:
    root = Path(root)
    return {
        "congress": FolderSource(root / CONGRESS_DIR),
        "openstates": FolderSource(root / OPENSTATES_DIR),
        "zcta": FolderSource(root / ZCTA_DIR),
    }


def url_sources(base_url: str) -> dict[str, UrlSource]:
    """Every part below one base URL laid out like the data folder (a mirror)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return {
        "congress": UrlSource(urljoin(base, CONGRESS_DIR + "/")),
        "openstates": UrlSource(urljoin(base, OPENSTATES_DIR + "/")),
        "zcta": UrlSource(urljoin(base, ZCTA_DIR + "/")),
    }


def published_sources(*, congress_url: str, openstates_url: str, zcta_url: str) -> dict:
    """Each part from its own published location."""
    return {
        "congress": UrlSource(congress_url),
        "openstates": UrlSource(openstates_url),
        "zcta": UrlSource(zcta_url),
    }
