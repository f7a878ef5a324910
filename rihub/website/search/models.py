"""One row per public thing the site search can find.

Pages, documents, meetings and commitments each describe themselves into a
`SearchEntry`, and only the entries are indexed: one model to search, filter and
count over, whichever backend holds the index. An entry exists only while its
source is public (see `sync`), so nothing else can leak into results.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import DocumentType, Level


class Kind(models.TextChoices):
    PAGE = "page", _("Page")
    NEWS = "news", _("News")
    EVENT = "event", _("Event")
    DOCUMENT = "document", _("Document")
    MEETING = "meeting", _("Meeting")
    COMMITMENT = "commitment", _("Commitment")


class SearchEntry(index.Indexed, models.Model):
    source_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    source_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"))
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(
        _("level"), max_length=15, choices=Level.choices, blank=True
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.RIHUB_DOCUMENT_LANGUAGES
    )
    document_type = models.CharField(
        _("document type"), max_length=15, choices=DocumentType.choices, blank=True
    )
    economies = models.ManyToManyField(Economy, related_name="+", blank=True)
    priority_areas = models.ManyToManyField(PriorityArea, related_name="+", blank=True)
    # The same economies and areas as keys in one line each, so that a single
    # read of the results counts every filter; the relations above filter.
    economy_keys = models.CharField(max_length=200, blank=True, editable=False)
    area_keys = models.CharField(max_length=200, blank=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    # `sync` indexes an entry itself, once its economies and areas are set.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("document_type"),
        index.FilterField("level"),
        index.FilterField("language"),
        index.FilterField("year"),
        index.FilterField("date"),
        # Counted by primary key, filtered by code and slug (nested in OpenSearch).
        index.FilterField("economies"),
        index.FilterField("priority_areas"),
        index.RelatedFields("economies", [index.FilterField("code")]),
        index.RelatedFields("priority_areas", [index.FilterField("slug")]),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="one_entry_per_source"
            )
        ]

    def __str__(self) -> str:
        return self.title
