"""What the read API shows: published records only, never a draft."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Schema
from wagtail.models import Page

from rihub.website.models import Document, EventPage, NewsPage


class MeetingOut(Schema):
    slug: str
    title: str
    body: str
    kind: str
    year: int
    start_date: dt.date | None
    end_date: dt.date | None
    place: str
    online: bool
    status: str
    url: str


class MeetingDetailOut(MeetingOut):
    decisions: list[str]
    minutes: str | None  # the adopted text; None until the minutes are adopted


class ProgressOut(Schema):
    reported_on: dt.date
    status: str
    value: float | None
    evidence: str


class CommitmentOut(Schema):
    id: int
    economy: str
    priority_area: str
    text: str
    indicator: str
    unit: str
    baseline: float | None
    target: float | None
    deadline: dt.date | None
    status: str
    meeting: str
    progress: list[ProgressOut]


class InterventionOut(Schema):
    id: int
    title: str
    dimension: str
    body: str
    priority_area: str
    economies: list[str]
    status: str
    proposed_on: dt.date


class EconomyOut(Schema):
    code: str
    name: str
    short_name: str
    designation_footnote: str
    profile_url: str | None  # None until the economy's profile page is published


class DocumentOut(Schema):
    id: int
    title: str
    summary: str
    type: str
    level: str
    economies: list[str]
    priority_areas: list[str]
    date: dt.date
    language: str
    publisher: str
    url: str
    file_url: str | None
    file_type: str
    file_size: int | None

    @staticmethod
    def resolve_type(document: Document) -> str:
        return document.document_type

    @staticmethod
    def resolve_economies(document: Document) -> list[str]:
        return [economy.code for economy in document.economies.all()]

    @staticmethod
    def resolve_priority_areas(document: Document) -> list[str]:
        return [area.slug for area in document.priority_areas.all()]

    @staticmethod
    def resolve_url(document: Document, context: dict[str, Any]) -> str:
        return context["request"].build_absolute_uri(document.get_absolute_url())

    @staticmethod
    def resolve_file_url(document: Document, context: dict[str, Any]) -> str | None:
        if not document.file:
            return None
        return context["request"].build_absolute_uri(document.get_file_url())


class PageOut(Schema):
    """A page of the website, in the language it was found in."""

    id: int
    title: str
    summary: str
    language: str
    level: str
    economies: list[str]
    priority_areas: list[str]
    url: str | None

    @staticmethod
    def resolve_language(page: Page) -> str:
        return page.locale.language_code

    @staticmethod
    def resolve_economies(page: NewsPage | EventPage) -> list[str]:
        return [economy.code for economy in page.economies.all()]

    @staticmethod
    def resolve_priority_areas(page: NewsPage | EventPage) -> list[str]:
        return [area.slug for area in page.priority_areas.all()]

    @staticmethod
    def resolve_url(page: Page, context: dict[str, Any]) -> str | None:
        return page_url(page, context["request"])


class NewsOut(PageOut):
    date: dt.date


class EventOut(PageOut):
    start_date: dt.date
    end_date: dt.date | None
    place: str
    online: bool
    meeting: str | None  # the slug of the body's meeting, once it is published

    @staticmethod
    def resolve_meeting(event: EventPage) -> str | None:
        meeting = event.meeting
        return meeting.slug if meeting is not None and meeting.published else None


def page_url(page: Page, request: HttpRequest) -> str | None:
    """The page's full address, or None where no site serves it."""
    relative = page.get_url(request)
    return request.build_absolute_uri(relative) if relative else None
