"""Subscribers, the consent each gave, and the addresses never to be mailed."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Economy, PriorityArea


def address_hash(email: str) -> str:
    """The address as a suppression entry keeps it: hashed, so erasure can hold."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def confirmed(self) -> "SubscriberQuerySet":
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    hidden_from_visitors = True  # writing one leaves the page cache

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    economies = models.ManyToManyField(
        Economy, verbose_name=_("economies of interest"), blank=True, related_name="+"
    )
    priority_areas = models.ManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas of interest"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # Raised to void every link sent before: after an erasure request, say.
    link_version = models.PositiveIntegerField(default=1, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email


class Consent(models.Model):
    """What a subscriber agreed to, in which words, and when they confirmed it."""

    hidden_from_visitors = True  # writing one leaves the page cache

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents"
    )
    wording = models.TextField(_("wording shown"))
    wording_version = models.CharField(_("wording version"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at"]

    def __str__(self) -> str:
        return f"{self.subscriber} ({self.given_at:%Y-%m-%d})"


class Suppression(models.Model):
    """An address that gets no bulletin, whatever any list says."""

    hidden_from_visitors = True  # writing one leaves the page cache

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")
        ERASED = "erased", _("Data erased on request")
        REFUSED = "refused", _("Refused by the mail server")
        MANUAL = "manual", _("Added by the secretariat")

    address_hash = models.CharField(_("address (hashed)"), max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppression list")

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.address_hash[:12]}…"

    @classmethod
    def holds(cls, email: str) -> bool:
        return cls.objects.filter(address_hash=address_hash(email)).exists()
