"""News and events of the website, in the language asked for, else in English."""

import datetime as dt
from typing import TypeVar

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router
from ninja.pagination import paginate

from rihub.api.filters import ClassifiedFilters, Pages
from rihub.api.schemas import EventOut, NewsOut
from rihub.website.models import EventPage, NewsPage
from rihub.website.queries import in_language

router = Router()

P = TypeVar("P", NewsPage, EventPage)


class EventFilters(ClassifiedFilters):
    since: dt.date | None = Field(None, description="Events starting on or after.")


@router.get("/news", response=list[NewsOut], tags=["news"])
@paginate(Pages)
def news(
    request: HttpRequest, response: HttpResponse, filters: Query[ClassifiedFilters]
) -> QuerySet[NewsPage]:
    """Live public news, the latest first."""
    language = filters.language(request, response)
    found: QuerySet[NewsPage] = classified(pages_in(NewsPage, language), filters)
    if filters.year:
        found = found.filter(date__year=filters.year)
    return found.order_by("-date", "-pk")


@router.get("/news/{int:pk}", response=NewsOut, tags=["news"])
def news_item(request: HttpRequest, pk: int) -> NewsPage:
    return public_page(NewsPage.objects.all(), pk)


@router.get("/events", response=list[EventOut], tags=["events"])
@paginate(Pages)
def events(
    request: HttpRequest, response: HttpResponse, filters: Query[EventFilters]
) -> QuerySet[EventPage]:
    """Live public events, the latest first; with `since`, those still to come."""
    language = filters.language(request, response)
    found = classified(pages_in(EventPage, language), filters)
    found = found.select_related("meeting")
    if filters.year:
        found = found.filter(start_date__year=filters.year)
    if filters.since:
        found = found.filter(start_date__gte=filters.since)
    return found.order_by("-start_date", "-pk")


@router.get("/events/{int:pk}", response=EventOut, tags=["events"])
def event(request: HttpRequest, pk: int) -> EventPage:
    return public_page(EventPage.objects.select_related("meeting"), pk)


def pages_in(model: type[P], language: str) -> QuerySet[P]:
    with translation.override(language):
        pages = in_language(model.objects.all())
    return with_classification(pages)


def with_classification(pages: QuerySet[P]) -> QuerySet[P]:
    return pages.select_related("locale").prefetch_related(
        "economies", "priority_areas"
    )


def classified(pages: QuerySet[P], filters: ClassifiedFilters) -> QuerySet[P]:
    if filters.economy:
        pages = pages.filter(economies__code=filters.economy)
    if filters.priority_area:
        pages = pages.filter(priority_areas__slug=filters.priority_area)
    if filters.level:
        pages = pages.filter(level=filters.level)
    return pages


def public_page(pages: QuerySet[P], pk: int) -> P:
    """A live page open to all, in whatever language; nothing else, even by id."""
    public = pages.live().public()  # type: ignore[attr-defined]
    found = with_classification(public).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
