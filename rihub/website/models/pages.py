"""The website's page types: the tree every visitor reads."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page as ListPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from rihub.directory.models import Economy, PriorityArea
from rihub.governance.models import Meeting
from rihub.website.blocks import BodyBlock
from rihub.website.models.levels import Classified, level_field


def paginate(request: HttpRequest, items: QuerySet, per_page: int = 20) -> ListPage:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


class ContentPage(Page):
    """A page with a summary and a body of blocks; the base of every type here."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for lists, search results and feeds."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("page content"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    class Meta:
        abstract = True


class HomePage(ContentPage):
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.SectionPage",
        "website.NewsIndexPage",
        "website.EventIndexPage",
        "website.DocumentLibraryPage",
        "website.TopicIndexPage",
        "website.StandardPage",
        "bulletins.BulletinIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        return context | queries.home(timezone.localdate())


class SectionPage(ContentPage):
    """One level of information: economy, regional, EU or international."""

    level = level_field()

    content_panels = [*ContentPage.content_panels, FieldPanel("level")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.EconomyProfilePage", "website.StandardPage"]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        return context | queries.section(self.level)


class EconomyProfilePage(ContentPage):
    """All the platform knows about one economy, on one page."""

    economy = models.ForeignKey(
        Economy, verbose_name=_("economy"), on_delete=models.PROTECT, related_name="+"
    )

    content_panels = [*ContentPage.content_panels, FieldPanel("economy")]
    parent_page_types = ["website.SectionPage"]
    subpage_types = ["website.StandardPage"]

    class Meta:
        verbose_name = _("economy profile")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        return context | queries.economy_profile(self.economy, timezone.localdate())


class TopicIndexPage(ContentPage):
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topics")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        return context | {"topics": queries.in_language(TopicPage.objects.all())}


class TopicPage(ContentPage):
    """One priority area across the region."""

    priority_area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    content_panels = [*ContentPage.content_panels, FieldPanel("priority_area")]
    parent_page_types = ["website.TopicIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        return context | queries.topic(self)


class NewsIndexPage(ContentPage):
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        news = queries.latest_news().prefetch_related("economies")
        return context | {"page_obj": paginate(request, news)}


class NewsPage(Classified, ContentPage):
    date = models.DateField(_("date"))
    source = models.URLField(_("original source"), max_length=500, blank=True)

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("date"),
        FieldPanel("source"),
        *Classified.classification_panels,
    ]
    search_fields = [*ContentPage.search_fields, index.FilterField("date")]
    parent_page_types = ["website.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [models.Index(fields=["date"])]


class EventIndexPage(ContentPage):
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website import queries

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        return context | {
            "upcoming": queries.upcoming_events(today),
            "page_obj": paginate(request, queries.recent_events(today)),
        }


class EventPage(Classified, ContentPage):
    """Something that happens on a date; a body's meeting where there is one."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The meeting of a body this event is, if it is one."),
    )

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("place"),
                FieldPanel("online"),
                FieldPanel("meeting"),
            ],
            heading=_("When and where"),
        ),
        *Classified.classification_panels,
    ]
    parent_page_types = ["website.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start_date"])]

    def clean(self) -> None:
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            message = _("An event cannot end before it starts.")
            raise ValidationError({"end_date": message})


class StandardPage(Classified, ContentPage):
    """Any other page: about the project, a how-to, a note on sources."""

    content_panels = [*ContentPage.content_panels, *Classified.classification_panels]
    subpage_types = ["website.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class DocumentLibraryPage(ContentPage):
    """The documents and publications library, with its filters and exports."""

    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from rihub.website.library import filtered_documents

        context = super().get_context(request, *args, **kwargs)
        documents, form = filtered_documents(request.GET)
        return context | {"form": form, "page_obj": paginate(request, documents)}
