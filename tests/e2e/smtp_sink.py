"""An SMTP server that keeps every message it receives as one .eml file in a folder.

Run as a process by the end-to-end tests:

    python tests/e2e/smtp_sink.py --directory DIR [--host 127.0.0.1] [--port 0]

With port 0 the system picks a free port; the first line on standard output
says which (`listening 127.0.0.1:PORT`), so the tests never race for a port.
SIGTERM stops it.
"""

import argparse
import asyncio
import itertools
import os
import signal
import time
from pathlib import Path

from aiosmtpd.smtp import SMTP


class KeepInFolder:
    """aiosmtpd handler: write each message to its own file, named to sort by arrival."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(self.counter):06d}.eml"
        partial = self.directory / (name + ".part")
        # Written aside then renamed, so a reader never sees half a message.
        partial.write_bytes(envelope.original_content or envelope.content)
        os.replace(partial, self.directory / name)
        return "250 Message accepted"


async def serve_handler(handler, *, hostname: str, host: str = "127.0.0.1", port: int = 0):
    """Serve SMTP with this aiosmtpd handler, print the bound address, stop on SIGTERM/SIGINT."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname=hostname), host=host, port=port
    )
    bound_host, bound_port = server.sockets[0].getsockname()[:2]
    print(f"listening {bound_host}:{bound_port}", flush=True)
    stopped = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    async with server:
        await stopped.wait()


async def serve(*, host: str, port: int, directory: Path) -> None:
    await serve_handler(
        KeepInFolder(directory), hostname="smtp-sink.localhost", host=host, port=port
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", required=True, type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=0, type=int)
    options = parser.parse_args()
    options.directory.mkdir(parents=True, exist_ok=True)
    asyncio.run(serve(host=options.host, port=options.port, directory=options.directory))


if __name__ == "__main__":
    main()
