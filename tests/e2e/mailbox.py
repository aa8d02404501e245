"""Read what the SMTP sink process received: parsed messages, their bodies and links."""

import email
import re
import time
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import getaddresses
from pathlib import Path

LINK = re.compile(r"https?://[^\s<>\"']+")


class Mailbox:
    """The folder the sink writes to, one .eml file per message, oldest first."""

    def __init__(self, *, port: int, directory: Path):
        self.port = port
        self.directory = directory

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(path.read_bytes(), policy=default_policy)
            for path in sorted(self.directory.glob("*.eml"))
        ]

    def clear(self) -> None:
        for path in self.directory.glob("*.eml"):
            path.unlink()

    def wait_for(
        self, *, to: str, subject_contains: str = "", timeout: float = 20.0
    ) -> EmailMessage:
        """The first message to `to` whose subject contains the text; fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            for message in self.messages():
                if _is_addressed_to(message, to) and subject_contains in message["Subject"]:
                    return message
            if time.monotonic() > deadline:
                received = [(str(m["To"]), str(m["Subject"])) for m in self.messages()]
                raise AssertionError(
                    f"No email to {to} with {subject_contains!r} in its subject arrived "
                    f"within {timeout} s; the sink has {received or 'nothing'}."
                )
            time.sleep(0.1)


def _is_addressed_to(message: EmailMessage, address: str) -> bool:
    recipients = message.get_all("To", []) + message.get_all("Cc", [])
    return any(
        parsed_address.lower() == address.lower()
        for _name, parsed_address in getaddresses([str(r) for r in recipients])
    )


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        raise AssertionError(f"The email {message['Subject']!r} has no text part.")
    return part.get_content()


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    if part is None:
        raise AssertionError(f"The email {message['Subject']!r} has no HTML part.")
    return part.get_content()


def link_in(message: EmailMessage, *, containing: str) -> str:
    """The one link of the text part whose address contains `containing`."""
    links = {link for link in LINK.findall(text_of(message)) if containing in link}
    if len(links) != 1:
        raise AssertionError(
            f"Expected one link with {containing!r} in {message['Subject']!r}, found {links}."
        )
    return links.pop()
