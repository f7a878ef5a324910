"""A subscriber's data on request: all of it as JSON, or erased for good."""

from typing import Any

from django.db import transaction

from rihub.bulletins.models import (
    Consent,
    Delivery,
    Subscriber,
    Suppression,
    address_hash,
)

Reason = Suppression.Reason


@transaction.atomic
def erase(subscriber: Subscriber, detail: str = "") -> Suppression:
    """Delete the subscriber, their consents and deliveries; keep only the hash.

    The hashed address stays suppressed, so that no list mails it again unless its
    owner opts in afresh. Any earlier detail goes: a bounce report may hold the
    address itself.
    """
    suppression, _created = Suppression.objects.get_or_create(
        address_hash=address_hash(subscriber.email),
        defaults={"reason": Reason.ERASED},
    )
    if suppression.reason != Reason.MANUAL:
        suppression.reason = Reason.ERASED
    suppression.detail = detail
    suppression.save(update_fields=["reason", "detail"])

    subscriber.delete()
    return suppression


@transaction.atomic
def export_data(subscriber: Subscriber) -> dict[str, Any]:
    """Everything kept about a subscriber, as they may ask to receive it."""
    suppression = Suppression.objects.filter(
        address_hash=address_hash(subscriber.email)
    ).first()
    deliveries = subscriber.deliveries.select_related("campaign__bulletin")
    return {
        "subscriber": subscriber_data(subscriber),
        "consents": [consent_data(consent) for consent in subscriber.consents.all()],
        "deliveries": [delivery_data(delivery) for delivery in deliveries],
        "suppression": (
            {"reason": suppression.reason, "since": moment(suppression.created)}
            if suppression
            else None
        ),
    }


def subscriber_data(subscriber: Subscriber) -> dict[str, Any]:
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "economies": [economy.name for economy in subscriber.economies.all()],
        "priority_areas": [area.name for area in subscriber.priority_areas.all()],
        "subscribed": moment(subscriber.created),
        "confirmed": moment(subscriber.confirmed_at),
        "unsubscribed": moment(subscriber.unsubscribed_at),
    }


def consent_data(consent: Consent) -> dict[str, Any]:
    return {
        "wording": consent.wording,
        "wording_version": consent.wording_version,
        "language": consent.language,
        "given": moment(consent.given_at),
        "confirmed": moment(consent.confirmed_at),
    }


def delivery_data(delivery: Delivery) -> dict[str, Any]:
    return {
        "bulletin": str(delivery.campaign.bulletin),
        "status": delivery.status,
        "attempts": delivery.attempts,
        "sent": moment(delivery.sent_at),
        "message_id": delivery.message_id,
        "last_error": delivery.last_error,
    }


def moment(value: Any) -> str | None:
    return value.isoformat() if value else None
