from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string

from rihub.governance.models.meeting import Meeting


class AgendaItem(ClusterableModel):
    class Kind(models.TextChoices):
        ITEM = "item", _("Item")
        OPEN_ITEMS_REVIEW = "open_items_review", _("Review of open items")
        MINUTES_ADOPTION = "minutes_adoption", _("Adoption of minutes")

    meeting = ParentalKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.ITEM
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    duration = models.PositiveSmallIntegerField(
        _("duration in minutes"), null=True, blank=True
    )
    documents = ParentalManyToManyField(
        get_document_model_string(),
        verbose_name=_("documents"),
        blank=True,
        related_name="agenda_items",
    )
    minutes_of = models.ForeignKey(
        Meeting,
        verbose_name=_("minutes to adopt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The earlier meeting whose minutes this item adopts."),
    )

    sort_order_field = "position"
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("presenter"),
        FieldPanel("duration"),
        FieldPanel("description"),
        FieldPanel("documents"),
    ]

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"
