"""What meetings decide and agree: decisions, the work plan, action items."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Organisation, Person, PriorityArea, ReferenceRecord
from rihub.governance.models.agenda import AgendaItem
from rihub.governance.models.meeting import Meeting


class Outcome(ReferenceRecord):
    """Something a meeting produced, under one of its agenda items."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True


class Decision(Outcome):
    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision")
        DIRECTION = "direction", _("Operational direction")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.DECISION
    )
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        default_related_name = "decisions"

    def __str__(self) -> str:
        return self.text[:80]


class WorkStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class WorkItem(Outcome):
    """Work a meeting agreed on: a title, a due date and how far it is."""

    title = models.CharField(_("title"), max_length=250)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=WorkStatus.choices, default=WorkStatus.OPEN
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in {WorkStatus.OPEN, WorkStatus.IN_PROGRESS}


class Activity(WorkItem):
    """An item of the work plan the Task Force agreed."""

    topic = models.CharField(_("topic"), max_length=200, blank=True)
    priority_area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        default_related_name = "activities"


class ActionItem(WorkItem):
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        default_related_name = "action_items"
