"""A bulletin's campaign: one delivery per subscriber, sent in batches at a set rate."""

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from rihub.bulletins.models import (
    BulletinPage,
    Campaign,
    Delivery,
    Subscriber,
    Suppression,
    address_hash,
)
from rihub.bulletins.sending.delivery import BatchResult, due, send_batch
from rihub.bulletins.sending.rendering import Editions

Status = Delivery.Status
FINAL = [Status.SENT, Status.FAILED, Status.SKIPPED]
CHUNK = 2_000


class SendingError(Exception):
    """A campaign that cannot start; the message is safe to show."""


@dataclass(frozen=True)
class Counts:
    total: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    retry: int = 0

    @property
    def remaining(self) -> int:
        return self.total - self.sent - self.failed - self.skipped

    @property
    def finished(self) -> int:
        return self.total - self.remaining

    @classmethod
    def of(cls, by_status: dict[str, int]) -> "Counts":
        return cls(
            total=sum(by_status.values()),
            sent=by_status.get(Status.SENT, 0),
            failed=by_status.get(Status.FAILED, 0),
            skipped=by_status.get(Status.SKIPPED, 0),
            retry=by_status.get(Status.RETRY, 0),
        )


def counts(campaign: Campaign) -> Counts:
    rows = Delivery.objects.filter(campaign=campaign).values_list("status")
    return Counts.of(dict(rows.annotate(n=Count("pk")).order_by()))


@transaction.atomic
def start_campaign(bulletin: BulletinPage) -> Campaign:
    """The bulletin's campaign, with a delivery for every confirmed subscriber.

    Run again, it adds only those who confirmed since; a campaign already sent
    is left as it is.
    """
    if not bulletin.live:
        raise SendingError(_("Only a published bulletin can be sent."))
    campaign, _created = Campaign.objects.get_or_create(bulletin=bulletin)
    if campaign.status == Campaign.Status.DONE:
        return campaign

    add_deliveries(campaign)
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.SENDING,
        started_at=Coalesce("started_at", timezone.now()),
    )
    campaign.refresh_from_db()
    return campaign


def add_deliveries(campaign: Campaign) -> None:
    """One delivery per confirmed subscriber whose address is not suppressed."""
    suppressed = set(Suppression.objects.values_list("address_hash", flat=True))
    rows = Subscriber.objects.confirmed().order_by("pk").values_list("pk", "email")
    for chunk in chunks(rows.iterator(chunk_size=CHUNK), CHUNK):
        Delivery.objects.bulk_create(
            [
                Delivery(campaign=campaign, subscriber_id=pk)
                for pk, email in chunk
                if address_hash(email) not in suppressed
            ],
            ignore_conflicts=True,
        )


def chunks(
    rows: Iterable[tuple[int, str]], size: int
) -> Iterator[list[tuple[int, str]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def send_campaign(
    campaign: Campaign,
    progress: Callable[[Counts], None] | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], dt.datetime] = timezone.now,
) -> Counts:
    """Send batch after batch at the configured rate, until nothing is due.

    The campaign is done when every delivery is sent, failed or skipped; with
    retries still waiting, it stays "sending" for a later run to finish.
    """
    editions = Editions(campaign.bulletin)
    while True:
        started = time.monotonic()
        result = send_batch(campaign, now=clock(), editions=editions)
        if progress is not None:
            progress(counts(campaign))
        if not result.claimed:
            break

        wait = pause(result) - (time.monotonic() - started)
        if wait > 0 and due(campaign, clock()).exists():
            sleep(wait)

    finish(campaign)
    return counts(campaign)


def pause(result: BatchResult) -> float:
    """Seconds the batch's messages take at RIHUB_BULLETIN_PER_MINUTE."""
    return 60 * result.attempted / settings.RIHUB_BULLETIN_PER_MINUTE


def finish(campaign: Campaign) -> bool:
    """Mark the campaign done if no delivery is left to send."""
    open_deliveries = Delivery.objects.filter(campaign=campaign).exclude(
        status__in=FINAL
    )
    if open_deliveries.exists():
        return False
    Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).update(
        status=Campaign.Status.DONE, finished_at=timezone.now()
    )
    campaign.refresh_from_db(fields=["status", "finished_at"])
    return campaign.status == Campaign.Status.DONE


def next_due(campaign: Campaign) -> dt.datetime | None:
    """When a delivery of the campaign is next due, if any is left to send."""
    pending = Delivery.objects.filter(campaign=campaign)
    if pending.filter(status=Status.QUEUED).exists():
        return timezone.now()
    found = pending.aggregate(
        retry=Min("next_attempt_at", filter=Q(status=Status.RETRY)),
        claim=Min("claimed_until", filter=Q(status=Status.SENDING)),
    )
    times = [when for when in found.values() if when is not None]
    return min(times, default=None)
