"""Promises economies make at High-Level Meetings, and how they are kept."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.models.meeting import Meeting
from rihub.governance.models.outcomes import Outcome


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def public(self) -> "CommitmentQuerySet":
        return self.filter(meeting__published=True)

    def still_open(self) -> "CommitmentQuerySet":
        done = [CommitmentStatus.ACHIEVED, CommitmentStatus.NOT_ACHIEVED]
        return self.exclude(status__in=done)


class Commitment(Outcome):
    economy = models.ForeignKey(
        Economy, verbose_name=_("economy"), on_delete=models.PROTECT
    )
    text = models.TextField(_("commitment"))
    priority_area = models.ForeignKey(
        PriorityArea, verbose_name=_("priority area"), on_delete=models.PROTECT
    )
    indicator = models.CharField(_("indicator"), max_length=250, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    lowest = models.DecimalField(
        _("lowest possible value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Values reported below it are refused; e.g. 0."),
    )
    highest = models.DecimalField(
        _("highest possible value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Values reported above it are refused; e.g. 100 for a percentage."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=14,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.NOT_STARTED,
        help_text=_("That of the latest progress update."),
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["economy__order", "priority_area__order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        default_related_name = "commitments"

    def __str__(self) -> str:
        return f"{self.economy}: {self.text[:70]}"

    def clean(self) -> None:
        if self.meeting_id and self.meeting.body.kind != Body.Kind.HIGH_LEVEL_MEETING:
            raise ValidationError(
                {"meeting": _("Commitments are made at High-Level Meetings.")}
            )

    def accepts(self, value: Decimal) -> bool:
        too_low = self.lowest is not None and value < self.lowest
        too_high = self.highest is not None and value > self.highest
        return not (too_low or too_high)


class ProgressUpdate(models.Model):
    """A dated report on a commitment, with its evidence. Never edited, only added."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="progress_updates"
    )
    reported_on = models.DateField(_("date"))
    status = models.CharField(
        _("status"), max_length=14, choices=CommitmentStatus.choices
    )
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    evidence = models.TextField(_("evidence"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["commitment", "reported_on", "pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.commitment}, {self.reported_on}: {self.get_status_display()}"


class Assessment(models.Model):
    """The conclusion meeting's judgement of one economy's achievements."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="assessments"
    )
    economy = models.ForeignKey(
        Economy, on_delete=models.PROTECT, related_name="assessments"
    )
    achievements = models.TextField(_("achievements"))
    challenges = models.TextField(_("challenges"))

    class Meta:
        ordering = ["meeting", "economy__order"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "economy"], name="one_assessment_per_economy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.economy}"

    def clean(self) -> None:
        if self.meeting_id and self.meeting.kind != Meeting.Kind.CONCLUSION:
            raise ValidationError(
                {"meeting": _("Assessments belong to the conclusion meeting.")}
            )
