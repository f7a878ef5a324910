"""The website's tree: a home page, its sections and indexes, and the Site.

The reference data loader and the tests build the same tree through `ensure_site`,
which only adds what is missing.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from rihub.website.models import (
    DocumentLibraryPage,
    EventIndexPage,
    HomePage,
    Level,
    NewsIndexPage,
    SectionPage,
    TopicIndexPage,
)

SECTION_SLUGS = {
    Level.ECONOMY: "economies",
    Level.REGIONAL: "regional",
    Level.EU: "eu",
    Level.INTERNATIONAL: "international",
}


@transaction.atomic
def ensure_site() -> HomePage:
    home = ensure_home()
    for level, slug in SECTION_SLUGS.items():
        ensure_child(home, SectionPage, slug, title=str(level.label), level=level)
    ensure_child(home, NewsIndexPage, "news", title=_("News"))
    ensure_child(home, EventIndexPage, "events", title=_("Events"))
    ensure_child(home, DocumentLibraryPage, "library", title=_("Library"))
    ensure_child(home, TopicIndexPage, "topics", title=_("Topics"))
    return home


def ensure_home() -> HomePage:
    """The English home page at the root of the default Site."""
    english, _created = Locale.objects.get_or_create(
        language_code=settings.LANGUAGE_CODE
    )
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=english)
        )
        # Wagtail's welcome page gives way to ours, once.
        root.get_children().filter(content_type__model="page").delete()
        home = root.add_child(
            instance=HomePage(title="RI Hub", slug="home", locale=english)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": "RI Hub"},
    )
    return home


def ensure_child(parent: Page, model: type[Page], slug: str, **values: object) -> Page:
    found = model.objects.child_of(parent).filter(slug=slug).first()
    if found is not None:
        return found
    return parent.add_child(instance=model(slug=slug, **values))
