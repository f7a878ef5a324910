"""The search page in each of its states is valid HTML (Nu HTML Checker)."""

from django.test import TestCase, override_settings

from rihub.tests.html import nu_checker_or_skip, nu_errors
from rihub.website.search import sync
from rihub.website.search.tests.world import SearchWorld, document

STATES = {
    "empty form": {},
    "results with snippets": {"q": "housing"},
    "filtered, by date": {"q": "housing", "economy": "AL", "sort": "date"},
    "bad filters": {"q": "housing", "year": "abc", "economy": "ZZ"},
    "nothing found": {"q": "zebra"},
    "second page": {"q": "bulletin", "page": "2"},
}


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class SearchPageHtmlTests(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        SearchWorld.create()
        document("A <b>bold</b> housing bulletin", summary='Quotes " and <tags>.')
        for number in range(25):
            document(f"Bulletin {number}")
        sync.rebuild()

    def test_every_state_of_the_page_is_valid(self) -> None:
        pages = {}
        for name, params in STATES.items():
            response = self.client.get("/search/", params)
            self.assertEqual(response.status_code, 200)
            pages[name] = response.content.decode()

        self.assertEqual(nu_errors(pages), {name: [] for name in pages})
