"""A search reads the same number of queries however many results it has."""

import datetime as dt

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import DocumentType, Level
from rihub.website.search import sync
from rihub.website.search.tests.world import area, document

SEARCHES = [
    {"q": "census"},
    {"q": "census", "economy": "AL", "area": "health", "sort": "date"},
    {"q": "census", "page": "2"},
]


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class QueryCountTests(TestCase):
    economies: list[Economy]
    areas: list[PriorityArea]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.economies = [
            Economy.objects.create(code=code, name=name, short_name=code, order=n)
            for n, (code, name) in enumerate([("AL", "Albania"), ("RS", "Serbia")])
        ]
        cls.areas = [area("health", "Health"), area("housing", "Housing")]

    def add_documents(self, count: int) -> None:
        for number in range(count):
            document(
                f"Census report {number}",
                text="The census counted Roma households.",
                economies=[self.economies[number % 2]],
                priority_areas=[self.areas[number // 2 % 2]],
                document_type=DocumentType.values[number % 3],
                level=Level.values[number % 4],
                language=["en", "sq", "sr"][number % 3],
                date=dt.date(2001 + number % 20, 1, 1),
            )
        sync.rebuild()

    def queries(self, params: dict[str, str]) -> int:
        with CaptureQueriesContext(connection) as context:
            response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries)

    def test_the_number_of_queries_does_not_grow_with_the_results(self) -> None:
        self.add_documents(25)
        self.client.get("/search/")  # the footer's footnotes, cached once
        few = [self.queries(params) for params in SEARCHES]

        self.add_documents(100)
        many = [self.queries(params) for params in SEARCHES]

        self.assertEqual(few, many)
        self.assertLessEqual(max(many), 16)

    def test_the_results_did_grow(self) -> None:
        self.add_documents(30)

        response = self.client.get("/search/", {"q": "census"})

        self.assertEqual(response.context["page_obj"].paginator.count, 30)
        economies = {o.label: o.count for o in response.context["facets"][3].options}
        self.assertEqual(economies, {"Albania": 15, "Serbia": 15})
        self.assertEqual(len(response.context["hits"]), 20)
