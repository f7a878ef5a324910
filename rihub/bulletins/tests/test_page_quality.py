"""The bulletin's public pages in Chromium and the Nu HTML Checker."""

import datetime as dt

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from rihub.bulletins import drafting, publishing
from rihub.bulletins.quarters import Quarter
from rihub.tests.browser import BrowserTestCase
from rihub.tests.html import nu_checker_or_skip, nu_errors
from rihub.tests.media import TemporaryMediaMixin

PAGES = {
    "the archive": "/bulletin/",
    "a bulletin": "/bulletin/2020-q4/",
    "a bulletin in Albanian": "/sq/bulletin/2020-q4/",
    "the sign-up form": "/bulletin/subscribe/",
}


def publish_a_bulletin() -> None:
    """The reference data, and the bulletin of its last quarter with events."""
    call_command("load_reference_data", str(settings.RIHUB_REFERENCE_DATA), verbosity=0)
    page = drafting.draft(Quarter(2020, 4), today=dt.date(2021, 1, 10))
    page.editorial = "<p>A year of <b>online</b> meetings.</p>"
    page.save_revision().publish()
    publishing.published(page.pk)


class BulletinPagesAreValidHtmlTests(TemporaryMediaMixin, TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    def test_pages_are_valid_html(self) -> None:
        publish_a_bulletin()
        pages = {}
        for name, path in PAGES.items():
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            pages[name] = response.content.decode()

        self.assertEqual(nu_errors(pages), {name: [] for name in pages})


class BulletinPagesInTheBrowserTests(TemporaryMediaMixin, BrowserTestCase):
    def setUp(self) -> None:
        publish_a_bulletin()

    def test_pages_have_no_accessibility_violations(self) -> None:
        for name, path in PAGES.items():
            with self.subTest(page=name):
                self.assert_accessible(self.open(path))

    def test_pages_fit_a_narrow_phone(self) -> None:
        for name, path in PAGES.items():
            with self.subTest(page=name):
                page = self.open(path, viewport={"width": 360, "height": 740})
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - window.innerWidth"
                )
                self.assertLessEqual(overflow, 0)
