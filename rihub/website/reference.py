"""The website's part of the reference data: its tree and its first content.

Pages and documents are created once and belong to the editors from then on:
loading again adds only what is missing, and never brings back what an editor
deleted (a tombstone remembers it, see rihub.website.signals).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pydantic
from wagtail.models import Page

from rihub.directory.models import Economy, PriorityArea, ReferenceTombstone
from rihub.governance.models import Meeting
from rihub.lib.reference import (
    KEY,
    LoadReport,
    Record,
    ReferenceDataError,
    parse_records,
)
from rihub.website.models import (
    Document,
    EconomyProfilePage,
    EventIndexPage,
    EventPage,
    Level,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)
from rihub.website.skeleton import ensure_site

SECTIONS = {"profiles", "topics", "news", "events", "documents"}


class Classification(Record):
    level: Level = Level.REGIONAL
    economies: list[str] = []
    priority_areas: list[str] = []


class ProfileRecord(Record):
    key: str = KEY
    economy: str
    summary: str = ""
    source: str = ""


class TopicRecord(Record):
    key: str = KEY
    area: str
    summary: str = ""


class NewsRecord(Classification):
    key: str = KEY
    title: str = pydantic.Field(min_length=1)
    date: dt.date
    summary: str = ""
    source: str = ""
    meeting: str | None = None


class EventRecord(Classification):
    key: str = KEY
    title: str = pydantic.Field(min_length=1)
    start: dt.date
    end: dt.date | None = None
    place: str = ""
    online: bool = False
    meeting: str | None = None
    summary: str = ""
    source: str = ""


class DocumentRecord(Classification):
    key: str = KEY
    title: str = pydantic.Field(min_length=1)
    type: str
    date: dt.date
    language: str = "en"
    publisher: str = ""
    featured: bool = False
    summary: str = ""
    source: str = ""


@dataclass
class WebsiteData:
    profiles: list[ProfileRecord]
    topics: list[TopicRecord]
    news: list[NewsRecord]
    events: list[EventRecord]
    documents: list[DocumentRecord]


def parse(data: dict[str, Any]) -> WebsiteData:
    return WebsiteData(
        profiles=parse_records(ProfileRecord, data, "profiles"),
        topics=parse_records(TopicRecord, data, "topics"),
        news=parse_records(NewsRecord, data, "news"),
        events=parse_records(EventRecord, data, "events"),
        documents=parse_records(DocumentRecord, data, "documents"),
    )


def load(data: WebsiteData, report: LoadReport) -> None:
    home = ensure_site()
    lookup = Lookup.build()
    economies_section = SectionPage.objects.child_of(home).get(slug="economies")
    for record in data.profiles:
        economy = lookup.economy(record.economy, f"profiles {record.key!r}")
        page = EconomyProfilePage(
            title=economy.name, economy=economy, summary=record.summary
        )
        add_page(economies_section, record.key, page, report)

    topics = TopicIndexPage.objects.child_of(home).get()
    for topic in data.topics:
        if topic.area in lookup.deleted_areas:
            report.add(TopicPage, "deleted")
            continue
        area = lookup.area(topic.area, f"topics {topic.key!r}")
        page = TopicPage(title=area.name, priority_area=area, summary=topic.summary)
        add_page(topics, topic.key, page, report)

    news_index = NewsIndexPage.objects.child_of(home).get()
    for news in data.news:
        add_page(news_index, news.key, news_page(news, lookup), report)

    events_index = EventIndexPage.objects.child_of(home).get()
    for event in data.events:
        add_page(events_index, event.key, event_page(event, lookup), report)

    for document in data.documents:
        add_document(document, lookup, report)


@dataclass
class Lookup:
    """Economies, areas and meetings by their keys, read once."""

    economies: dict[str, Economy]
    areas: dict[str, PriorityArea]
    meetings: dict[str, Meeting]
    # Areas an editor deleted: their topics are not made, nor pages tagged.
    deleted_areas: set[str]

    @classmethod
    def build(cls) -> "Lookup":
        return cls(
            economies={economy.code: economy for economy in Economy.objects.all()},
            areas={area.slug: area for area in PriorityArea.objects.all()},
            meetings={
                meeting.reference_key: meeting
                for meeting in Meeting.objects.exclude(reference_key=None)
                if meeting.reference_key
            },
            deleted_areas=set(
                ReferenceTombstone.objects.filter(
                    model=PriorityArea._meta.label
                ).values_list("key", flat=True)
            ),
        )

    def economy(self, code: str, where: str) -> Economy:
        return self.find(self.economies, code, f"{where}: no economy with code")

    def area(self, slug: str, where: str) -> PriorityArea:
        return self.find(self.areas, slug, f"{where}: no priority area with key")

    def meeting(self, key: str | None, where: str) -> Meeting | None:
        if key is None:
            return None
        return self.find(self.meetings, key, f"{where}: no meeting with key")

    def classify(self, page: Any, record: Classification, where: str) -> None:
        page.level = record.level
        page.economies = [self.economy(code, where) for code in record.economies]
        page.priority_areas = [
            self.area(slug, where)
            for slug in record.priority_areas
            if slug not in self.deleted_areas
        ]

    @staticmethod
    def find(found: dict[str, Any], key: str, message: str) -> Any:
        if key not in found:
            raise ReferenceDataError(f"{message} {key!r}.")
        return found[key]


def news_page(record: NewsRecord, lookup: Lookup) -> NewsPage:
    page = NewsPage(
        title=record.title,
        date=record.date,
        summary=record.summary,
        source=record.source,
    )
    lookup.classify(page, record, f"news {record.key!r}")
    return page


def event_page(record: EventRecord, lookup: Lookup) -> EventPage:
    where = f"events {record.key!r}"
    page = EventPage(
        title=record.title,
        start_date=record.start,
        end_date=record.end,
        place=record.place,
        online=record.online,
        meeting=lookup.meeting(record.meeting, where),
        summary=record.summary,
    )
    lookup.classify(page, record, where)
    return page


def add_page(parent: Page, key: str, page: Page, report: LoadReport) -> None:
    """Create and publish the page once; an existing or deleted one is left alone."""
    model = type(page)
    if model.objects.child_of(parent).filter(slug=key).exists():
        report.add(model, "kept")
        return
    if ReferenceTombstone.objects.filter(model=model._meta.label, key=key).exists():
        report.add(model, "deleted")
        return

    page.slug = key
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(model, "created")


def add_document(record: DocumentRecord, lookup: Lookup, report: LoadReport) -> None:
    where = f"documents {record.key!r}"
    if Document.objects.filter(reference_key=record.key).exists():
        report.add(Document, "kept")
        return
    if ReferenceTombstone.objects.filter(
        model=Document._meta.label, key=record.key
    ).exists():
        report.add(Document, "deleted")
        return

    document = Document(
        title=record.title,
        summary=record.summary,
        document_type=record.type,
        date=record.date,
        language=record.language,
        publisher=record.publisher,
        featured=record.featured,
        source=record.source,
        live=True,
        reference_key=record.key,
    )
    lookup.classify(document, record, where)
    document.save()
    report.add(Document, "created")
