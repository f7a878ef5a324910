"""The website's pages in Chromium and the Nu HTML Checker: accessible and valid."""

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from rihub.tests.browser import BrowserTestCase
from rihub.tests.html import nu_checker_or_skip, nu_errors
from rihub.website.models import Document


def load_the_website() -> dict[str, str]:
    """The reference data's site, and one page of each kind the issue names."""
    call_command("load_reference_data", str(settings.RIHUB_REFERENCE_DATA), verbosity=0)
    document = Document.objects.public().get(title__startswith="Conclusions of the")
    return {
        "home": "/",
        "a section": "/regional/",
        "an economy profile": "/economies/albania/",
        "a news article": "/news/fifth-task-force-online/",
        "a document": document.get_absolute_url(),
        "search results": "/search/?q=roma+integration",
        "the library": "/library/?level=economy",
        "a page in Albanian": "/sq/economies/kosovo/",
    }


class WebsiteIsValidHtmlTests(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    def test_pages_are_valid_html(self) -> None:
        pages = {}
        for name, path in load_the_website().items():
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            pages[name] = response.content.decode()

        self.assertEqual(nu_errors(pages), {name: [] for name in pages})


class WebsiteInTheBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        self.paths = load_the_website()

    def test_pages_have_no_accessibility_violations(self) -> None:
        for name, path in self.paths.items():
            with self.subTest(page=name):
                self.assert_accessible(self.open(path))

    def test_pages_fit_a_narrow_phone(self) -> None:
        for name, path in self.paths.items():
            with self.subTest(page=name):
                page = self.open(path, viewport={"width": 360, "height": 740})
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - window.innerWidth"
                )
                self.assertLessEqual(overflow, 0)

    def test_search_and_read_with_the_keyboard_only(self) -> None:
        page = self.open("/")

        page.keyboard.press("Tab")
        self.assertEqual(page.evaluate("document.activeElement.className"), "skip-link")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        self.assertEqual(page.evaluate("document.activeElement.id"), "site-search-q")
        page.keyboard.type("housing")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=housing")

        self.assertIn("housing", page.locator("main").inner_text().lower())

    def test_the_language_switcher_changes_the_interface(self) -> None:
        page = self.open("/economies/albania/")

        page.get_by_role("link", name="shqip").click()
        page.wait_for_url("**/sq/economies/albania/")

        self.assertEqual(page.locator("html").get_attribute("lang"), "sq")
        self.assertEqual(page.locator("article").get_attribute("lang"), "en")
