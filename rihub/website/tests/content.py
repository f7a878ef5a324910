"""Build website content for tests: published pages under the site's tree."""

import datetime as dt
from typing import Any, TypeVar

from wagtail.models import Page, PageViewRestriction

from rihub.website.models import (
    Document,
    DocumentType,
    EconomyProfilePage,
    EventIndexPage,
    EventPage,
    HomePage,
    Level,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)

P = TypeVar("P", bound=Page)


def publish(parent: Page, page: P, **relations: Any) -> P:
    """Add the page under its parent and publish it through a revision."""
    for name, values in relations.items():
        setattr(page, name, values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def draft(parent: Page, page: P) -> P:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def make_private(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def news(title: str, day: dt.date, **fields: Any) -> NewsPage:
    relations = {
        k: fields.pop(k) for k in ("economies", "priority_areas") if k in fields
    }
    page = NewsPage(title=title, date=day, **fields)
    return publish(english(NewsIndexPage), page, **relations)


def event(title: str, day: dt.date, **fields: Any) -> EventPage:
    relations = {
        k: fields.pop(k) for k in ("economies", "priority_areas") if k in fields
    }
    page = EventPage(title=title, start_date=day, **fields)
    return publish(english(EventIndexPage), page, **relations)


def profile(economy: Any, **fields: Any) -> EconomyProfilePage:
    section = english(SectionPage, level=Level.ECONOMY)
    page = EconomyProfilePage(title=economy.name, economy=economy, **fields)
    return publish(section, page)


def topic(area: Any, **fields: Any) -> TopicPage:
    page = TopicPage(title=area.name, priority_area=area, **fields)
    return publish(english(TopicIndexPage), page)


def document(title: str, **fields: Any) -> Document:
    economies = fields.pop("economies", [])
    areas = fields.pop("priority_areas", [])
    values = {
        "document_type": DocumentType.REPORT,
        "date": dt.date(2019, 5, 1),
        "language": "en",
        "live": True,
    }
    doc = Document(title=title, **values | fields)
    doc.economies.set(economies)
    doc.priority_areas.set(areas)
    doc.save()
    return doc


def home() -> HomePage:
    return english(HomePage)


def english(model: type[P], **filters: Any) -> P:
    """The English page of a kind the site tree has once per language."""
    return model.objects.get(locale__language_code="en", **filters)
