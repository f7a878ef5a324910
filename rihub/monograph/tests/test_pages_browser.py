"""The monograph's web pages in Chromium: no accessibility violations."""

import shutil
import tempfile

from django.conf import settings
from django.test import override_settings

from rihub.monograph import builds
from rihub.monograph.tests.media import NO_RENDITION_CACHE
from rihub.monograph.tests.world import BookWorld
from rihub.tests.browser import BrowserTestCase

PAGES = ["", "foreword.html", "governance.html", "assessment.html"]
PAGES += ["index-of-terms.html"]


class MonographPagesInTheBrowserTests(BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        folder = tempfile.mkdtemp(prefix="rihub-monograph-")
        cls.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
        media = override_settings(
            MEDIA_ROOT=folder, CACHES=settings.CACHES | NO_RENDITION_CACHE
        )
        media.enable()
        cls.addClassCleanup(media.disable)

    def setUp(self) -> None:
        monograph = BookWorld.create().monograph
        builds.run(builds.prepare(monograph, ["html"]))

    def test_pages_have_no_accessibility_violations(self) -> None:
        for name in PAGES:
            with self.subTest(page=name or "home"):
                self.assert_accessible(self.open(f"/monograph/roma-integration/{name}"))
