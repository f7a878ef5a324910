from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from rihub.directory.models import Body, Organisation, ReferenceRecord


class Strategy(ReferenceRecord, ClusterableModel):
    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("full title"), max_length=300, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    bodies = models.ManyToManyField(
        Body, verbose_name=_("bodies"), blank=True, related_name="strategies"
    )
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.name


class Pillar(ReferenceRecord, ClusterableModel):
    strategy = ParentalKey(Strategy, on_delete=models.CASCADE, related_name="pillars")
    name = models.CharField(_("name"), max_length=150)
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [FieldPanel("name"), FieldPanel("subtitle"), FieldPanel("source")]
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["strategy", "sort_order"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return self.name


class Dimension(ReferenceRecord):
    pillar = ParentalKey(Pillar, on_delete=models.CASCADE, related_name="dimensions")
    code = models.CharField(
        _("code"), max_length=10, blank=True, help_text=_("Empty when not known.")
    )
    name = models.CharField(_("name"), max_length=200)
    coordinator = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_dimensions",
    )
    note = models.TextField(_("note"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["pillar__strategy", "pillar__sort_order", "sort_order"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return f"{self.code}: {self.name}" if self.code else self.name


class Target(ReferenceRecord):
    """A headline target of the strategy, kept as written."""

    strategy = ParentalKey(Strategy, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField(_("text"))
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)
    source = models.URLField(_("source"), max_length=500, blank=True)

    panels = [FieldPanel("text"), FieldPanel("source")]

    class Meta:
        ordering = ["strategy", "sort_order"]
        verbose_name = _("headline target")
        verbose_name_plural = _("headline targets")

    def __str__(self) -> str:
        return self.text
