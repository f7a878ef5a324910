"""A real SMTP server on loopback (aiosmtpd), for tests that send mail."""

import email
import email.policy
import socket
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller
from django.test import SimpleTestCase, override_settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def smtp_settings(port: int, **extra: object) -> override_settings:
    """Settings that send Django's mail over SMTP to this port on loopback."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        **extra,
    )


class Mailbox:
    """The aiosmtpd handler: keeps every message the server accepted."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # The modern policy decodes headers: a subject reads as the recipient sees it.
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


class SmtpServerMixin(SimpleTestCase):
    """Start one SMTP server for the test class and send Django's mail to it."""

    mailbox: Mailbox

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.mailbox = Mailbox()
        port = free_port()
        controller = Controller(cls.mailbox, hostname="127.0.0.1", port=port)
        controller.start()
        cls.addClassCleanup(controller.stop)
        smtp = smtp_settings(port)
        smtp.enable()
        cls.addClassCleanup(smtp.disable)

    def setUp(self) -> None:
        super().setUp()
        self.mailbox.messages.clear()
