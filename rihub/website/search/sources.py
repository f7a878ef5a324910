"""What each kind of public thing tells the search index about itself.

A source is a model, the query for its public objects, and a description of one
object as a search entry. Whatever the query leaves out is never indexed.
"""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.query import PageQuerySet

from rihub.governance.models import Commitment, Meeting, Minutes
from rihub.website.models import (
    Classified,
    ContentPage,
    Document,
    EconomyProfilePage,
    EventPage,
    Level,
    NewsPage,
    TopicPage,
)
from rihub.website.search.models import Kind


@dataclass
class Description:
    kind: str
    title: str
    url: str
    date: dt.date
    summary: str = ""
    body: str = ""
    level: str = ""
    language: str = settings.LANGUAGE_CODE
    document_type: str = ""
    economies: list[int] = field(default_factory=list)
    priority_areas: list[int] = field(default_factory=list)

    # The entry's own fields; its economies and areas are set apart.
    COLUMNS: ClassVar[tuple[str, ...]] = (
        "kind",
        "title",
        "url",
        "date",
        "year",
        "summary",
        "body",
        "level",
        "language",
        "document_type",
        "economy_keys",
        "area_keys",
    )

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def economy_keys(self) -> str:
        return keys(self.economies)

    @property
    def area_keys(self) -> str:
        return keys(self.priority_areas)

    def columns(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in self.COLUMNS}
        return values | {"title": self.title[:300]}


def keys(pks: list[int]) -> str:
    return " ".join(str(pk) for pk in sorted(set(pks)))


def nothing_to_prepare(found: list[Any]) -> None:
    return None


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    public: Callable[[], models.QuerySet]
    describe: Callable[[Any], Description | None]
    # Reads what describing a batch of objects needs, in a few queries.
    prepare: Callable[[list[Any]], None] = nothing_to_prepare


def ids(related: Any) -> list[int]:
    return [item.pk for item in related.all()]


def joined(*texts: str) -> str:
    return "\n".join(text for text in texts if text)


# Pages


def content_page_models() -> list[type[Page]]:
    return [model for model in apps.get_models() if issubclass(model, ContentPage)]


def public_pages() -> PageQuerySet:
    """Live pages of the website's types, outside private sections, not aliases."""
    return (
        Page.objects.live()
        .public()
        .type(*content_page_models())
        .filter(alias_of__isnull=True)
    )


def prepare_pages(pages: list[Page]) -> None:
    """Read the economies and areas of a batch of pages, a query per page type."""
    by_type: dict[type[Page], list[Page]] = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for page_type, group in by_type.items():
        if issubclass(page_type, Classified):
            models.prefetch_related_objects(group, "economies", "priority_areas")


def describe_page(page: ContentPage) -> Description | None:
    url = page.get_url()
    if not url:
        return None  # outside every site: no address to link to

    level, economies, areas = page_classification(page)
    body_field = type(page)._meta.get_field("body")
    return Description(
        kind=page_kind(page),
        title=page.title,
        url=url,
        date=page_date(page),
        summary=page.summary,
        body=joined(*body_field.get_searchable_content(page.body)),
        level=level,
        language=page.locale.language_code,
        economies=economies,
        priority_areas=areas,
    )


def page_kind(page: Page) -> str:
    if isinstance(page, NewsPage):
        return Kind.NEWS
    if isinstance(page, EventPage):
        return Kind.EVENT
    return Kind.PAGE


def page_date(page: Page) -> dt.date:
    """The page's own date where it has one, else when it was last published."""
    own = getattr(page, "date", None) or getattr(page, "start_date", None)
    if own:
        return own
    stamp = page.last_published_at or page.first_published_at
    # Pages made by code are live without ever being published.
    return timezone.localdate(stamp) if stamp else timezone.localdate()


def page_classification(page: Page) -> tuple[str, list[int], list[int]]:
    if isinstance(page, Classified):
        return page.level, ids(page.economies), ids(page.priority_areas)
    if isinstance(page, EconomyProfilePage):
        return Level.ECONOMY, [page.economy_id], []
    if isinstance(page, TopicPage):
        return "", [], [page.priority_area_id]
    return getattr(page, "level", ""), [], []


# Documents, meetings and commitments


def describe_document(document: Document) -> Description:
    return Description(
        kind=Kind.DOCUMENT,
        title=document.title,
        url=document.get_absolute_url(),
        date=document.date,
        summary=document.summary,
        body=joined(document.publisher, document.text),
        level=document.level,
        language=document.language,
        document_type=document.document_type,
        economies=ids(document.economies),
        priority_areas=ids(document.priority_areas),
    )


def meeting_date(meeting: Meeting) -> dt.date:
    return meeting.start_date or dt.date(meeting.year, 1, 1)


def adopted_minutes_text(meeting: Meeting) -> str:
    """The text of adopted minutes, a heading leading its section; drafts never."""
    minutes = Minutes.objects.filter(
        meeting=meeting, state=Minutes.State.ADOPTED
    ).first()
    version = minutes.current if minutes else None
    if version is None:
        return ""
    return re.sub(r"^## (.*)$", r"\1:", version.text, flags=re.MULTILINE)


def describe_meeting(meeting: Meeting) -> Description:
    return Description(
        kind=Kind.MEETING,
        title=meeting.title,
        url=meeting.get_absolute_url(),
        date=meeting_date(meeting),
        summary=meeting.description,
        body=joined(adopted_minutes_text(meeting), meeting.place, meeting.body.name),
        level=Level.REGIONAL,
    )


def describe_commitment(commitment: Commitment) -> Description:
    meeting = commitment.meeting
    economy = commitment.economy
    title = f"{economy.name}: {Truncator(commitment.text).chars(120)}"
    facts = [
        commitment.priority_area.name,
        str(commitment.get_status_display()),
        commitment.indicator,
        meeting.title,
    ]
    return Description(
        kind=Kind.COMMITMENT,
        title=title,
        url=f"{meeting.get_absolute_url()}#commitments-heading",
        date=meeting_date(meeting),
        # The title holds the whole promise unless it had to be cut.
        summary=commitment.text if title.endswith("…") else "",
        body=" · ".join(fact for fact in facts if fact),
        level=Level.ECONOMY,
        economies=[economy.pk],
        priority_areas=[commitment.priority_area_id],
    )


PAGES = Source(
    Page,
    lambda: (
        public_pages().specific().select_related("locale", for_specific_subqueries=True)
    ),
    describe_page,
    prepare_pages,
)
DOCUMENTS = Source(
    Document,
    lambda: Document.objects.public().prefetch_related("economies", "priority_areas"),
    describe_document,
)
MEETINGS = Source(
    Meeting, lambda: Meeting.objects.public().select_related("body"), describe_meeting
)
COMMITMENTS = Source(
    Commitment,
    lambda: Commitment.objects.public().select_related(
        "economy", "priority_area", "meeting"
    ),
    describe_commitment,
)
SOURCES = (PAGES, DOCUMENTS, MEETINGS, COMMITMENTS)
