"""The library list as CSV: published documents only, filtered as on the page."""

import csv
import datetime as dt
import io
from typing import Any

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rihub.directory.models import PriorityArea
from rihub.tests.personas import Personas
from rihub.website.models import Document, DocumentType, Level

ADDRESS = reverse("website:documents-csv")
STRATEGY = "Strategija za inkluziju Roma 2016-2025"


def document(title: str, **fields: Any) -> Document:
    economies = fields.pop("economies", [])
    areas = fields.pop("priority_areas", [])
    values = {
        "document_type": DocumentType.REPORT,
        "date": dt.date(2019, 5, 1),
        "language": "en",
        "live": True,
    }
    made = Document(title=title, **values | fields)
    made.economies.set(economies)
    made.priority_areas.set(areas)
    made.save()
    return made


def table(content: bytes) -> list[dict[str, str]]:
    """The rows of a CSV download, read as a spreadsheet would read them."""
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


class DocumentsCsvTests(TestCase):
    people: Personas
    strategy: Document

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        housing = PriorityArea.objects.create(slug="housing", name="Housing")
        cls.strategy = document(
            STRATEGY,
            summary="The national strategy, with its targets, in Serbian.",
            document_type=DocumentType.STRATEGY,
            level=Level.ECONOMY,
            economies=[cls.people.serbia, cls.people.albania],
            priority_areas=[housing],
            date=dt.date(2016, 3, 3),
            language="sr",
            publisher="Vlada Republike Srbije",
            file=ContentFile(b"%PDF-1.4", name="strategy.pdf"),
        )
        document("Regional report on civil registration", date=dt.date(2018, 4, 4))
        document("Draft work plan, not agreed", live=False)

    def test_the_download_is_a_csv_file_with_a_header(self) -> None:
        response = self.client.get(ADDRESS)
        text = response.getvalue().decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(text)))

        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertEqual(header[:3], ["id", "title", "summary"])
        self.assertIn("economies", header)

    def test_each_published_document_is_one_row(self) -> None:
        rows = table(self.client.get(ADDRESS).getvalue())
        strategy = rows[1]

        self.assertEqual(
            [row["title"] for row in rows],
            ["Regional report on civil registration", STRATEGY],
        )
        self.assertEqual(strategy["id"], str(self.strategy.pk))
        self.assertEqual(strategy["type"], "Strategy")
        self.assertEqual(strategy["level"], "Economy")
        self.assertEqual(strategy["date"], "2016-03-03")
        self.assertEqual(strategy["language"], "sr")
        self.assertEqual(strategy["publisher"], "Vlada Republike Srbije")
        self.assertEqual(strategy["economies"], "AL; RS")
        self.assertEqual(strategy["priority areas"], "housing")
        server = "http://testserver"
        self.assertEqual(strategy["address"], server + self.strategy.get_absolute_url())
        self.assertEqual(strategy["file"], server + self.strategy.get_file_url())
        self.assertEqual(rows[0]["file"], "")

    def test_a_draft_is_never_listed(self) -> None:
        content = self.client.get(ADDRESS).getvalue()
        self.assertNotIn(b"not agreed", content)

    def test_the_filters_of_the_library_page_apply(self) -> None:
        cases = {
            "economy": "RS",
            "area": "housing",
            "type": "strategy",
            "level": "economy",
            "year": "2016",
            "language": "sr",
            "q": "inkluziju",
        }
        for name, value in cases.items():
            with self.subTest(name):
                rows = table(self.client.get(ADDRESS, {name: value}).getvalue())
                self.assertEqual([row["title"] for row in rows], [STRATEGY])

    def test_a_wrong_filter_is_refused_with_its_reason(self) -> None:
        response = self.client.get(ADDRESS, {"economy": "XX", "year": "1066"})

        self.assertEqual(response.status_code, 400)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("No economy has the code “XX”.", response.content.decode())
        self.assertIn("Year:", response.content.decode())

    def test_a_cell_a_spreadsheet_would_run_is_written_as_text(self) -> None:
        formulas = ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)"]
        for number, formula in enumerate(formulas):
            document(formula, publisher=formula, date=dt.date(2020, 1, number + 1))
        rows = table(self.client.get(ADDRESS, {"year": "2020"}).getvalue())

        self.assertEqual(len(rows), 4)
        for row in rows:
            with self.subTest(row["title"]):
                self.assertEqual(row["title"][0], "'")
                self.assertIn(row["title"][1:], formulas)
                self.assertEqual(row["publisher"], row["title"])

    def test_the_number_of_queries_does_not_grow_with_the_list(self) -> None:
        with CaptureQueriesContext(connection) as few:
            table(self.client.get(ADDRESS, {"economy": "RS"}).getvalue())
        areas = PriorityArea.objects.all()
        for number in range(5):
            serbia = self.people.serbia
            document(f"Report {number}", economies=[serbia], priority_areas=areas)
        with CaptureQueriesContext(connection) as many:
            rows = table(self.client.get(ADDRESS, {"economy": "RS"}).getvalue())

        self.assertEqual(len(rows), 6)
        self.assertEqual(len(many), len(few))
