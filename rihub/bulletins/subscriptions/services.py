"""Subscribing with double opt-in, changing preferences, and unsubscribing.

Each step runs in one transaction. Mail is sent as the last step inside it, so a
mail server that refuses leaves nothing recorded and the person can try again.
"""

import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rihub.bulletins.models import (
    Consent,
    Subscriber,
    Suppression,
    address_hash,
)
from rihub.bulletins.subscriptions import tokens
from rihub.directory.models import Economy, PriorityArea
from rihub.lib.errors import Refusal

Status = Subscriber.Status
Reason = Suppression.Reason

CONSENT_WORDING = gettext_lazy(
    "I want to receive the quarterly bulletin of RI Hub by email. RI Hub keeps my "
    "address, my language, my interests and this consent only to send me the "
    "bulletin. Every bulletin has a link to change my preferences, download or "
    "erase my data, or unsubscribe, at any time."
)
# A fresh confirmed opt-in proves that the address works and that its owner wants
# the bulletin: it outweighs an earlier unsubscribe, bounce, complaint or erasure.
# A suppression the secretariat added by hand stays until the secretariat lifts it.
LIFTED_BY_CONFIRMATION = [
    Reason.UNSUBSCRIBED,
    Reason.BOUNCED,
    Reason.COMPLAINED,
    Reason.REFUSED,
    Reason.ERASED,
]
SUBJECTS = {
    "confirmation": gettext_lazy("Confirm your subscription to the RI Hub bulletin"),
    "preferences": gettext_lazy("Your subscription to the RI Hub bulletin"),
}
THROTTLE_PREFIX = "rihub:subscribe"
HOUR = 60 * 60


class SubscriptionError(Refusal):
    """A refused step of a subscription; its message is safe to show."""


class TooManyRequests(SubscriptionError):
    pass


def consent_wording() -> str:
    """The consent statement as the form shows it, in the active language."""
    return str(CONSENT_WORDING)


def wording_version(wording: str) -> str:
    return hashlib.sha256(wording.encode()).hexdigest()


def throttle(client: str, email: str) -> None:
    """Count one request from the client and one for the address; refuse past the limit.

    Each counter lives for an hour from its first request. Behind a reverse proxy,
    REMOTE_ADDR must be the visitor's address, or all visitors share one counter.
    """
    keys = [
        f"{THROTTLE_PREFIX}:client:{client}",
        f"{THROTTLE_PREFIX}:address:{address_hash(email)}",
    ]
    counts = [count(key) for key in keys]
    if max(counts) > settings.RIHUB_SUBSCRIBE_PER_HOUR:
        raise TooManyRequests(
            _(
                "There have been too many requests to subscribe from your network "
                "or for this address. Please try again in an hour."
            )
        )


def count(key: str) -> int:
    cache.add(key, 0, timeout=HOUR)
    try:
        return cache.incr(key)
    except ValueError:
        # The counter expired between the two calls: this request starts a new one.
        cache.set(key, 1, timeout=HOUR)
        return 1


@transaction.atomic
def subscribe(
    email: str,
    language: str,
    economies: Iterable[Economy],
    priority_areas: Iterable[PriorityArea],
    *,
    client: str,
) -> Subscriber:
    """Record a request to subscribe and mail the link that confirms it.

    A confirmed address changes nothing: its owner gets a link to their
    preferences, and the form answers as for anybody, so that nobody learns
    from it who subscribes.
    """
    email = email.strip().lower()
    throttle(client, email)

    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email__iexact=email, defaults={"email": email, "language": language}
    )
    if subscriber.status == Status.CONFIRMED:
        send_preferences_link(subscriber)
        return subscriber

    subscriber.language = language
    subscriber.status = Status.PENDING
    subscriber.save(update_fields=["language", "status"])
    subscriber.economies.set(economies)
    subscriber.priority_areas.set(priority_areas)

    wording = consent_wording()
    consent = subscriber.consents.create(
        wording=wording,
        wording_version=wording_version(wording),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    send_confirmation(consent)
    return subscriber


def check_confirmable(consent: Consent) -> None:
    """Refuse a link used before, once its subscriber has left again."""
    if consent.confirmed_at and consent.subscriber.status != Status.CONFIRMED:
        raise SubscriptionError(
            _("This link was used already. To subscribe again, use the form.")
        )


@transaction.atomic
def confirm(consent: Consent) -> Subscriber:
    """Confirm the consent a link names; the subscriber then gets the bulletin."""
    check_confirmable(consent)
    subscriber = consent.subscriber
    if consent.confirmed_at:
        return subscriber

    now = timezone.now()
    consent.confirmed_at = now
    consent.save(update_fields=["confirmed_at"])
    subscriber.status = Status.CONFIRMED
    subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])

    Suppression.objects.filter(
        address_hash=address_hash(subscriber.email),
        reason__in=LIFTED_BY_CONFIRMATION,
    ).delete()
    return subscriber


@transaction.atomic
def update_preferences(
    subscriber: Subscriber,
    language: str,
    economies: Iterable[Economy],
    priority_areas: Iterable[PriorityArea],
) -> Subscriber:
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.economies.set(economies)
    subscriber.priority_areas.set(priority_areas)
    return subscriber


@transaction.atomic
def unsubscribe(subscriber: Subscriber) -> Subscriber:
    """Stop the bulletin, and keep the address from any list that still holds it."""
    if subscriber.status != Status.UNSUBSCRIBED:
        subscriber.status = Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])

    Suppression.objects.get_or_create(
        address_hash=address_hash(subscriber.email),
        defaults={"reason": Reason.UNSUBSCRIBED},
    )
    return subscriber


def send_confirmation(consent: Consent) -> None:
    context = {
        "link": tokens.confirmation_url(consent),
        "days": settings.RIHUB_CONFIRMATION_LINK_DAYS,
    }
    mail(consent.subscriber, "confirmation", context)


def send_preferences_link(subscriber: Subscriber) -> None:
    context = {
        "link": tokens.preferences_url(subscriber),
        "unsubscribe": tokens.unsubscribe_url(subscriber),
    }
    mail(subscriber, "preferences", context)


def mail(subscriber: Subscriber, kind: str, context: dict[str, Any]) -> None:
    """Mail a message in the subscriber's language, as plain text and HTML."""
    template = f"bulletins/subscriptions/email/{kind}"
    with translation.override(subscriber.language):
        subject = str(SUBJECTS[kind])
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)

    message = EmailMultiAlternatives(subject, text, to=[subscriber.email])
    message.attach_alternative(html, "text/html")
    message.send()
