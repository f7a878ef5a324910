from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from rihub.directory.models import Organisation, Person, Seat
from rihub.governance.models.meeting import Meeting


class Attendance(models.Model):
    """How one seat of the body was filled at one meeting."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        SUBSTITUTE = "substitute", _("Represented by a substitute")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance"
    )
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    attendee = models.ForeignKey(
        Person,
        verbose_name=_("attendee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendance",
    )
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["meeting", "seat__definition__sort_order", "seat__economy__order"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance roll")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "seat"], name="one_roll_entry_per_seat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.seat.label}, {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in {self.Status.PRESENT, self.Status.SUBSTITUTE}


class Observer(models.Model):
    """Someone at the meeting who holds no seat in the body."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="observers")
    name = models.CharField(_("name or role"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observed_meetings",
    )

    class Meta:
        ordering = ["meeting", "name"]
        verbose_name = _("observer")
        verbose_name_plural = _("observers")

    def __str__(self) -> str:
        return self.name
