"""The monograph's pages on the website, from its latest build with HTML."""

from rihub.monograph import builds
from rihub.monograph.models import Monograph
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import BookWorld


class PageTests(MediaTestCase):
    monograph: Monograph

    @classmethod
    def setUpTestData(cls) -> None:
        cls.monograph = BookWorld.create().monograph

    def test_no_pages_before_a_build(self) -> None:
        response = self.client.get("/monograph/roma-integration/")

        self.assertEqual(response.status_code, 404)

    def test_the_built_pages_are_served(self) -> None:
        builds.run(builds.prepare(self.monograph, ["html"]))

        with self.assertNumQueries(2):  # the monograph, its latest build
            home = self.client.get("/monograph/roma-integration/")
        chapter = self.client.get("/monograph/roma-integration/governance.html")
        style = self.client.get("/monograph/roma-integration/style.css")

        self.assertContains(home, 'href="governance.html"')
        self.assertContains(chapter, "Task Force in Tirana")
        self.assertEqual(style["Content-Type"], "text/css; charset=utf-8")
        self.assertEqual(
            self.client.get("/monograph/roma-integration/nothing.html").status_code,
            404,
        )
