"""Addresses that get no more bulletins: refused by a server, bounced, complained."""

import re

from django.db import transaction
from django.utils import timezone

from rihub.bulletins.models import Subscriber, Suppression, address_hash


def suppress(email: str, reason: str, detail: str = "") -> Suppression:
    """Put the address on the suppression list; the first reason given stays."""
    entry, _created = Suppression.objects.get_or_create(
        address_hash=address_hash(email),
        defaults={"reason": reason, "detail": redacted(detail, email)[:300]},
    )
    return entry


def redacted(detail: str, email: str) -> str:
    """The detail without the address: the list keeps only its hash, for erasure."""
    return re.sub(re.escape(email.strip()), "[address]", detail, flags=re.IGNORECASE)


@transaction.atomic
def stop_mailing(email: str, reason: str, detail: str = "") -> Suppression:
    """Suppress the address and mark its subscriber unsubscribed."""
    entry = suppress(email, reason, detail)
    Subscriber.objects.filter(email__iexact=email.strip()).exclude(
        status=Subscriber.Status.UNSUBSCRIBED
    ).update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    return entry
