"""The mail provider's reports of bounces and complaints, through django-anymail.

Anymail checks the webhook's secret and turns each provider's payload into a
tracking event; an address that bounced, complained, was rejected or asked to
unsubscribe gets no bulletin again.
"""

import logging
from typing import Any

from anymail.signals import (  # type: ignore[import-untyped]
    AnymailTrackingEvent,
    EventType,
    tracking,
)
from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from rihub.bulletins.models import Delivery, Suppression
from rihub.bulletins.sending.suppression import stop_mailing

logger = logging.getLogger(__name__)

REASONS = {
    EventType.BOUNCED: Suppression.Reason.BOUNCED,
    EventType.COMPLAINED: Suppression.Reason.COMPLAINED,
    EventType.REJECTED: Suppression.Reason.REFUSED,
    EventType.UNSUBSCRIBED: Suppression.Reason.UNSUBSCRIBED,
}


@receiver(tracking, dispatch_uid="rihub.bulletins.tracking")
def record_tracking_event(
    sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any
) -> None:
    reason = REASONS.get(event.event_type)
    if reason is None or not event.recipient:
        return
    if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
        # Without a secret, anymail lets anyone post: nobody is unsubscribed so.
        logger.warning("Ignored a %s report: ANYMAIL_WEBHOOK_SECRET is unset", esp_name)
        return
    detail = describe(event, esp_name)

    with transaction.atomic():
        stop_mailing(event.recipient, reason, detail)
        fail_delivery(event, detail)


def describe(event: AnymailTrackingEvent, esp_name: str) -> str:
    words = event.description or event.reject_reason or event.event_type
    response = f" ({event.mta_response})" if event.mta_response else ""
    return f"{esp_name}: {words}{response}"[:300]


def fail_delivery(event: AnymailTrackingEvent, detail: str) -> None:
    """Mark failed the delivery the event is about: by Message-ID, else the last."""
    deliveries = Delivery.objects.filter(subscriber__email__iexact=event.recipient)
    found: Delivery | None = None
    if event.message_id:
        ours = f"<{event.message_id.strip('<>')}>"
        found = deliveries.filter(message_id=ours).first()
    if found is None:
        found = deliveries.filter(status=Delivery.Status.SENT).order_by("-pk").first()
    if found is not None:
        Delivery.objects.filter(pk=found.pk).update(
            status=Delivery.Status.FAILED, last_error=detail[:500]
        )
