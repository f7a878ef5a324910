"""Results by relevance or by date, twenty to a page."""

import datetime as dt

from django.test import TestCase, override_settings

from rihub.website.search import sync
from rihub.website.search.tests.world import document, found_titles


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class OrderTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        document("Housing", date=dt.date(2010, 1, 1))
        document(
            "Annual report",
            summary="Employment, education, health; one line on housing at the end.",
            text="A long report on many things. " * 50,
            date=dt.date(2019, 1, 1),
        )
        document(
            "Housing in numbers", summary="Housing data.", date=dt.date(2015, 1, 1)
        )
        sync.rebuild()

    def test_by_relevance_a_title_match_comes_before_a_passing_mention(self) -> None:
        titles = found_titles(self.client, q="housing")

        self.assertEqual(titles[-1], "Annual report")
        self.assertEqual(set(titles[:2]), {"Housing", "Housing in numbers"})

    def test_by_date_the_newest_comes_first(self) -> None:
        titles = found_titles(self.client, q="housing", sort="date")

        self.assertEqual(titles, ["Annual report", "Housing in numbers", "Housing"])

    def test_the_order_in_use_is_marked_and_the_other_linked(self) -> None:
        by_date = self.client.get("/search/", {"q": "housing", "sort": "date"})
        by_relevance = self.client.get("/search/", {"q": "housing"})

        self.assertContains(
            by_date, '<strong aria-current="true">newest first</strong>'
        )
        self.assertContains(by_date, 'href="?q=housing">most relevant first</a>')
        self.assertContains(
            by_relevance, '<strong aria-current="true">most relevant first</strong>'
        )
        self.assertContains(by_relevance, 'href="?q=housing&amp;sort=date"')


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        for number in range(1, 26):
            document(f"Bulletin {number}", date=dt.date(2000 + number, 1, 1))
        sync.rebuild()

    def test_twenty_results_to_a_page(self) -> None:
        first = self.client.get("/search/", {"q": "bulletin", "sort": "date"})
        second = self.client.get(
            "/search/", {"q": "bulletin", "sort": "date", "page": "2"}
        )

        self.assertEqual(len(first.context["hits"]), 20)
        self.assertEqual(first.context["hits"][0].entry.title, "Bulletin 25")
        self.assertContains(first, "25 results for “bulletin”.")
        self.assertContains(
            first, 'href="?q=bulletin&amp;sort=date&amp;page=2" rel="next"'
        )
        titles = [hit.entry.title for hit in second.context["hits"]]
        self.assertEqual(titles, [f"Bulletin {n}" for n in range(5, 0, -1)])
        self.assertContains(second, '<ol class="items" start="21">')
        self.assertContains(second, "Page 2 of 2")

    def test_pages_together_hold_every_result_once(self) -> None:
        pages = [
            found_titles(self.client, q="bulletin", page=str(number))
            for number in (1, 2)
        ]

        self.assertEqual(len(pages[0]) + len(pages[1]), 25)
        self.assertEqual(len(set(pages[0]) | set(pages[1])), 25)
