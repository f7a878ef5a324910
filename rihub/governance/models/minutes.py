import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.governance.models.meeting import Meeting


class Minutes(models.Model):
    """The record of a meeting, kept as numbered versions until it is adopted."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated for comments")
        ADOPTED = "adopted", _("Adopted")

    class Adoption(models.TextChoices):
        AT_MEETING = "at_meeting", _("At a later meeting")
        WRITTEN_PROCEDURE = "written_procedure", _("By written procedure")

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="minutes"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT
    )
    comment_deadline = models.DateField(_("comments until"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted"), max_length=20, choices=Adoption.choices, blank=True
    )
    adopted_at = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_minutes",
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})

    @property
    def locked(self) -> bool:
        return self.state == self.State.ADOPTED

    def meeting_day(self) -> dt.date:
        """The day the meeting started, or the first day of its year if unknown."""
        meeting = self.meeting
        return meeting.start_date or dt.date(meeting.year, 1, 1)

    @property
    def current(self) -> "MinutesVersion | None":
        return self.versions.order_by("-number").first()


class MinutesVersion(models.Model):
    """One text of the minutes; versions are never changed, only added."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(
        _("text"), help_text=_("Sections start with a line beginning with '## '.")
    )
    note = models.CharField(_("what changed"), max_length=250, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["minutes", "number"]
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "number"], name="one_minutes_version_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.minutes}, v{self.number}"


class MinutesComment(models.Model):
    version = models.ForeignKey(
        MinutesVersion, on_delete=models.PROTECT, related_name="comments"
    )
    section = models.CharField(
        _("section"), max_length=200, blank=True, help_text=_("Empty for the whole.")
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["version", "created"]
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"
