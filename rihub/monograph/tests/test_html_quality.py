"""The monograph's web pages pass the Nu HTML Checker."""

from rihub.monograph.assembly import assemble
from rihub.monograph.rendering import html
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import BookWorld
from rihub.tests.html import nu_checker_or_skip, nu_errors


class HtmlQualityTests(MediaTestCase):
    pages: dict[str, str]

    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        files = html.pages(assemble(BookWorld.create().monograph))
        cls.pages = {
            name: content.decode()
            for name, content in files.items()
            if name.endswith(".html")
        }

    def test_every_page_is_valid_html(self) -> None:
        errors = nu_errors(self.pages)

        self.assertEqual({name: found for name, found in errors.items() if found}, {})
