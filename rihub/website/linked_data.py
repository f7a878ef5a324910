"""schema.org descriptions of the site, news, events and publications, as JSON-LD.

Search engines and link previews read these; the templates put them in a script
element through the `structured_data_*` tags, which escape them for HTML.
"""

import mimetypes
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page

from rihub.website.models import Document, DocumentType, EventPage, NewsPage

PUBLISHER_NAME = "Regional Cooperation Council"
PUBLISHER = {"@type": "Organization", "name": PUBLISHER_NAME}
CONTEXT = "https://schema.org"
# Search engines cut headlines longer than this.
HEADLINE_LENGTH = 110

DOCUMENT_TYPES: dict[str, str] = {
    DocumentType.REPORT: "Report",
    DocumentType.POLICY_BRIEF: "Report",
    DocumentType.PUBLICATION: "Book",
    DocumentType.LEGISLATION: "Legislation",
    DocumentType.DATA: "Dataset",
    DocumentType.PRESENTATION: "PresentationDigitalDocument",
}
ATTENDANCE_MODES = {
    (True, False): "OfflineEventAttendanceMode",
    (False, True): "OnlineEventAttendanceMode",
    (True, True): "MixedEventAttendanceMode",
}


def for_site(request: HttpRequest) -> dict[str, Any]:
    search = request.build_absolute_uri(reverse("website:search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": "RI Hub",
        "url": request.build_absolute_uri(reverse("home")),
        "publisher": PUBLISHER,
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def for_page(request: HttpRequest, page: Page) -> dict[str, Any]:
    url = request.build_absolute_uri(page.get_url(request))
    common = {
        "@context": CONTEXT,
        "name": page.title,
        "url": url,
        "inLanguage": page.locale.language_code,
        "description": getattr(page, "summary", ""),
    }
    if isinstance(page, NewsPage):
        return without_blanks(common | article(page))
    if isinstance(page, EventPage):
        return without_blanks(common | event(page, url))
    return without_blanks(common | {"@type": "WebPage"})


def article(page: NewsPage) -> dict[str, Any]:
    return {
        "@type": "NewsArticle",
        "headline": page.title[:HEADLINE_LENGTH],
        "datePublished": page.date.isoformat(),
        "dateModified": isoformat(page.last_published_at),
        "author": PUBLISHER,
        "publisher": PUBLISHER,
        "isBasedOn": page.source,
        "about": subjects(page),
    }


def event(page: EventPage, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Event",
        "startDate": page.start_date.isoformat(),
        "endDate": (page.end_date or page.start_date).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": PUBLISHER,
        "location": [],
        "about": subjects(page),
    }
    if page.place:
        data["location"].append({"@type": "Place", "name": page.place})
    if page.online:
        data["location"].append({"@type": "VirtualLocation", "url": url})
    mode = ATTENDANCE_MODES.get((bool(page.place), page.online))
    if mode:
        data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    return data


def for_document(request: HttpRequest, document: Document) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": DOCUMENT_TYPES.get(document.document_type, "DigitalDocument"),
        "name": document.title,
        "headline": document.title[:HEADLINE_LENGTH],
        "description": document.summary,
        "datePublished": document.date.isoformat(),
        "dateModified": isoformat(document.updated_at),
        "inLanguage": document.language,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "genre": str(document.get_document_type_display()),
        "publisher": {"@type": "Organization", "name": document.publisher}
        if document.publisher
        else PUBLISHER,
        "isBasedOn": document.source,
        "about": subjects(document),
    }
    if document.thumbnail:
        data["thumbnailUrl"] = request.build_absolute_uri(document.thumbnail.url)
    if document.file:
        data["encoding"] = file_object(request, document)
    return without_blanks(data)


def file_object(request: HttpRequest, document: Document) -> dict[str, Any]:
    mime_type, _encoding = mimetypes.guess_type(document.file.name or "")
    return without_blanks(
        {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(document.get_file_url()),
            "encodingFormat": mime_type or "",
            "contentSize": f"{document.file_size} B" if document.file_size else "",
            "sha256": document.file_sha256,
        }
    )


def subjects(item: NewsPage | EventPage | Document) -> list[dict[str, str]]:
    """The economies and priority areas an item concerns, as schema.org Things."""
    # Place, not Country: an economy's status is not for this site to state.
    places = [
        {"@type": "Place", "name": economy.name} for economy in item.economies.all()
    ]
    areas = [
        {"@type": "Thing", "name": area.name} for area in item.priority_areas.all()
    ]
    return places + areas


def isoformat(moment: Any) -> str:
    return moment.isoformat() if moment else ""


def without_blanks(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", [], None)}
