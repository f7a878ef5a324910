"""The monograph's web pages in Chromium: no accessibility violations."""

from rihub.monograph import builds
from rihub.monograph.tests.world import BookWorld
from rihub.tests.browser import BrowserTestCase
from rihub.tests.media import TemporaryMediaMixin

PAGES = ["", "foreword.html", "governance.html", "assessment.html"]
PAGES += ["index-of-terms.html"]


class MonographPagesInTheBrowserTests(TemporaryMediaMixin, BrowserTestCase):
    def setUp(self) -> None:
        monograph = BookWorld.create().monograph
        builds.run(builds.prepare(monograph, ["html"]))

    def test_pages_have_no_accessibility_violations(self) -> None:
        for name in PAGES:
            with self.subTest(page=name or "home"):
                self.assert_accessible(self.open(f"/monograph/roma-integration/{name}"))
