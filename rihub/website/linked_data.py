"""schema.org descriptions of news, events and publications, as JSON-LD."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from rihub.website.models import Document, EventPage, NewsPage

PUBLISHER = {"@type": "Organization", "name": "Regional Cooperation Council"}


def for_site(request: HttpRequest) -> dict[str, Any]:
    search = request.build_absolute_uri(reverse("website:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "RI Hub",
        "url": request.build_absolute_uri("/"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def for_page(request: HttpRequest, page: Any) -> dict[str, Any]:
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
    }
    if isinstance(page, NewsPage):
        return common | {
            "@type": "NewsArticle",
            "datePublished": page.date.isoformat(),
            "publisher": PUBLISHER,
        }
    if isinstance(page, EventPage):
        return common | event(page)
    return common | {"@type": "WebPage"}


def event(page: EventPage) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Event",
        "startDate": page.start_date.isoformat(),
        "endDate": (page.end_date or page.start_date).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": PUBLISHER,
    }
    if page.place:
        data["location"] = {"@type": "Place", "name": page.place, "address": page.place}
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    if page.online:
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if page.place
            else "https://schema.org/OnlineEventAttendanceMode"
        )
    return data


def for_document(request: HttpRequest, document: Document) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report" if document.document_type == "report" else "CreativeWork",
        "name": document.title,
        "headline": document.title,
        "description": document.summary,
        "datePublished": document.date.isoformat(),
        "inLanguage": document.language,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "genre": document.get_document_type_display(),
    }
    if document.publisher:
        data["publisher"] = {"@type": "Organization", "name": document.publisher}
    if document.file:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(document.get_file_url()),
            "encodingFormat": document.file_type,
        }
    return data
