from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.models import Commitment, Decision, Meeting
from rihub.mainstreaming.models.strategy import Dimension


class InterventionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    SUBMITTED = "submitted", _("Submitted")
    DISCUSSED = "discussed", _("Discussed")
    ADOPTED = "adopted", _("Adopted")
    IMPLEMENTED = "implemented", _("Implemented")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InterventionQuerySet(models.QuerySet["Intervention"]):
    def public(self) -> "InterventionQuerySet":
        return self.filter(internal=False)


class Intervention(models.Model):
    """A Roma issue an NRCP brings to a strategy body, followed to its outcome."""

    title = models.CharField(_("title"), max_length=250)
    proposal = models.TextField(_("proposal"))
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT
    )
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("The body's meeting it is brought to, once known."),
    )
    priority_area = models.ForeignKey(
        PriorityArea, verbose_name=_("priority area"), on_delete=models.PROTECT
    )
    economies = models.ManyToManyField(Economy, verbose_name=_("economies concerned"))
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("stems from the decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("stems from the commitment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    documents = models.ManyToManyField(
        get_document_model_string(),
        verbose_name=_("supporting documents"),
        blank=True,
        related_name="interventions",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InterventionStatus.choices,
        default=InterventionStatus.PROPOSED,
        help_text=_("That of the latest step."),
    )
    proposed_on = models.DateField(_("proposed on"))
    internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Never shown to the public.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = InterventionQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_on", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        default_related_name = "interventions"

    def __str__(self) -> str:
        return self.title


class InterventionStep(models.Model):
    """One dated step in an intervention's life, with its evidence."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="steps"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=InterventionStatus.choices
    )
    taken_on = models.DateField(_("date"))
    evidence = models.TextField(_("evidence"), blank=True)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why a step was taken back.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["intervention", "taken_on", "pk"]
        verbose_name = _("intervention step")
        verbose_name_plural = _("intervention steps")

    def __str__(self) -> str:
        return f"{self.intervention}: {self.get_status_display()} ({self.taken_on})"
