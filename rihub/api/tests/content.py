"""Website content for the API's tests: pages as editors make them, and documents."""

import datetime as dt
from typing import Any, TypeVar

from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction

from rihub.website.models import (
    Document,
    DocumentType,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
)

P = TypeVar("P", bound=Page)


def published(page: P) -> P:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def drafted(parent: Page, page: P) -> P:
    """A page saved as a draft only: never published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def news(title: str, day: dt.date, *, draft: bool = False, **fields: Any) -> NewsPage:
    index = NewsIndexPage.objects.get(slug="news", locale__language_code="en")
    page = drafted(
        index, NewsPage(title=title, slug=slugify(title), date=day, **fields)
    )
    return page if draft else published(page)


def event(title: str, day: dt.date, *, draft: bool = False, **fields: Any) -> EventPage:
    index = EventIndexPage.objects.get(slug="events", locale__language_code="en")
    page = EventPage(title=title, slug=slugify(title), start_date=day, **fields)
    page = drafted(index, page)
    return page if draft else published(page)


def made_private(page: Page) -> Page:
    """A page behind a password, as an editor's privacy setting makes it."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="partners"
    )
    return page


def translated(page: P, language_code: str, title: str) -> P:
    """The page's translation, published with its own title."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    return published(translation)


def document(title: str, *, live: bool = True, **fields: Any) -> Document:
    values: dict[str, Any] = {
        "document_type": DocumentType.REPORT,
        "date": dt.date(2019, 6, 1),
        "language": "en",
        "publisher": "Regional Cooperation Council",
    }
    economies = fields.pop("economies", [])
    areas = fields.pop("priority_areas", [])
    found = Document.objects.create(title=title, live=live, **values | fields)
    found.economies.set(economies)
    found.priority_areas.set(areas)
    found.save()
    return found
