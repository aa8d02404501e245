"""A lean SMTP server for benchmarks: every message appended to one spool file.

    python bench/smtp_spool_sink.py --spool FILE

Like tests/e2e/smtp_sink.py (aiosmtpd, a port the system picks, announced as
`listening 127.0.0.1:PORT`), but it does as little as a server can per message,
so a benchmark measures the sender rather than the sink: no file per message, no
parsing. Each record is a header line `<arrival time in ns> <size>` followed by
the message's bytes. The file is flushed when the process stops (SIGTERM);
`read_spool()` gives the records back.
"""

import argparse
import asyncio
import time
from pathlib import Path

import benchlib  # noqa: F401  (puts the project on the path)

from tests.e2e.smtp_sink import serve_handler


class AppendToSpool:
    def __init__(self, spool):
        self.spool = spool

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        self.spool.write(b"%d %d\n" % (time.time_ns(), len(content)))
        self.spool.write(content)
        return "250 Message accepted"


def read_spool(path: Path) -> list[tuple[int, bytes]]:
    """The records of a spool file: (arrival time in ns, message bytes), in arrival order."""
    records = []
    with path.open("rb") as spool:
        while header := spool.readline():
            arrived, size = (int(part) for part in header.split())
            records.append((arrived, spool.read(size)))
    return records


async def serve(spool_path: Path) -> None:
    with spool_path.open("wb") as spool:
        await serve_handler(AppendToSpool(spool), hostname="spool-sink.localhost")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spool", required=True, type=Path)
    asyncio.run(serve(parser.parse_args().spool))
