"""An SMTP sink (as tests/e2e/smtp_sink.py) that stalls once, after N messages.

The first RCPT after `--stall-after` messages hangs for a long time, so the
sending worker is caught between two messages of a batch: every message before
was received and answered, the next one is half-way. Later connections go on
normally. Prints `stalled` when it happens.
"""

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.e2e.smtp_sink import KeepInFolder, serve_handler


class StallOnce(KeepInFolder):
    def __init__(self, directory: Path, stall_after: int):
        super().__init__(directory)
        self.stall_after = stall_after
        self.received = 0
        self.stalled = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.stalled and self.received >= self.stall_after:
            self.stalled = True
            print("stalled", flush=True)
            await asyncio.sleep(600)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received += 1
        return await super().handle_DATA(server, session, envelope)


async def serve(directory: Path, stall_after: int) -> None:
    await serve_handler(StallOnce(directory, stall_after), hostname="stalling-sink.localhost")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--directory", required=True, type=Path)
    parser.add_argument("--stall-after", required=True, type=int)
    options = parser.parse_args()
    options.directory.mkdir(parents=True, exist_ok=True)
    asyncio.run(serve(options.directory, options.stall_after))
