"""Meetings and commitments: the public pages with a long archive behind them."""

import datetime as dt
import statistics
import time
from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from django.contrib.auth.models import User
from django.test import Client

from bench.directory import check, count_queries
from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.models import (
    Commitment,
    Decision,
    Meeting,
    ProgressUpdate,
)

MEETINGS, COMMITMENTS, UPDATES = 200, 2_000, 20_000


def run() -> Iterator[str]:
    """Measure with a tenth of the archive, then with all of it."""
    grow(MEETINGS // 10, COMMITMENTS // 10, "small")
    small = measure(pages())
    grow(MEETINGS - MEETINGS // 10, COMMITMENTS - COMMITMENTS // 10, "large")
    large = measure(pages())

    yield (
        f"governance, from a tenth to {MEETINGS} meetings, {COMMITMENTS} commitments"
        f" and {UPDATES} progress updates:"
    )
    for name in large:
        (q1, ms1), (q2, ms2) = small[name], large[name]
        yield (
            f"GET {name:<20} queries {q1:2} -> {q2:2}"
            f"   median {ms1:6.1f} ms -> {ms2:6.1f} ms"
        )


def pages() -> dict[str, str]:
    return {
        "meetings list": "/meetings/",
        "a meeting": a_meeting_page(),
        "commitment tracker": "/commitments/",
    }


def a_meeting_page() -> str:
    """A generated summit: decisions and a hundred-odd commitments to show."""
    summits = Meeting.objects.filter(
        slug__startswith="archive-small-", body__reference_key="high-level-meeting"
    )
    return summits.order_by("pk").first().get_absolute_url()  # type: ignore[union-attr]


def measure(pages: dict[str, str], runs: int = 15) -> dict[str, tuple[int, float]]:
    client = Client()
    figures = {}
    for name, path in pages.items():
        queries = count_queries(partial(check, client, path))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        figures[name] = (queries, statistics.median(times))
    return figures


def grow(meeting_count: int, commitment_count: int, label: str) -> None:
    """Add meetings with decisions, and commitments with ten updates each."""
    task_force = Body.objects.get(reference_key="task-force")
    summit = Body.objects.get(reference_key="high-level-meeting")
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=task_force if n % 4 else summit,
            kind="annual" if n % 4 else "ministerial",
            title=f"Archive meeting {label} {n}",
            slug=f"archive-{label}-{n}",
            year=2000 + n % 25,
            start_date=dt.date(2000 + n % 25, 1 + n % 12, 1 + n % 28),
            place="Belgrade",
        )
        for n in range(meeting_count)
    )
    Decision.objects.bulk_create(
        Decision(meeting=m, text=f"Decision {n}") for n, m in enumerate(meetings)
    )

    ministerial = [m for m in meetings if m.body_id == summit.pk]
    economies = list(Economy.objects.all())
    areas = list(PriorityArea.objects.all())
    commitments = Commitment.objects.bulk_create(
        Commitment(
            meeting=ministerial[n % len(ministerial)],
            economy=economies[n % len(economies)],
            priority_area=areas[n % len(areas)],
            text=f"Commitment {n}",
            status="on_track",
        )
        for n in range(commitment_count)
    )
    reporter = User.objects.create_user(f"bench-reporter-{label}")
    per_commitment = UPDATES // COMMITMENTS
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            commitment=c,
            reported_on=dt.date(2016, 1, 1) + dt.timedelta(days=30 * k),
            status="on_track",
            value=Decimal(k),
            reported_by=reporter,
        )
        for c in commitments
        for k in range(per_commitment)
    )
