"""The directory: loading the reference data, and the public pages as data grows."""

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    SeatDefinition,
)
from rihub.directory.services import sync_seats
from rihub.lib.reference import load_file

Timer = Callable[..., float]
PAGES = ["/", "/who-we-are/"]


def run(timed: Timer) -> Iterator[str]:
    path = settings.RIHUB_REFERENCE_DATA
    first = timed(lambda: load_file(path))
    again = timed(lambda: load_file(path), 5)
    yield f"load_reference_data, empty database   {first:8.1f} ms"
    yield f"load_reference_data, again (no-op)    {again:8.1f} ms"

    yield from measure_pages(timed, "reference data")
    grow(bodies=200)
    yield from measure_pages(timed, "plus 200 bodies, 400 seats")


def measure_pages(timed: Timer, label: str) -> Iterator[str]:
    client = Client()
    for page in PAGES:
        queries = count_queries(partial(check, client, page))
        ms = timed(partial(client.get, page), 20)
        yield f"GET {page:<14} {label:<28} {ms:8.1f} ms  {queries:3} queries"


def check(client: Client, page: str) -> None:
    response = client.get(page)
    if response.status_code != 200:
        raise SystemExit(f"GET {page} answered {response.status_code}")


def count_queries(action: Callable[[], None]) -> int:
    """Count the statements sent to the database, whatever DEBUG says."""
    executed = []

    def count(execute: Any, sql: str, *args: Any) -> Any:
        executed.append(sql)
        return execute(sql, *args)

    cache.clear()
    with connection.execute_wrapper(count):
        action()
    return len(executed)


def grow(bodies: int) -> None:
    """Add committees with two seats each, one held by an institution."""
    economy = Economy.objects.first()
    for n in range(bodies):
        ministry = Organisation.objects.create(
            name=f"Bench ministry {n}", kind="government", economy=economy
        )
        body = Body.objects.create(
            name=f"Bench committee {n}", slug=f"bench-{n}", kind="other"
        )
        SeatDefinition.objects.create(body=body, role="Member", count=2)
        seat = sync_seats(body)[0]
        Mandate.objects.create(seat=seat, organisation=ministry)
