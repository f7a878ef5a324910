"""The API's documents: the published library, filtered, never a draft."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from rihub.api.tests.content import document
from rihub.directory.models import PriorityArea
from rihub.tests.personas import Personas
from rihub.website.models import Document, DocumentType, Level

STRATEGY = "Strategy for Roma Integration 2016-2020"


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class DocumentApiTests(TestCase):
    people: Personas
    strategy: Document
    draft: Document

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        education = PriorityArea.objects.create(slug="education", name="Education")
        cls.strategy = document(
            STRATEGY,
            document_type=DocumentType.STRATEGY,
            level=Level.ECONOMY,
            economies=[cls.people.albania],
            priority_areas=[education],
            date=dt.date(2016, 3, 1),
            language="sq",
            file=ContentFile(b"%PDF-1.4 strategy", name="strategy.pdf"),
            file_type="pdf",
            file_size=17,
        )
        housing = PriorityArea.objects.create(slug="housing", name="Housing")
        document(
            "Regional report on housing",
            date=dt.date(2018, 5, 2),
            priority_areas=[housing],
        )
        cls.draft = document("Draft action plan, not yet agreed", live=False)

    def test_published_documents_are_listed_with_their_metadata(self) -> None:
        listed = self.client.get("/api/v1/documents").json()
        strategy = listed["items"][1]

        self.assertEqual(listed["count"], 2)
        self.assertEqual(strategy["title"], STRATEGY)
        self.assertEqual(strategy["type"], "strategy")
        self.assertEqual(strategy["level"], "economy")
        self.assertEqual(strategy["economies"], ["AL"])
        self.assertEqual(strategy["priority_areas"], ["education"])
        self.assertEqual(strategy["date"], "2016-03-01")
        self.assertEqual(strategy["language"], "sq")
        self.assertEqual(strategy["file_type"], "pdf")
        self.assertEqual(strategy["file_size"], 17)

    def test_addresses_are_absolute_and_lead_to_the_page_and_file(self) -> None:
        strategy = self.client.get(f"/api/v1/documents/{self.strategy.pk}").json()
        report = self.client.get("/api/v1/documents").json()["items"][0]

        server = "http://testserver"
        self.assertEqual(strategy["url"], server + self.strategy.get_absolute_url())
        self.assertEqual(strategy["file_url"], server + self.strategy.get_file_url())
        self.assertIsNone(report["file_url"])
        self.assertEqual(self.client.get(strategy["url"]).status_code, 200)

    def test_a_draft_is_neither_listed_nor_found_by_id(self) -> None:
        listed = self.client.get("/api/v1/documents", {"limit": 100}).content
        by_id = self.client.get(f"/api/v1/documents/{self.draft.pk}")

        self.assertNotIn(b"not yet agreed", listed)
        self.assertEqual(by_id.status_code, 404)
        self.assertNotIn(b"not yet agreed", by_id.content)

    def test_each_filter_narrows_the_list(self) -> None:
        cases = {
            "economy": ("AL", "RS"),
            "type": ("strategy", "report"),
            "level": ("economy", "regional"),
            "priority_area": ("education", "housing"),
            "year": ("2016", "2018"),
            "language": ("sq", "en"),
            "q": ("integration", "housing"),
        }
        for name, (chosen, other) in cases.items():
            with self.subTest(name):
                self.assertEqual(self.get_titles(**{name: chosen}), [STRATEGY])
                self.assertNotIn(STRATEGY, self.get_titles(**{name: other}))

    def test_an_economy_code_may_be_written_in_lower_case(self) -> None:
        self.assertEqual(self.get_titles(economy="al"), [STRATEGY])

    def test_wrong_filters_are_refused_with_their_reason(self) -> None:
        cases = {
            "economy": ("XX", "No economy has the code 'XX'"),
            "priority_area": ("housing-x", "There is no priority area 'housing-x'"),
            "type": ("novel", "Input should be 'strategy'"),
            "level": ("galactic", "Input should be 'economy'"),
            "year": ("1066", "greater than or equal to 1990"),
            "language": ("xx", "No documents in 'xx'"),
            "limit": ("1000", "less than or equal to 100"),
        }
        for name, (value, reason) in cases.items():
            with self.subTest(name):
                response = self.client.get("/api/v1/documents", {name: value})
                self.assertEqual(response.status_code, 422)
                [error] = response.json()["detail"]
                self.assertEqual(error["loc"], ["query", name])
                self.assertIn(reason, error["msg"])

    def test_pages_of_the_list_follow_limit_and_offset(self) -> None:
        first = self.client.get("/api/v1/documents", {"limit": 1}).json()
        second = self.client.get("/api/v1/documents", {"limit": 1, "offset": 1})

        self.assertEqual(first["count"], 2)
        self.assertEqual(
            [d["title"] for d in first["items"]], ["Regional report on housing"]
        )
        self.assertEqual(second.json()["items"][0]["id"], self.strategy.pk)

    def test_the_number_of_queries_does_not_grow_with_the_list(self) -> None:
        query: dict[str, str | int] = {"economy": "AL", "limit": 100}
        self.client.get("/api/v1/documents", query)  # caches warm up here
        with CaptureQueriesContext(connection) as few:
            self.client.get("/api/v1/documents", query)
        for number in range(5):
            document(
                f"Monitoring report {number}",
                economies=[self.people.albania, self.people.serbia],
                priority_areas=PriorityArea.objects.all(),
            )
        with CaptureQueriesContext(connection) as many:
            listed = self.client.get("/api/v1/documents", query).json()

        self.assertEqual(listed["count"], 6)
        self.assertEqual(len(many), len(few))

    def get_titles(self, **query: str) -> list[str]:
        found = self.client.get("/api/v1/documents", query).json()["items"]
        return [item["title"] for item in found]
