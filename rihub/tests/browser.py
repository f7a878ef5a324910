"""Drive Debian's Chromium against a live test server, and check accessibility.

Without /usr/bin/chromium the browser tests are skipped with the command that
installs it; with RIHUB_REQUIRE_TOOLS=1 (as in CI) a missing browser fails them.
"""

import os
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from rihub.tests.html import require_tool

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


def chromium_or_skip() -> None:
    require_tool(
        CHROMIUM.exists(),
        "Chromium is not installed: apt-get install chromium chromium-driver",
    )


@pytest.mark.browser
class BrowserTestCase(StaticLiveServerTestCase):
    playwright: Playwright
    browser: Browser

    @classmethod
    def setUpClass(cls) -> None:
        chromium_or_skip()
        # Playwright's sync API runs an event loop in this thread; the test's own
        # database calls stay synchronous and safe.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        super().setUpClass()
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def open(self, path: str, **context: Any) -> Page:
        page = self.browser.new_context(**context).new_page()
        self.addCleanup(page.context.close)
        page.goto(f"{self.live_server_url}{path}")
        return page

    def assert_accessible(self, page: Page) -> None:
        results = Axe().run(page, options=AXE_RULES)
        self.assertEqual(results.violations_count, 0, results.generate_report())
