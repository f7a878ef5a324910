"""Atom feeds of news, events and documents, all of them or per economy or area.

A feed lists what any visitor may see: live public pages in the visitor's language
(English where a page has no translation) and published documents. Each response
carries an ETag and a Last-Modified date, so a reader that already holds the feed
gets 304 Not Modified.
"""

import datetime as dt
import mimetypes
from dataclasses import dataclass, field
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.formats import date_format
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _

from rihub.directory.models import Economy, PriorityArea
from rihub.website import queries
from rihub.website.linked_data import PUBLISHER_NAME
from rihub.website.models import (
    Document,
    DocumentLibraryPage,
    EconomyProfilePage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    TopicPage,
)

FEED_LENGTH = 30
# Tag URIs (RFC 4151) name each entry for good, whatever its address becomes. The
# year is one in which the host name was held; fixed, so that no id ever changes.
TAG_YEAR = 2020
# What an empty feed reports as its last change, so that its ETag stays stable.
NOTHING_YET = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Entry:
    """One item of a feed, whatever it was made from."""

    title: str
    summary: str
    url: str
    guid: str
    language: str
    published: dt.datetime
    updated: dt.datetime
    author: str = PUBLISHER_NAME
    categories: list[str] = field(default_factory=list)
    enclosure: Enclosure | None = None


@dataclass(frozen=True)
class Subject:
    """What a feed is about, and the request it answers."""

    request: HttpRequest
    economy: Economy | None = None
    area: PriorityArea | None = None


class AtomFeed(Atom1Feed):
    """Atom with each entry's own language, and a fixed date for an empty feed."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        return {"xml:lang": item["language"]}

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else NOTHING_YET


class EntryFeed(Feed):
    """A feed of entries, answering conditional requests."""

    feed_type = AtomFeed
    author_name = PUBLISHER_NAME

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        set_response_etag(response)
        last_modified = parse_http_date_safe(response["Last-Modified"])
        unchanged = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_modified,
            response=response,
        )
        return unchanged or response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Subject:
        return Subject(request)

    def feed_guid(self, subject: Subject) -> str:
        return subject.request.build_absolute_uri(subject.request.path)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return entry.summary

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_guid_is_permalink(self, entry: Entry) -> bool:
        return False

    def item_pubdate(self, entry: Entry) -> dt.datetime:
        return entry.published

    def item_updateddate(self, entry: Entry) -> dt.datetime:
        return entry.updated

    def item_author_name(self, entry: Entry) -> str:
        return entry.author

    def item_categories(self, entry: Entry) -> list[str]:
        return entry.categories

    def item_enclosures(self, entry: Entry) -> list[Enclosure]:
        return [entry.enclosure] if entry.enclosure else []

    def item_extra_kwargs(self, entry: Entry) -> dict[str, Any]:
        return {"language": entry.language}


class NewsFeed(EntryFeed):
    def title(self) -> str:
        return _("RI Hub: news")

    def link(self, subject: Subject) -> str:
        return index_url(subject.request, NewsIndexPage.objects.all())

    def items(self, subject: Subject) -> list[Entry]:
        return news_entries(subject.request, queries.latest_news())


class EventFeed(EntryFeed):
    def title(self) -> str:
        return _("RI Hub: events")

    def link(self, subject: Subject) -> str:
        return index_url(subject.request, EventIndexPage.objects.all())

    def items(self, subject: Subject) -> list[Entry]:
        return event_entries(subject.request, EventPage.objects.all())


class DocumentFeed(EntryFeed):
    def title(self) -> str:
        return _("RI Hub: documents and publications")

    def link(self, subject: Subject) -> str:
        return index_url(subject.request, DocumentLibraryPage.objects.all())

    def items(self, subject: Subject) -> list[Entry]:
        return document_entries(subject.request)


class EconomyFeed(EntryFeed):
    """News, events and documents concerning one economy."""

    def get_object(self, request: HttpRequest, code: str) -> Subject:
        return Subject(request, economy=Economy.objects.get(code=code.upper()))

    def title(self, subject: Subject) -> str:
        return _("RI Hub: %(economy)s") % {"economy": subject.economy}

    def link(self, subject: Subject) -> str:
        pages = EconomyProfilePage.objects.filter(economy=subject.economy)
        return index_url(subject.request, pages)

    def items(self, subject: Subject) -> list[Entry]:
        return concerning(subject.request, economies=subject.economy)


class TopicFeed(EntryFeed):
    """News, events and documents in one priority area."""

    def get_object(self, request: HttpRequest, slug: str) -> Subject:
        return Subject(request, area=PriorityArea.objects.get(slug=slug))

    def title(self, subject: Subject) -> str:
        return _("RI Hub: %(area)s") % {"area": subject.area}

    def link(self, subject: Subject) -> str:
        pages = TopicPage.objects.filter(priority_area=subject.area)
        return index_url(subject.request, pages)

    def items(self, subject: Subject) -> list[Entry]:
        return concerning(subject.request, priority_areas=subject.area)


def concerning(request: HttpRequest, **filters: Any) -> list[Entry]:
    """The latest news, events and documents matching the filters, newest first."""
    entries = [
        *news_entries(request, queries.latest_news(**filters)),
        *event_entries(request, EventPage.objects.filter(**filters)),
        *document_entries(request, **filters),
    ]
    entries.sort(key=lambda entry: entry.published, reverse=True)
    return entries[:FEED_LENGTH]


def index_url(request: HttpRequest, pages: QuerySet[Any]) -> str:
    """The page a feed belongs to, in the visitor's language; else the home page."""
    page = queries.in_language(pages).first()
    return page.get_url(request) if page else reverse("home")


def news_entries(request: HttpRequest, pages: QuerySet[NewsPage]) -> list[Entry]:
    pages = classified(pages.select_related("locale"))
    return [news_entry(request, page) for page in pages[:FEED_LENGTH]]


def news_entry(request: HttpRequest, page: NewsPage) -> Entry:
    published = start_of(page.date)
    return Entry(
        title=page.title,
        summary=page.summary,
        url=page.get_url(request),
        guid=tag_uri(request, "page", page.pk),
        language=page.locale.language_code,
        published=published,
        updated=max(published, page.last_published_at or published),
        categories=categories(page),
    )


def event_entries(request: HttpRequest, pages: QuerySet[EventPage]) -> list[Entry]:
    pages = queries.in_language(pages).order_by("-start_date", "-pk")
    pages = classified(pages.select_related("locale"))
    return [event_entry(request, page) for page in pages[:FEED_LENGTH]]


def event_entry(request: HttpRequest, page: EventPage) -> Entry:
    # An event is news when it is announced, not when it takes place.
    published = page.first_published_at or start_of(page.start_date)
    return Entry(
        title=page.title,
        summary=" ".join(filter(None, [when_and_where(page), page.summary])),
        url=page.get_url(request),
        guid=tag_uri(request, "page", page.pk),
        language=page.locale.language_code,
        published=published,
        updated=max(published, page.last_published_at or published),
        categories=categories(page),
    )


def when_and_where(event: EventPage) -> str:
    when = date_format(event.start_date)
    if event.end_date and event.end_date != event.start_date:
        when = f"{when} – {date_format(event.end_date)}"
    where = [event.place] if event.place else []
    if event.online:
        where.append(_("online"))
    return f"{when}, {', '.join(where)}." if where else f"{when}."


def document_entries(request: HttpRequest, **filters: Any) -> list[Entry]:
    documents = classified(Document.objects.public().filter(**filters))
    documents = documents.order_by("-date", "-pk")
    return [document_entry(request, document) for document in documents[:FEED_LENGTH]]


def document_entry(request: HttpRequest, document: Document) -> Entry:
    published = start_of(document.date)
    return Entry(
        title=document.title,
        summary=document.summary,
        url=document.get_absolute_url(),
        guid=tag_uri(request, "document", document.pk),
        language=document.language,
        published=published,
        updated=max(published, document.updated_at),
        author=document.publisher or PUBLISHER_NAME,
        categories=[document.get_document_type_display(), *categories(document)],
        enclosure=enclosure(request, document),
    )


def enclosure(request: HttpRequest, document: Document) -> Enclosure | None:
    if not document.file:
        return None
    mime_type, _encoding = mimetypes.guess_type(document.file.name or "")
    return Enclosure(
        url=request.build_absolute_uri(document.get_file_url()),
        length=str(document.file_size or 0),
        mime_type=mime_type or "application/octet-stream",
    )


def classified(items: QuerySet[Any]) -> QuerySet[Any]:
    return items.prefetch_related("economies", "priority_areas")


def categories(item: NewsPage | EventPage | Document) -> list[str]:
    economies = [economy.name for economy in item.economies.all()]
    return economies + [area.name for area in item.priority_areas.all()]


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def tag_uri(request: HttpRequest, kind: str, pk: int) -> str:
    host, _port = split_domain_port(request.get_host())
    return f"tag:{host},{TAG_YEAR}:{kind}/{pk}"
