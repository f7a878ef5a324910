"""The search page in Chromium: accessible in each state, usable by keyboard."""

from django.test import override_settings

from rihub.tests.browser import BrowserTestCase
from rihub.website.search import sync
from rihub.website.search.tests.world import SearchWorld

STATES = {
    "results": "/search/?q=housing",
    "a filter chosen, by date": "/search/?q=housing&economy=AL&sort=date",
    "bad filters": "/search/?q=housing&year=abc&economy=ZZ",
    "nothing found": "/search/?q=zebra",
}


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class SearchInTheBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        SearchWorld.create()
        sync.rebuild()

    def test_each_state_has_no_accessibility_violations(self) -> None:
        for name, path in STATES.items():
            with self.subTest(state=name):
                self.assert_accessible(self.open(path))

    def test_narrow_a_search_with_the_keyboard_only(self) -> None:
        page = self.open("/search/?q=housing")

        page.locator("summary").focus()
        page.keyboard.press("Enter")
        page.get_by_role("link", name="Serbia", exact=True).focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=housing&economy=RS")

        status = page.get_by_role("status").inner_text()
        self.assertIn("2 results", status)
        titles = page.locator("ol.items h3").all_inner_texts()
        self.assertCountEqual(
            titles, ["Regional housing forum", "Strategy for Roma inclusion"]
        )

    def test_the_page_fits_a_narrow_phone(self) -> None:
        page = self.open(
            STATES["a filter chosen, by date"], viewport={"width": 360, "height": 740}
        )

        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        self.assertLessEqual(overflow, 0)
