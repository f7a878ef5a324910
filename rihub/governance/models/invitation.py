from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Person, Seat
from rihub.governance.models.meeting import Meeting


class Invitation(models.Model):
    """One seat's invitation to one meeting, sent to its holder or substitute."""

    class Reply(models.TextChoices):
        NONE = "", _("No reply yet")
        ACCEPTED = "accepted", _("Will attend")
        DECLINED = "declined", _("Will not attend")
        SUBSTITUTE = "substitute", _("Sends the substitute")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="invitations"
    )
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="invitations")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField(_("sent to"))
    sent = models.DateTimeField(_("sent"), auto_now_add=True)
    reply = models.CharField(
        _("reply"), max_length=12, choices=Reply.choices, blank=True
    )
    replied = models.DateTimeField(_("replied"), null=True, blank=True)
    reminded = models.DateTimeField(
        _("reminded"), null=True, blank=True, help_text=_("Set once: one reminder.")
    )

    class Meta:
        ordering = ["meeting", "seat__definition__sort_order", "seat__economy__order"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_invitation_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.person}"
