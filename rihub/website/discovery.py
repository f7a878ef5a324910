"""What crawlers read first: robots.txt, and the sitemap of everything public.

The sitemap lists live public pages in every language they exist in, each with
its translations as hreflang alternates, then published documents, published
meetings and the fixed public listings. Drafts, private pages and unpublished
records are never listed.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from rihub.governance.models import Meeting
from rihub.website.models import Document

# Addresses of the public site that are not Wagtail pages.
LISTINGS = [
    "directory:who-we-are",
    "governance:meeting-list",
    "governance:commitment-tracker",
    "mainstreaming:strategy-list",
]


class PageSitemap(WagtailSitemap):
    """Live public pages of the site in every language, linked to each other."""

    def items(self) -> QuerySet[Page]:
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = Q()
        for home in homes:
            trees |= Q(path__startswith=home.path)
        pages = Page.objects.filter(trees).live().public()
        return pages.select_related("locale").order_by("path")

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        chunk = list(self.paginator.page(page).object_list)
        versions = self.versions()
        urls = [
            {
                "item": item,
                "location": versions[item.translation_key][item.locale.language_code],
                "lastmod": self.lastmod(item),
                "alternates": alternates(versions[item.translation_key]),
            }
            for item in chunk
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def versions(self) -> dict[Any, dict[str, str]]:
        """Each page's address in each of its languages, by translation key."""
        if not hasattr(self, "_versions"):
            self._versions: dict[Any, dict[str, str]] = defaultdict(dict)
            for page in self.items():
                languages = self._versions[page.translation_key]
                languages[page.locale.language_code] = page_address(self.request, page)
        return self._versions


def page_address(request: HttpRequest, page: Page) -> str:
    """The page's full address on the host the crawler asked, like the others."""
    return request.build_absolute_uri(page.get_url(request))


def alternates(addresses: dict[str, str]) -> list[dict[str, str]]:
    """hreflang links of a page that exists in more than one language."""
    if len(addresses) < 2:
        return []
    links = [
        {"lang_code": code, "location": address}
        for code, address in sorted(addresses.items())
    ]
    if settings.LANGUAGE_CODE in addresses:
        english = addresses[settings.LANGUAGE_CODE]
        links.append({"lang_code": "x-default", "location": english})
    return links


class EnglishSitemap(Sitemap):
    """Addresses in the default language, which carries no prefix."""

    def location(self, item: Any) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return str(item.get_absolute_url())


class DocumentSitemap(EnglishSitemap):
    def items(self) -> QuerySet[Document]:
        return Document.objects.public().order_by("pk")

    def lastmod(self, document: Document) -> datetime:
        return document.updated_at


class MeetingSitemap(EnglishSitemap):
    def items(self) -> QuerySet[Meeting]:
        return Meeting.objects.public().order_by("pk")


class ListingSitemap(EnglishSitemap):
    def items(self) -> list[str]:
        return LISTINGS

    def location(self, item: str) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse(item)


def sitemap(request: HttpRequest) -> HttpResponse:
    sitemaps: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
        "pages": PageSitemap(request),
        "documents": DocumentSitemap(),
        "meetings": MeetingSitemap(),
        "listings": ListingSitemap(),
    }
    return sitemap_view(request, sitemaps)


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}"]
    lines += [f"Disallow: {path}" for path in private_paths()]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def private_paths() -> list[str]:
    """Addresses for members only, or of no use to a crawler, in every language.

    Draft minutes and invitation replies are for the people they were sent to;
    search results are endless variations of pages the sitemap already lists.
    """
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            draft = reverse("governance:draft-minutes", args=["_"])
            invitation = reverse("governance:invitation-reply", args=["_"])
            paths += [
                draft.replace("/_/", "/*/"),
                invitation.removesuffix("_/"),
                reverse("website:search"),
            ]
    return paths
