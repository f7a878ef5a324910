"""Drive Debian's Chromium against a live test server, and check accessibility.

Without /usr/bin/chromium the browser tests are skipped with the command that
installs it; with RIHUB_REQUIRE_TOOLS=1 (as in CI) a missing browser fails them.
Accessibility is checked with axe-core from npm (`npm ci` installs it).
"""

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from rihub.tests.html import require_tool

AXE_CORE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"

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
    require_tool(AXE_CORE.exists(), "axe-core is not installed: npm ci")


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
        page.add_script_tag(path=str(AXE_CORE))
        results = page.evaluate("options => axe.run(document, options)", AXE_RULES)
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(node["target"]) for node in v["nodes"][:5])
            for v in results["violations"]
        ]
        self.assertEqual(violations, [], "\n".join(violations))
