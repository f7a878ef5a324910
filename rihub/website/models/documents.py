"""Documents and publications: a file with the metadata a library needs."""

from functools import partial
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from rihub.directory.models import Economy, PriorityArea
from rihub.website import uploads
from rihub.website.forms import DocumentForm
from rihub.website.models.levels import level_field

# What the platform derives from the file; never edited, never taken from a revision.
DERIVED_FIELDS = ["file_type", "file_size", "file_sha256", "text", "thumbnail"]


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
    # The reference data's key for the documents it brought; empty for the others.
    reference_key = models.CharField(
        max_length=120, blank=True, db_index=True, editable=False
    )

    objects = DocumentQuerySet.as_manager()
    base_form_class = DocumentForm

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

    def clean(self) -> None:
        super().clean()
        if self.has_new_upload():
            try:
                uploads.check(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from None

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        changed = (fields is None or "file" in fields) and self.file_changed()
        if changed:
            self.record_file()
            if fields is not None:
                kwargs["update_fields"] = {*fields, *DERIVED_FIELDS}

        super().save(*args, **kwargs)

        if changed and self.file:
            from rihub.website.tasks import extract_document  # it imports this model

            enqueue = partial(extract_document.enqueue, self.pk, self.file_sha256)
            transaction.on_commit(enqueue)

    def has_new_upload(self) -> bool:
        # An upload stays uncommitted until the field's pre_save stores it.
        return bool(self.file) and not self.file._committed  # type: ignore[attr-defined]

    def file_changed(self) -> bool:
        if self.has_new_upload() or self.pk is None:
            return bool(self.file)
        stored = Document.objects.filter(pk=self.pk).values_list("file", flat=True)
        return (stored.first() or "") != (self.file.name or "")

    def record_file(self) -> None:
        """Record the kind, size and digest of a new file; refuse one not accepted."""
        if not self.file:
            self.forget_file()
            return
        if self.has_new_upload():
            facts = uploads.describe(self.file)
        else:
            with self.file.open("rb"):
                facts = uploads.describe(self.file)
        self.file_type = facts.kind
        self.file_size = facts.size
        self.file_sha256 = facts.sha256

    def forget_file(self) -> None:
        thumbnail = self.thumbnail.name
        for name in DERIVED_FIELDS:
            setattr(self, name, None if name == "file_size" else "")
        if thumbnail:
            storage = self.thumbnail.storage
            transaction.on_commit(lambda: storage.delete(thumbnail))

    def with_content_json(self, content: dict[str, Any]) -> "Document":
        document: Document = super().with_content_json(content)
        if document.file.name == self.file.name:
            # The worker fills these in after the revision was saved; keep its work.
            for name in DERIVED_FIELDS:
                setattr(document, name, getattr(self, name))
        return document
