"""An SMTP server that keeps every message it receives as one .eml file in a folder.

Run as a process by the end-to-end tests:

    python tests/e2e/smtp_sink.py --directory DIR [--host 127.0.0.1] [--port 0]
        [--refuse-rcpt ADDRESS=CODE ...] [--password PASSWORD]

With port 0 the system picks a free port; the first line on standard output
says which (`listening 127.0.0.1:PORT`), so the tests never race for a port.
SIGTERM stops it.

To test how a sender takes a server's answers, it can answer chosen codes:
`--refuse-rcpt gone@example.org=550` answers RCPT TO for that address with
550 (any 4xx or 5xx code), and `--password` offers AUTH (without TLS, on the
loopback only) and refuses with 535 every login whose password differs.
Sessions that do not log in are served as usual.
"""

import argparse
import asyncio
import itertools
import os
import signal
import time
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REPLIES = {
    421: "4.3.2 Service shutting down",
    450: "4.2.1 Mailbox busy, try again later",
    451: "4.7.1 Try again later",
    452: "4.2.2 Mailbox full",
    550: "5.1.1 No such mailbox here",
    551: "5.1.6 Mailbox moved",
    552: "5.2.2 Mailbox over quota",
    553: "5.1.3 Bad address syntax",
    554: "5.7.1 Refused",
}


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


class AnswerChosenCodes(KeepInFolder):
    """KeepInFolder, but RCPT TO for the chosen addresses is answered with their code."""

    def __init__(self, directory: Path, refusals: dict[str, int]):
        super().__init__(directory)
        self.refusals = {address.lower(): code for address, code in refusals.items()}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.refusals.get(address.lower())
        if code is not None:
            return f"{code} {REPLIES.get(code, 'Refused for this test')}"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def password_checker(password: str):
    """An aiosmtpd authenticator that lets in any login with this password, and no other."""
    expected = password.encode()

    def check(server, session, envelope, mechanism, auth_data):
        accepted = isinstance(auth_data, LoginPassword) and auth_data.password == expected
        # handled=False: aiosmtpd itself answers a refusal, with 535.
        return AuthResult(success=accepted, handled=False)

    return check


async def serve_handler(
    handler, *, hostname: str, host: str = "127.0.0.1", port: int = 0, **smtp_options
):
    """Serve SMTP with this aiosmtpd handler, print the bound address, stop on SIGTERM/SIGINT.

    `smtp_options` go to aiosmtpd's SMTP (an authenticator, for instance).
    """
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname=hostname, **smtp_options), host=host, port=port
    )
    bound_host, bound_port = server.sockets[0].getsockname()[:2]
    print(f"listening {bound_host}:{bound_port}", flush=True)
    stopped = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    async with server:
        await stopped.wait()


async def serve(
    *, host: str, port: int, directory: Path, refusals: dict[str, int], password: str
) -> None:
    handler = AnswerChosenCodes(directory, refusals) if refusals else KeepInFolder(directory)
    smtp_options = {}
    if password:
        smtp_options = {"authenticator": password_checker(password), "auth_require_tls": False}
    await serve_handler(
        handler, hostname="smtp-sink.localhost", host=host, port=port, **smtp_options
    )


def refusal(text: str) -> tuple[str, int]:
    address, _, code = text.rpartition("=")
    if not address or not code.isdigit() or not 400 <= int(code) < 600:
        raise argparse.ArgumentTypeError(f"{text!r} is not ADDRESS=CODE with a 4xx or 5xx code")
    return address, int(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", required=True, type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=0, type=int)
    parser.add_argument("--refuse-rcpt", action="append", type=refusal, default=[])
    parser.add_argument("--password", default="")
    options = parser.parse_args()
    options.directory.mkdir(parents=True, exist_ok=True)
    asyncio.run(
        serve(
            host=options.host,
            port=options.port,
            directory=options.directory,
            refusals=dict(options.refuse_rcpt),
            password=options.password,
        )
    )


if __name__ == "__main__":
    main()
