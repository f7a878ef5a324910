"""The sitemap and robots.txt: what crawlers are pointed to, and kept away from."""

import datetime as dt
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from rihub.governance.models import Meeting
from rihub.tests.personas import Personas
from rihub.website.models import NewsIndexPage, NewsPage, StandardPage
from rihub.website.tests import content

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HOST = "http://testserver"


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class SitemapTests(TestCase):
    people: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()

    def setUp(self) -> None:
        cache.clear()

    def sitemap(self) -> dict[str, Element]:
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        root = ElementTree.fromstring(response.content)
        return {url.findtext(f"{SITEMAP}loc", ""): url for url in root}

    def test_published_pages_documents_meetings_and_listings_are_listed(self) -> None:
        news = content.news("Plan adopted", dt.date(2021, 1, 1))
        document = content.document("Action plan")
        meeting = Meeting.objects.create(
            body=self.people.task_force,
            title="Task Force 2021",
            slug="tf-2021",
            year=2021,
        )

        urls = self.sitemap()

        for path in [
            "/",
            "/news/",
            "/library/",
            "/news/plan-adopted/",
            document.get_absolute_url(),
            meeting.get_absolute_url(),
            "/who-we-are/",
            "/commitments/",
        ]:
            self.assertIn(HOST + path, urls)
        lastmod = urls[f"{HOST}/news/plan-adopted/"].findtext(f"{SITEMAP}lastmod")
        self.assertEqual(lastmod, f"{news.last_published_at:%Y-%m-%d}")

    def test_drafts_unpublished_and_private_content_is_never_listed(self) -> None:
        content.draft(
            NewsIndexPage.objects.get(),
            NewsPage(title="Draft", slug="draft", date=dt.date(2021, 1, 1)),
        )
        content.news("Withdrawn", dt.date(2021, 1, 2)).unpublish()
        private = content.publish(
            content.home(), StandardPage(title="Members area", slug="members")
        )
        content.publish(private, StandardPage(title="Inside", slug="inside"))
        content.make_private(private)
        hidden = content.document("Hidden plan", live=False)
        unpublished = Meeting.objects.create(
            body=self.people.task_force,
            title="Secret",
            slug="secret",
            year=2021,
            published=False,
        )

        urls = self.sitemap()

        for path in [
            "/news/draft/",
            "/news/withdrawn/",
            "/members/",
            "/members/inside/",
            hidden.get_absolute_url(),
            unpublished.get_absolute_url(),
        ]:
            self.assertNotIn(HOST + path, urls)
        self.assertIn(f"{HOST}/news/", urls)

    def test_translations_are_listed_with_hreflang_alternates(self) -> None:
        english = content.news("Plan adopted", dt.date(2021, 1, 1))
        content.news("English only", dt.date(2021, 1, 2))
        albanian = english.copy_for_translation(
            Locale.objects.create(language_code="sq"), copy_parents=True
        )
        albanian.title = "Plani u miratua"
        albanian.save_revision().publish()

        urls = self.sitemap()

        english_url = f"{HOST}/news/plan-adopted/"
        albanian_url = f"{HOST}/sq/news/plan-adopted/"
        expected = {"en": english_url, "sq": albanian_url, "x-default": english_url}
        self.assertEqual(alternates(urls[english_url]), expected)
        self.assertEqual(alternates(urls[albanian_url]), expected)
        self.assertEqual(alternates(urls[f"{HOST}/news/english-only/"]), {})
        # Untranslated pages are served in English under /sq/, but not listed there.
        self.assertNotIn(f"{HOST}/sq/news/english-only/", urls)

    def test_addresses_are_english_whatever_the_crawler_asks_for(self) -> None:
        document = content.document("Action plan")

        response = self.client.get("/sitemap.xml", headers={"Accept-Language": "sq"})

        self.assertIn(f"<loc>{HOST}{document.get_absolute_url()}</loc>", response.text)
        self.assertNotIn("/sq/library/", response.text)

    def test_the_query_count_does_not_grow_with_the_content(self) -> None:
        content.news("First", dt.date(2021, 1, 1))
        content.document("First document")
        few = self.count_queries()
        for day in range(2, 12):
            content.news(f"Item {day}", dt.date(2021, 1, day))
            content.document(f"Document {day}")

        self.assertEqual(self.count_queries(), few)

    def count_queries(self) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get("/sitemap.xml").status_code, 200)
        return len(queries)


def alternates(url: Element) -> dict[str, str]:
    return {
        link.get("hreflang", ""): link.get("href", "")
        for link in url.findall(f"{XHTML}link")
    }


class RobotsTests(TestCase):
    def test_crawlers_are_sent_to_the_sitemap_and_kept_from_private_addresses(
        self,
    ) -> None:
        response = self.client.get("/robots.txt")

        self.assertEqual(response["Content-Type"], "text/plain")
        lines = response.text.splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        for path in [
            "/admin/",
            "/meetings/*/minutes/draft/",
            "/sq/meetings/*/minutes/draft/",
            "/invitations/",
            "/tr/invitations/",
            "/search/",
        ]:
            self.assertIn(f"Disallow: {path}", lines)

    def test_public_pages_stay_open_to_crawlers(self) -> None:
        disallowed = [
            line.removeprefix("Disallow: ")
            for line in self.client.get("/robots.txt").text.splitlines()
            if line.startswith("Disallow:")
        ]

        for path in ["/", "/news/", "/library/", "/sq/news/", "/meetings/"]:
            self.assertFalse([rule for rule in disallowed if matches(rule, path)], path)


def matches(rule: str, path: str) -> bool:
    """Whether a robots.txt rule (a prefix, * for any run of characters) applies."""
    head, *rest = rule.split("*")
    if not path.startswith(head):
        return False
    position = len(head)
    for part in rest:
        found = path.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
