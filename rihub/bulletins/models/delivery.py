"""A bulletin's campaign, and its deliveries: one bulletin to one subscriber."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.bulletins.models.pages import BulletinPage
from rihub.bulletins.models.subscribers import Subscriber


class Campaign(models.Model):
    hidden_from_visitors = True  # writing one leaves the page cache

    class Status(models.TextChoices):
        READY = "ready", _("Ready to send")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        DONE = "done", _("Sent")

    bulletin = models.OneToOneField(
        BulletinPage, on_delete=models.PROTECT, related_name="campaign"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.READY
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return str(self.bulletin)


class Delivery(models.Model):
    hidden_from_visitors = True  # writing one leaves the page cache

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        RETRY = "retry", _("Will be retried")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: suppressed or unsubscribed")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A worker holds a delivery until then; past it, another may take it over.
    claimed_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    message_id = models.CharField(_("message ID"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.subscriber}"
