"""Atom feeds as a feed reader sees them: entries, links, dates, languages, 304s."""

import datetime as dt
from typing import Any

import feedparser
from defusedxml import ElementTree
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from rihub.directory.models import PriorityArea
from rihub.tests.personas import Personas
from rihub.website.models import DocumentType, NewsIndexPage, NewsPage
from rihub.website.tests import content, samples

XML = "http://www.w3.org/XML/1998/namespace"


# The feeds answer conditional requests themselves; the page cache stays out.
@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class FeedTestCase(TestCase):
    people: Personas
    area: PriorityArea

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.area = PriorityArea.objects.create(slug="education", name="Education")

    def setUp(self) -> None:
        cache.clear()

    def feed(self, path: str, **headers: Any) -> Any:
        response = self.client.get(path, headers=headers)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Content-Type"], "application/atom+xml; charset=utf-8"
        )
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return parsed

    def titles(self, path: str) -> list[str]:
        return [entry.title for entry in self.feed(path).entries]


class NewsFeedTests(FeedTestCase):
    def test_entries_carry_absolute_links_dates_ids_and_categories(self) -> None:
        page = content.news(
            "Albania adopts its action plan",
            dt.date(2021, 3, 4),
            summary="The government adopted the plan.",
            economies=[self.people.albania],
            priority_areas=[self.area],
        )

        parsed = self.feed("/news/feed/")

        self.assertEqual(parsed.version, "atom10")
        self.assertEqual(parsed.feed.link, "http://testserver/news/")
        self.assertEqual(parsed.feed.language, "en")
        self.assertEqual(parsed.feed.author, "Regional Cooperation Council")
        [entry] = parsed.entries
        self.assertEqual(entry.title, "Albania adopts its action plan")
        self.assertEqual(
            entry.link, "http://testserver/news/albania-adopts-its-action-plan/"
        )
        self.assertEqual(entry.id, f"tag:testserver,2020:page/{page.pk}")
        self.assertEqual(entry.summary, "The government adopted the plan.")
        self.assertEqual(entry.published_parsed[:3], (2021, 3, 3))  # Belgrade midnight
        self.assertGreaterEqual(entry.updated_parsed, entry.published_parsed)
        self.assertEqual({tag.term for tag in entry.tags}, {"Albania", "Education"})

    def test_newest_first_and_no_more_than_thirty(self) -> None:
        for day in range(1, 33):
            content.news(f"Item {day}", dt.date(2022, 1, day % 28 + 1))

        entries = self.feed("/news/feed/").entries

        self.assertEqual(len(entries), 30)
        dates = [entry.published_parsed for entry in entries]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_drafts_unpublished_and_private_news_never_appear(self) -> None:
        content.news("Public", dt.date(2021, 1, 1))
        content.draft(
            NewsIndexPage.objects.get(),
            NewsPage(title="Draft only", slug="draft-only", date=dt.date(2021, 1, 2)),
        )
        content.news("Withdrawn", dt.date(2021, 1, 3)).unpublish()
        content.make_private(content.news("Members only", dt.date(2021, 1, 4)))

        self.assertEqual(self.titles("/news/feed/"), ["Public"])

    def test_a_pending_draft_does_not_replace_the_published_text(self) -> None:
        page = content.news("Published title", dt.date(2021, 1, 1))
        page.title = "Unpublished new title"
        page.save_revision()

        self.assertEqual(self.titles("/news/feed/"), ["Published title"])

    def test_a_private_news_index_hides_all_its_news(self) -> None:
        content.news("Behind the index", dt.date(2021, 1, 1))
        content.make_private(NewsIndexPage.objects.get())

        self.assertEqual(self.titles("/news/feed/"), [])

    def test_each_language_gets_its_translations_and_english_for_the_rest(self) -> None:
        content.news("English only", dt.date(2021, 1, 1))
        translate(content.news("In English", dt.date(2021, 1, 2)), "Në shqip")

        parsed = self.feed("/sq/news/feed/")

        self.assertEqual(parsed.feed.language, "sq")
        self.assertEqual(
            [e.title for e in parsed.entries], ["Në shqip", "English only"]
        )
        self.assertTrue(parsed.entries[0].link.startswith("http://testserver/sq/news/"))
        self.assertEqual(
            entry_languages(self.client.get("/sq/news/feed/").content), ["sq", "en"]
        )

    def test_the_query_count_does_not_grow_with_the_entries(self) -> None:
        content.news("First", dt.date(2021, 1, 1), economies=[self.people.albania])
        few = self.count_queries("/news/feed/")
        for day in range(2, 12):
            content.news(
                f"Item {day}",
                dt.date(2021, 1, day),
                economies=[self.people.albania, self.people.serbia],
                priority_areas=[self.area],
            )

        self.assertEqual(self.count_queries("/news/feed/"), few)

    def count_queries(self, path: str) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(queries)


def entry_languages(feed: bytes) -> list[str]:
    """Each entry's xml:lang, which feedparser does not report."""
    root = ElementTree.fromstring(feed)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    return [entry.get(f"{{{XML}}}lang", "") for entry in entries]


def translate(page: NewsPage, title: str) -> NewsPage:
    albanian, _created = Locale.objects.get_or_create(language_code="sq")
    copy = page.copy_for_translation(albanian, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy


class EventAndDocumentFeedTests(FeedTestCase):
    def test_events_say_when_and_where(self) -> None:
        content.event(
            "Task Force meeting",
            dt.date(2022, 6, 1),
            end_date=dt.date(2022, 6, 2),
            place="Tirana",
            online=True,
        )

        [entry] = self.feed("/events/feed/").entries

        self.assertEqual(entry.title, "Task Force meeting")
        self.assertIn("Tirana, online", entry.summary)
        self.assertEqual(entry.link, "http://testserver/events/task-force-meeting/")

    def test_documents_link_their_file_and_name_their_publisher(self) -> None:
        document = content.document(
            "Roma inclusion report",
            publisher="Ministry of Health",
            document_type=DocumentType.REPORT,
            file=samples.upload("report.pdf", samples.pdf()),
        )
        content.document("Unpublished draft", live=False)

        [entry] = self.feed("/library/feed/").entries

        self.assertEqual(entry.title, "Roma inclusion report")
        self.assertEqual(entry.author, "Ministry of Health")
        self.assertEqual(entry.id, f"tag:testserver,2020:document/{document.pk}")
        self.assertEqual(entry.link, f"http://testserver{document.get_absolute_url()}")
        [enclosure] = entry.enclosures
        self.assertEqual(
            enclosure.href, f"http://testserver/library/{document.pk}/file/"
        )
        self.assertEqual(enclosure.type, "application/pdf")
        self.assertEqual(enclosure.length, str(document.file_size))
        self.assertIn("Report", {tag.term for tag in entry.tags})


class EconomyAndTopicFeedTests(FeedTestCase):
    def test_an_economy_feed_holds_what_concerns_that_economy(self) -> None:
        albania, serbia = self.people.albania, self.people.serbia
        content.news("Albanian news", dt.date(2021, 1, 1), economies=[albania])
        content.news("Serbian news", dt.date(2021, 1, 2), economies=[serbia])
        content.event("Albanian event", dt.date(2021, 2, 1), economies=[albania])
        content.document("Albanian plan", economies=[albania])
        content.document("Hidden plan", economies=[albania], live=False)

        titles = self.titles("/feeds/economies/AL/")

        self.assertEqual(
            sorted(titles), ["Albanian event", "Albanian news", "Albanian plan"]
        )
        self.assertEqual(self.titles("/feeds/economies/al/"), titles)
        self.assertEqual(self.titles("/feeds/economies/RS/"), ["Serbian news"])

    def test_the_economy_feed_links_to_the_economy_profile(self) -> None:
        content.profile(self.people.albania)

        parsed = self.feed("/feeds/economies/AL/")

        self.assertEqual(parsed.feed.link, "http://testserver/economies/albania/")
        self.assertIn("Albania", parsed.feed.title)

    def test_a_topic_feed_holds_what_concerns_that_priority_area(self) -> None:
        housing = PriorityArea.objects.create(slug="housing", name="Housing")
        content.news("School news", dt.date(2021, 1, 1), priority_areas=[self.area])
        content.news("Housing news", dt.date(2021, 1, 1), priority_areas=[housing])
        content.document("School report", priority_areas=[self.area])

        titles = self.titles("/feeds/topics/education/")

        self.assertEqual(sorted(titles), ["School news", "School report"])

    def test_unknown_economies_and_areas_are_not_found(self) -> None:
        self.assertEqual(self.client.get("/feeds/economies/ZZ/").status_code, 404)
        self.assertEqual(self.client.get("/feeds/topics/astronomy/").status_code, 404)


class ConditionalFeedTests(FeedTestCase):
    def test_a_reader_holding_the_feed_gets_not_modified(self) -> None:
        content.news("Held", dt.date(2021, 1, 1))
        first = self.client.get("/news/feed/")
        self.assertTrue(first["ETag"])
        self.assertTrue(first["Last-Modified"])

        by_etag = self.client.get(
            "/news/feed/", headers={"If-None-Match": first["ETag"]}
        )
        by_date = self.client.get(
            "/news/feed/", headers={"If-Modified-Since": first["Last-Modified"]}
        )

        self.assertEqual(by_etag.status_code, 304)
        self.assertEqual(by_etag.content, b"")
        self.assertEqual(by_date.status_code, 304)

    def test_new_content_changes_the_etag(self) -> None:
        content.news("Held", dt.date(2021, 1, 1))
        etag = self.client.get("/news/feed/")["ETag"]

        content.news("Newer", dt.date(2021, 1, 2))
        response = self.client.get("/news/feed/", headers={"If-None-Match": etag})

        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response["ETag"], etag)

    def test_an_empty_feed_keeps_its_etag(self) -> None:
        first = self.client.get("/events/feed/")
        second = self.client.get(
            "/events/feed/", headers={"If-None-Match": first["ETag"]}
        )

        self.assertEqual(second.status_code, 304)
