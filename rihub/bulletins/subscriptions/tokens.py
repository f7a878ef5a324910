"""Signed links that let a subscriber act without an account.

A token carries the subscriber's key and link version, signed with a salt of its
own purpose, so a preferences token never works as an unsubscribe token. Raising
`Subscriber.link_version` voids every link sent before. The sending part puts
`unsubscribe_url` and `preferences_url` in each bulletin.
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from rihub.bulletins.models import Consent, Subscriber
from rihub.lib.errors import Refusal

CONFIRM = "confirm"
PREFERENCES = "preferences"
UNSUBSCRIBE = "unsubscribe"
SALTS = {
    CONFIRM: "rihub.bulletins.confirm",
    PREFERENCES: "rihub.bulletins.preferences",
    UNSUBSCRIBE: "rihub.bulletins.unsubscribe",
}


class LinkError(Refusal):
    """A link that is forged, damaged, expired or void; its message is safe to show."""


def sign(purpose: str, subscriber: Subscriber, *more: int) -> str:
    values = [subscriber.pk, subscriber.link_version, *more]
    return signing.dumps(values, salt=SALTS[purpose])


def unsign(token: str, purpose: str, days: int | None) -> list[int]:
    """The numbers a genuine token carries; `days` None means it never expires."""
    max_age = dt.timedelta(days=days) if days is not None else None
    try:
        values = signing.loads(token, salt=SALTS[purpose], max_age=max_age)
    except signing.SignatureExpired:
        message = _("This link has expired. Send the form again for a fresh one.")
        raise LinkError(message) from None
    except signing.BadSignature:
        message = _("This link is not valid. Check that it was copied whole.")
        raise LinkError(message) from None
    return values


def subscriber_for(values: list[int]) -> Subscriber:
    pk, version = values[0], values[1]
    subscriber = Subscriber.objects.filter(pk=pk, link_version=version).first()
    if subscriber is None:
        raise LinkError(
            _("This link no longer works. If your data was erased, subscribe again.")
        )
    return subscriber


def subscriber_from(token: str, purpose: str) -> Subscriber:
    """The subscriber a preferences or unsubscribe link names.

    Unsubscribe links never expire: an old bulletin must still let its reader go.
    """
    days = settings.RIHUB_PREFERENCES_LINK_DAYS if purpose == PREFERENCES else None
    return subscriber_for(unsign(token, purpose, days))


def consent_from(token: str) -> Consent:
    """The consent a confirmation link asks to confirm."""
    values = unsign(token, CONFIRM, settings.RIHUB_CONFIRMATION_LINK_DAYS)
    subscriber = subscriber_for(values)
    consent = subscriber.consents.filter(pk=values[2]).first()
    if consent is None:
        raise LinkError(_("This link no longer works. Subscribe again."))
    return consent


def path(name: str, token: str) -> str:
    return reverse(f"bulletins:{name}", args=[token])


def absolute(name: str, token: str, subscriber: Subscriber) -> str:
    """The link for an email: the site's base, in the subscriber's language."""
    with translation.override(subscriber.language):
        return settings.WAGTAILADMIN_BASE_URL + path(name, token)


def confirmation_url(consent: Consent) -> str:
    token = sign(CONFIRM, consent.subscriber, consent.pk)
    return absolute("confirm", token, consent.subscriber)


def preferences_url(subscriber: Subscriber) -> str:
    return absolute("preferences", sign(PREFERENCES, subscriber), subscriber)


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute("unsubscribe", sign(UNSUBSCRIBE, subscriber), subscriber)


def list_unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """The headers of RFC 2369 and RFC 8058 that let a mail client unsubscribe."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def preferences_path(subscriber: Subscriber) -> str:
    """The preferences link for a page of this site, in the page's language."""
    return path("preferences", sign(PREFERENCES, subscriber))


def unsubscribe_path(subscriber: Subscriber) -> str:
    return path("unsubscribe", sign(UNSUBSCRIBE, subscriber))
