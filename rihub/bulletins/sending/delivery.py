"""One batch of a campaign: claim the due deliveries, send them on one connection.

A delivery is claimed (status "sending", attempts + 1) in a transaction committed
before any mail goes out, and marked sent the moment the server accepted it. A
worker that dies leaves its claims to run out; the next batch takes them over.
The one message that can go twice is the one in flight when a worker dies, and
it carries the same Message-ID both times.
"""

import contextlib
import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from rihub.bulletins.models import (
    Campaign,
    Delivery,
    Subscriber,
    Suppression,
    address_hash,
)
from rihub.bulletins.sending.rendering import Editions, message_for, message_id
from rihub.bulletins.sending.retry import Failure, backoff, exhausted, failure
from rihub.bulletins.sending.suppression import suppress

logger = logging.getLogger(__name__)
Status = Delivery.Status

# How long a worker holds its batch. It stops starting messages well before the
# end, so that no claim runs out while its message is still being sent.
CLAIM = dt.timedelta(minutes=10)


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    skipped: int = 0
    retry: int = 0
    failed: int = 0
    released: int = 0

    @property
    def attempted(self) -> int:
        return self.sent + self.retry + self.failed


def due(campaign: Campaign, now: dt.datetime) -> QuerySet[Delivery]:
    """Deliveries to send now: new, retries whose wait is over, abandoned claims."""
    waiting = (
        Q(status=Status.QUEUED)
        | Q(status=Status.RETRY, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, claimed_until__lte=now)
    )
    return Delivery.objects.filter(campaign=campaign).filter(waiting)


def send_batch(
    campaign: Campaign, now: dt.datetime | None = None, editions: Editions | None = None
) -> BatchResult:
    """Send the campaign's next batch of due deliveries.

    1. Claim up to RIHUB_BULLETIN_BATCH of them and commit the claim.
    2. Skip those whose subscriber left or whose address is suppressed.
    3. Send the others over one connection, recording each outcome at once.
    """
    now = now or timezone.now()
    sending = Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING)
    if not sending.exists():
        return BatchResult()
    claimed = claim(campaign, now)
    result = BatchResult(claimed=len(claimed))
    if not claimed:
        return result

    wanted = skip_unwanted(claimed, result)

    if wanted:
        batch = Batch(editions or Editions(campaign.bulletin), now, result)
        batch.send(wanted)
    return result


def claim(campaign: Campaign, now: dt.datetime) -> list[Delivery]:
    until = now + CLAIM
    with transaction.atomic():
        rows = due(campaign, now).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        ids = list(rows.values_list("pk", flat=True)[: settings.RIHUB_BULLETIN_BATCH])
        # The due test again: where rows cannot be locked (SQLite), one taken by
        # another worker meanwhile drops out here instead of going twice.
        due(campaign, now).filter(pk__in=ids).update(
            status=Status.SENDING, claimed_until=until, attempts=F("attempts") + 1
        )
    mine = Delivery.objects.filter(pk__in=ids, status=Status.SENDING)
    return list(mine.filter(claimed_until=until).select_related("subscriber"))


def skip_unwanted(claimed: list[Delivery], result: BatchResult) -> list[Delivery]:
    """Mark skipped whoever unsubscribed or is suppressed; return the others."""
    hashes = {d.pk: address_hash(d.subscriber.email) for d in claimed}
    listed = Suppression.objects.filter(address_hash__in=hashes.values())
    suppressed = set(listed.values_list("address_hash", flat=True))

    reasons: dict[int, str] = {}
    for delivery in claimed:
        if hashes[delivery.pk] in suppressed:
            reasons[delivery.pk] = "On the suppression list"
        elif delivery.subscriber.status != Subscriber.Status.CONFIRMED:
            reasons[delivery.pk] = "Subscription not confirmed"

    for reason in set(reasons.values()):
        ids = [pk for pk, given in reasons.items() if given == reason]
        Delivery.objects.filter(pk__in=ids).update(
            status=Status.SKIPPED, claimed_until=None, last_error=reason
        )
    result.skipped = len(reasons)
    return [d for d in claimed if d.pk not in reasons]


class Batch:
    """The messages of one batch, sent one after another on one connection."""

    def __init__(self, editions: Editions, now: dt.datetime, result: BatchResult):
        self.editions = editions
        self.now = now
        self.result = result
        margin = 2 * settings.EMAIL_TIMEOUT + 30
        self.deadline = time.monotonic() + CLAIM.total_seconds() - margin

    def send(self, deliveries: list[Delivery]) -> None:
        backend = get_connection()
        try:
            backend.open()
        except Exception as error:
            # No connection, no message: every delivery waits for the next try.
            problem = failure(error)
            logger.warning("Bulletin batch not sent: %s", problem.error)
            for delivery in deliveries:
                self.record_failure(delivery, problem)
            return

        try:
            self.send_each(backend, deliveries)
        finally:
            with contextlib.suppress(OSError):
                backend.close()

    def send_each(self, backend: BaseEmailBackend, deliveries: list[Delivery]) -> None:
        for index, delivery in enumerate(deliveries):
            if time.monotonic() > self.deadline:
                self.release(deliveries[index:])
                return
            problem = self.send_one(backend, delivery)
            if problem is not None and problem.broken:
                self.release(deliveries[index + 1 :])
                return

    def send_one(self, backend: BaseEmailBackend, delivery: Delivery) -> Failure | None:
        try:
            backend.send_messages([message_for(delivery, self.editions)])
        except Exception as error:
            problem = failure(error)
            if problem.unexpected:
                logger.exception("Bulletin delivery %s failed", delivery.pk)
            self.record_failure(delivery, problem)
            return problem

        # Recorded at once, in its own statement: a crash after this line
        # never sends this subscriber the bulletin again.
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Status.SENT,
            sent_at=timezone.now(),
            message_id=message_id(delivery),
            claimed_until=None,
            last_error="",
        )
        self.result.sent += 1
        return None

    @transaction.atomic
    def record_failure(self, delivery: Delivery, problem: Failure) -> None:
        changes: dict[str, object] = {"claimed_until": None}
        changes["last_error"] = problem.error[:500]
        if problem.permanent or exhausted(delivery.attempts):
            changes["status"] = Status.FAILED
            self.result.failed += 1
        else:
            changes["status"] = Status.RETRY
            changes["next_attempt_at"] = self.now + backoff(delivery.attempts)
            self.result.retry += 1
        Delivery.objects.filter(pk=delivery.pk).update(**changes)

        if problem.refused:
            suppress(
                delivery.subscriber.email, Suppression.Reason.REFUSED, problem.error
            )

    def release(self, deliveries: list[Delivery]) -> None:
        """Give back claims not tried in this batch, their attempt not counted."""
        if not deliveries:
            return
        ids = [d.pk for d in deliveries]
        mine = Delivery.objects.filter(pk__in=ids, status=Status.SENDING)
        mine.filter(attempts=1).update(
            status=Status.QUEUED, claimed_until=None, attempts=0
        )
        mine.update(
            status=Status.RETRY,
            next_attempt_at=self.now,
            claimed_until=None,
            attempts=F("attempts") - 1,
        )
        self.result.released += len(ids)
