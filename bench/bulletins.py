"""Mailing one bulletin to many subscribers through SMTP, to a sink that counts.

The sink is an aiosmtpd server in a process of its own on 127.0.0.1, so that
its work does not count against the sender's. The rate limit is lifted: the
figures are what one sending process manages.
"""

import logging
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from typing import Any

from django.db import connection
from django.test.utils import override_settings
from wagtail.models import Locale

from rihub.bulletins.models import (
    BulletinIndexPage,
    BulletinPage,
    Campaign,
    Delivery,
    Subscriber,
)
from rihub.bulletins.sending.campaigns import counts, send_campaign, start_campaign
from rihub.bulletins.sending.rendering import Editions, message_for
from rihub.tests.smtp import free_port, smtp_settings
from rihub.website.skeleton import ensure_site

SUBSCRIBERS = 20_000
# Seven in ten read English; the others Albanian (translated), Serbian, Turkish.
LANGUAGES = ["en"] * 7 + ["sq", "sr", "tr"]
RENDER_SAMPLE = 1_000


def run(subscribers: int = SUBSCRIBERS) -> Iterator[str]:
    bulletin = make_bulletin()
    started = time.perf_counter()
    generate(subscribers)
    made = ms_since(started)
    yield f"bulletins, {subscribers:,} subscribers generated in bulk  {made:8.0f} ms"

    started = time.perf_counter()
    campaign = start_campaign(bulletin)
    made = ms_since(started)
    yield f"start_campaign: a delivery for each subscriber       {made:8.0f} ms"

    edition_ms, message_ms = rendering_costs(campaign)
    yield f"rendering: each language's edition once       {edition_ms:8.1f} ms"
    yield f"rendering: per message (links, MIME, bytes)   {message_ms:8.3f} ms"

    before = peak_mb()
    with sink() as (port, received), smtp_to(port):
        started = time.perf_counter()
        statements = count_statements(lambda: send_campaign(campaign))
        seconds = time.perf_counter() - started
    yield from report(campaign, received.value, seconds, statements, before)


def report(
    campaign: Campaign, received: int, seconds: float, statements: int, before: float
) -> Iterator[str]:
    figures = counts(campaign)
    if received != figures.total or figures.sent != figures.total:
        raise SystemExit(f"sink counted {received}, campaign says {figures}")
    rate = figures.sent / seconds
    per_message = statements / figures.sent
    sent = figures.sent
    yield f"send_campaign: {sent:,} messages in {seconds:.1f} s   {rate:8.0f} msg/s"
    yield f"send_campaign: per message, all included       {1000 / rate:8.3f} ms"
    yield f"send_campaign: database statements per message {per_message:8.2f}"
    after = peak_mb()
    yield f"peak memory (max RSS): {before:.0f} MB before sending, {after:.0f} after"


def make_bulletin() -> BulletinPage:
    home = ensure_site()
    index = home.add_child(
        instance=BulletinIndexPage(title="Bulletin", slug="bulletin")
    )
    page = BulletinPage(
        title="Housing and employment",
        slug="2018-q2",
        year=2018,
        quarter=2,
        summary="What the economies did for Roma housing and employment.",
        editorial="<p>" + "The Task Force met in Tirana. " * 20 + "</p>",
        body=[section(n) for n in range(4)],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()

    albanian = Locale.objects.create(language_code="sq")
    translation = page.copy_for_translation(albanian, copy_parents=True)
    translation.save_revision().publish()
    return page


def section(n: int) -> dict[str, Any]:
    items = [
        {
            "title": f"Development {n}.{k} in the region",
            "date": "2018-05-14",
            "meta": "Tirana, Albania",
            "summary": "Operational directions agreed for housing. " * 3,
            "link": f"/news/development-{n}-{k}/",
        }
        for k in range(5)
    ]
    intro = '<p>What moved in <a href="/topics/housing/">housing</a>.</p>'
    return {
        "type": "section",
        "value": {"heading": f"Section {n}", "intro": intro, "items": items},
    }


def generate(count: int) -> None:
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"subscriber{n}@example.org",
                language=LANGUAGES[n % len(LANGUAGES)],
                status=Subscriber.Status.CONFIRMED,
            )
            for n in range(count)
        ),
        batch_size=2_000,
    )


def rendering_costs(campaign: Campaign) -> tuple[float, float]:
    """The editions' cost once, then each message's, without any SMTP."""
    editions = Editions(campaign.bulletin)
    started = time.perf_counter()
    for language in set(LANGUAGES):
        editions.for_language(language)
    edition_ms = ms_since(started)

    sample = list(
        Delivery.objects.filter(campaign=campaign)
        .select_related("subscriber")
        .order_by("pk")[:RENDER_SAMPLE]
    )
    started = time.perf_counter()
    for delivery in sample:
        message_for(delivery, editions).message().as_bytes()
    return edition_ms, ms_since(started) / len(sample)


def count_statements(action: Callable[[], object]) -> int:
    executed = 0

    def count(execute: Any, sql: str, *args: Any) -> Any:
        nonlocal executed
        executed += 1
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        action()
    return executed


class Counting:
    """The sink's handler: accepts every message and counts it."""

    def __init__(self, received: "Synchronized[int]") -> None:
        self.received = received

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.received.get_lock():
            self.received.value += 1
        return "250 OK"


def serve(port: int, received: "Synchronized[int]", ready: Event, stop: Event) -> None:
    from aiosmtpd.controller import Controller

    # aiosmtpd logs every command it reads: a sink of its own writing otherwise.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(Counting(received), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


@contextmanager
def sink() -> Iterator[tuple[int, "Synchronized[int]"]]:
    context = multiprocessing.get_context("fork")
    port = free_port()
    received = context.Value("i", 0)
    ready, stop = context.Event(), context.Event()
    process = context.Process(target=serve, args=(port, received, ready, stop))
    process.start()
    try:
        if not ready.wait(30):
            raise SystemExit("the SMTP sink did not start")
        yield port, received
    finally:
        stop.set()
        process.join(10)


def smtp_to(port: int) -> override_settings:
    return smtp_settings(port, RIHUB_BULLETIN_PER_MINUTE=10**9)


def peak_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000
