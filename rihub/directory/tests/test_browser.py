"""The public pages in a real browser: accessible, keyboard-friendly, narrow."""

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from rihub.tests.browser import BrowserTestCase

PAGES = {"home": reverse("home"), "who we are": reverse("directory:who-we-are")}


class PublicPagesInTheBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        call_command(
            "load_reference_data", str(settings.RIHUB_REFERENCE_DATA), verbosity=0
        )

    def test_pages_have_no_accessibility_violations(self) -> None:
        for name, path in PAGES.items():
            with self.subTest(page=name):
                page = self.open(path)
                self.assert_accessible(page)

    def test_home_shows_the_project_at_a_glance(self) -> None:
        page = self.open(PAGES["home"])

        economies = page.locator("#glance-heading ~ ul.cards li")
        self.assertEqual(economies.count(), 7)
        self.assertIn("Regional Cooperation", page.locator("footer").inner_text())

    def test_the_kosovo_footnote_is_one_step_away(self) -> None:
        page = self.open(PAGES["home"])

        page.locator('a[href="#designation-xk"]').first.click()

        self.assertTrue(page.url.endswith("#designation-xk"))
        self.assertIn("UNSCR 1244/1999", page.locator("#designation-xk").inner_text())

    def test_the_first_tab_offers_to_skip_to_the_content(self) -> None:
        page = self.open(PAGES["who we are"])

        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")

        self.assertEqual(focused.strip(), "Skip to content")
        self.assertEqual(page.evaluate("document.activeElement.id"), "main")

    def test_pages_fit_a_narrow_phone_without_sideways_scrolling(self) -> None:
        for name, path in PAGES.items():
            with self.subTest(page=name):
                page = self.open(path, viewport={"width": 360, "height": 740})
                width = page.evaluate("document.documentElement.scrollWidth")
                self.assertLessEqual(width, 360)

    def test_pages_work_without_javascript(self) -> None:
        page = self.open(PAGES["who we are"], java_script_enabled=False)
        self.assertEqual(page.locator("h1").inner_text(), "Who we are")
        self.assertGreater(page.locator("table.seats tbody tr").count(), 10)
