import functools
import http.server
import threading

import pytest
from django.conf import settings

from lawmakers.importers.sources import folder_sources
from lawmakers.services import lawmakers_import
from tests.lawmakers.datasets import dataset, write_dataset
from tests.lawmakers.fixtures import real_lawmakers  # noqa: F401 - a fixture


@pytest.fixture
def import_folder():
    """Import a data folder the way the command does; returns the summary."""

    def run(root, *, states=("MN",), congress=True, zcta=True):
        sources = folder_sources(root)
        return lawmakers_import(
            congress_source=sources["congress"] if congress else None,
            openstates_source=sources["openstates"] if states else None,
            states=states,
            zcta_source=sources["zcta"] if zcta else None,
        )

    return run


@pytest.fixture
def small_data(tmp_path):
    """A folder with the hand-made default data set."""
    return write_dataset(tmp_path / "data", dataset())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def data_server():
    """../shared/data served over HTTP on 127.0.0.1 and a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(settings.LAWMAKER_DATA_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
