"""A published bulletin, its subscribers, and mail servers that misbehave on cue.

Shared by the tests of rendering, sending, the command, webhooks and the admin.
"""

import asyncio
import email
import email.policy
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from django.core.files.images import ImageFile
from django.test import SimpleTestCase, override_settings
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Locale

from rihub.bulletins.models import BulletinIndexPage, BulletinPage, Subscriber
from rihub.tests.smtp import free_port, smtp_settings
from rihub.website.skeleton import ensure_site

Confirmed = Subscriber.Status.CONFIRMED


def picture() -> Image:
    """A small image in the library, for a bulletin's figure."""
    data = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#0b5394").save(data, "PNG")
    upload = ImageFile(data, name="roma-youth-forum.png")
    return Image.objects.create(title="Roma youth forum", file=upload)


def body(image: Image | None = None) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [
        {
            "type": "section",
            "value": {
                "heading": "Task Force",
                "intro": '<p>The <a href="/meetings/">Task Force</a> met twice.</p>',
                "items": [
                    {
                        "title": "Annual meeting in Tirana",
                        "date": "2018-05-14",
                        "meta": "Tirana, Albania",
                        "summary": "Operational directions for housing.",
                        "link": "/meetings/task-force-2018/",
                    },
                    {
                        "title": "Progress report on employment",
                        "date": None,
                        "meta": "",
                        "summary": "",
                        "link": "https://example.org/report.pdf",
                    },
                ],
            },
        },
        {"type": "text", "value": "<p>Read the <a href='/library/'>library</a>.</p>"},
    ]
    if image is not None:
        figure = {
            "image": {"image": image.pk, "alt_text": "Young Roma", "decorative": False}
        }
        blocks.append({"type": "figure", "value": figure | {"caption": "The forum"}})
    return blocks


def archive() -> BulletinIndexPage:
    home = ensure_site()
    found = BulletinIndexPage.objects.child_of(home).first()
    if found is not None:
        return found
    index = home.add_child(
        instance=BulletinIndexPage(title="Bulletin", slug="bulletin")
    )
    index.save_revision().publish()
    return index


def bulletin(
    year: int = 2018, quarter: int = 2, *, image: Image | None = None, live: bool = True
) -> BulletinPage:
    """A bulletin with an editorial, a section of items, text and a figure."""
    page = BulletinPage(
        title="Housing and employment",
        slug=f"{year}-q{quarter}",
        year=year,
        quarter=quarter,
        summary="What the economies did for Roma housing this quarter.",
        editorial='<p>Welcome. See the <a href="/news/">news</a>.</p>',
        body=body(image),
    )
    archive().add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        BulletinPage.objects.filter(pk=page.pk).update(live=False)
    page.refresh_from_db()
    return page


def translated(page: BulletinPage, language: str, title: str) -> BulletinPage:
    locale, _created = Locale.objects.get_or_create(language_code=language)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def subscribers(
    count: int, *, language: str = "en", prefix: str = "reader", **fields: Any
) -> list[Subscriber]:
    made = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"{prefix}{n}@example.org",
            language=language,
            status=fields.get("status", Confirmed),
        )
        for n in range(count)
    )
    return made


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> dict[str, str]:
    """Each text part's decoded content, by content type."""
    found = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            assert isinstance(part, EmailMessage)
            found[part.get_content_type()] = str(part.get_content())
    return found


class Server:
    """An aiosmtpd handler that keeps accepted messages, and can misbehave.

    `refuse` names addresses refused at RCPT with a 5xx (or `refuse_code`);
    `drop_after` makes it hang up after that many messages; `stall_after` makes
    it stop answering after that many, so that a sender hangs mid-batch until
    the test lets go.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()
        self.refuse_code = 550
        self.stall_after: int | None = None
        self.drop_after: int | None = None
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return f"{self.refuse_code} 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            # Hang up without a word, as a server that crashed or lost its link.
            server.transport.close()
            return "421 4.3.0 Gone"
        if self.stall_after is not None and len(self.messages) >= self.stall_after:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "421 4.3.0 Shutting down"
        self.messages.append(parsed(envelope.content))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def recipients(self) -> list[str]:
        return [str(m["To"]) for m in self.messages]


@contextmanager
def smtp_server(server: Server, port: int) -> Iterator[Controller]:
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller
    finally:
        server.release.set()
        controller.stop()


def mail_to(port: int) -> override_settings:
    """Settings that send Django's mail over SMTP to the port on loopback."""
    return smtp_settings(port, EMAIL_TIMEOUT=10)


class ServerMixin(SimpleTestCase):
    """One misbehaving-on-cue SMTP server for the test class; reset for each test."""

    server: Server
    port: int

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server = Server()
        cls.port = free_port()
        cls.enterClassContext(smtp_server(cls.server, cls.port))
        cls.enterClassContext(mail_to(cls.port))

    def setUp(self) -> None:
        super().setUp()
        self.server.reset()
