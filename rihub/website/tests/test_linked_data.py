"""schema.org JSON-LD and Open Graph tags, as search engines and previews read them."""

import datetime as dt
import json
from html.parser import HTMLParser
from typing import Any

from django.core.cache import cache
from django.test import TestCase, override_settings

from rihub.directory.models import PriorityArea
from rihub.tests.personas import Personas
from rihub.website.models import DocumentType
from rihub.website.tests import content, samples

HOST = "http://testserver"
HOSTILE_TITLE = '</script><script>alert("x")</script> & <!-- Roma'


class HeadReader(HTMLParser):
    """Collects JSON-LD scripts and Open Graph properties from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.properties: dict[str, str] = {}
        self.in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self.in_json_ld = True
            self.scripts.append("")
        if tag == "meta" and attributes.get("property"):
            self.properties[attributes["property"] or ""] = (
                attributes.get("content") or ""
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.scripts[-1] += data


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    return reader


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class LinkedDataTests(TestCase):
    people: Personas
    area: PriorityArea

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.area = PriorityArea.objects.create(slug="housing", name="Housing")

    def setUp(self) -> None:
        cache.clear()

    def json_ld(self, path: str) -> dict[str, Any]:
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        [script] = read_head(response.text).scripts
        data: dict[str, Any] = json.loads(script)
        self.assertEqual(data["@context"], "https://schema.org")
        return data

    def test_a_news_article(self) -> None:
        page = content.news(
            "Housing programme launched",
            dt.date(2021, 4, 5),
            summary="A new programme.",
            economies=[self.people.albania],
            priority_areas=[self.area],
        )

        data = self.json_ld(page.url)

        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "Housing programme launched")
        self.assertEqual(data["datePublished"], "2021-04-05")
        self.assertEqual(
            dt.datetime.fromisoformat(data["dateModified"]), page.last_published_at
        )
        self.assertEqual(data["url"], f"{HOST}/news/housing-programme-launched/")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["description"], "A new programme.")
        self.assertEqual(data["publisher"]["name"], "Regional Cooperation Council")
        self.assertEqual(
            [thing["name"] for thing in data["about"]], ["Albania", "Housing"]
        )

    def test_an_event_in_a_place_and_online(self) -> None:
        page = content.event(
            "Task Force meeting",
            dt.date(2022, 6, 1),
            end_date=dt.date(2022, 6, 2),
            place="Skopje",
            online=True,
        )

        data = self.json_ld(page.url)

        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["startDate"], "2022-06-01")
        self.assertEqual(data["endDate"], "2022-06-02")
        self.assertEqual(data["url"], f"{HOST}/events/task-force-meeting/")
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode"
        )
        self.assertEqual(
            [place["@type"] for place in data["location"]],
            ["Place", "VirtualLocation"],
        )

    def test_a_one_day_event_ends_the_day_it_starts(self) -> None:
        page = content.event("Workshop", dt.date(2022, 6, 1), place="Tirana")

        data = self.json_ld(page.url)

        self.assertEqual(data["endDate"], "2022-06-01")
        self.assertEqual(
            data["eventAttendanceMode"],
            "https://schema.org/OfflineEventAttendanceMode",
        )

    def test_a_published_report_with_its_file(self) -> None:
        document = content.document(
            "Roma housing report",
            document_type=DocumentType.REPORT,
            date=dt.date(2019, 5, 1),
            publisher="Ministry of Housing",
            file=samples.upload("report.pdf", samples.pdf()),
        )

        data = self.json_ld(document.get_absolute_url())

        self.assertEqual(data["@type"], "Report")
        self.assertEqual(data["datePublished"], "2019-05-01")
        self.assertEqual(data["url"], HOST + document.get_absolute_url())
        self.assertEqual(data["publisher"]["name"], "Ministry of Housing")
        self.assertEqual(data["encoding"]["contentUrl"], HOST + document.get_file_url())
        self.assertEqual(data["encoding"]["encodingFormat"], "application/pdf")

    def test_a_data_set_is_described_as_one(self) -> None:
        document = content.document("Survey results", document_type=DocumentType.DATA)

        data = self.json_ld(document.get_absolute_url())

        self.assertEqual(data["@type"], "Dataset")
        self.assertNotIn("encoding", data)

    def test_the_home_page_describes_the_site_and_its_search(self) -> None:
        data = self.json_ld("/")

        self.assertEqual(data["@type"], "WebSite")
        self.assertEqual(data["url"], f"{HOST}/")
        self.assertEqual(
            data["potentialAction"]["target"],
            f"{HOST}/search/?q={{search_term_string}}",
        )

    def test_a_title_cannot_close_the_script_element(self) -> None:
        page = content.news(HOSTILE_TITLE, dt.date(2021, 1, 1), slug="hostile")
        document = content.document(HOSTILE_TITLE)

        for path in [page.url, document.get_absolute_url()]:
            with self.subTest(path=path):
                html = self.client.get(path).text
                start = html.index('<script type="application/ld+json">')
                script = html[start : html.index("</script>", start)]

                self.assertNotIn("<", script.removeprefix("<script"))
                self.assertEqual(self.json_ld(path)["name"], HOSTILE_TITLE)

    def test_open_graph_describes_a_news_article(self) -> None:
        page = content.news("Housing programme launched", dt.date(2021, 4, 5))

        properties = read_head(self.client.get(page.url).text).properties

        self.assertEqual(properties["og:type"], "article")
        self.assertEqual(properties["og:title"], "Housing programme launched")
        self.assertEqual(
            properties["og:url"], f"{HOST}/news/housing-programme-launched/"
        )
        self.assertEqual(properties["og:site_name"], "RI Hub")
