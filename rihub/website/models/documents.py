"""Documents and publications: a file with the metadata a library needs."""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models.levels import level_field


class DocumentType(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    ACTION_PLAN = "action_plan", _("Action plan")
    REPORT = "report", _("Report")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    PUBLICATION = "publication", _("Publication")
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    LEGISLATION = "legislation", _("Legislation")
    DATA = "data", _("Data")


class DocumentQuerySet(models.QuerySet["Document"]):
    def public(self) -> "DocumentQuerySet":
        return self.filter(live=True)


class Document(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One document of the library; visible to the public once published."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    document_type = models.CharField(
        _("type"), max_length=15, choices=DocumentType.choices
    )
    level = level_field()
    economies = ParentalManyToManyField(
        Economy, verbose_name=_("economies"), blank=True, related_name="documents"
    )
    priority_areas = ParentalManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas"),
        blank=True,
        related_name="documents",
    )
    date = models.DateField(_("date"), help_text=_("When it was issued."))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.RIHUB_DOCUMENT_LANGUAGES
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    source = models.URLField(_("original address"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="library/%Y/", blank=True)
    file_type = models.CharField(_("file type"), max_length=10, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to="library/thumbnails/", blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("document_type"),
        index.FilterField("level"),
        index.FilterField("language"),
        index.FilterField("date"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("file"),
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldPanel("date"),
                FieldPanel("language"),
                FieldPanel("publisher"),
                FieldPanel("source"),
                FieldPanel("featured"),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("economies", widget=forms.CheckboxSelectMultiple),
                FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["live", "-date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        slug = slugify(self.title)[:80] or "document"
        return reverse("website:document", args=[self.pk, slug])

    def get_file_url(self) -> str:
        return reverse("website:document-file", args=[self.pk])
