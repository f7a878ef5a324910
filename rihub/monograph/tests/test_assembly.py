"""The book holds its chapters in order, drawn from public records only."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from rihub.monograph.assembly import assemble
from rihub.monograph.book import Book, terms_of
from rihub.monograph.chapters import Chapter
from rihub.monograph.models import Monograph
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import INJECTION, PRIVATE, BookWorld


def titles(book: Book, key: str) -> list[str]:
    part = next(part for part in book["chapters"] if part["key"] == key)
    return [block["title"] for block in part["blocks"] if block["kind"] == "entry"]


def queries_to_assemble(monograph: Monograph) -> int:
    with CaptureQueriesContext(connection) as queries:
        assemble(monograph)
    return len(queries)


def headings(book: Book, key: str) -> list[str]:
    part = next(part for part in book["chapters"] if part["key"] == key)
    return [block["text"] for block in part["blocks"] if block["kind"] == "heading"]


class AssemblyTests(MediaTestCase):
    book: Book
    setting: BookWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.setting = BookWorld.create()
        cls.book = assemble(cls.setting.monograph)

    def test_the_chapters_come_in_the_books_order(self) -> None:
        self.assertEqual(
            [part["key"] for part in self.book["chapters"]],
            [
                "governance",
                "cooperation",
                "economy-al",
                "economy-rs",
                "mainstreaming",
                "bulletins",
                "publications",
                "assessment",
                "annexes",
                "bibliography",
                "index-of-terms",
            ],
        )

    def test_each_chapter_holds_its_records(self) -> None:
        self.assertIn("Task Force in Tirana", titles(self.book, "governance"))
        self.assertEqual(
            titles(self.book, "economy-al"),
            ["Register every birth", "Roma in labour measures", "Regional report"],
        )
        self.assertEqual(headings(self.book, "bulletins"), ["Spring bulletin"])
        self.assertEqual(titles(self.book, "publications"), ["Regional report"])
        self.assertEqual(
            titles(self.book, "mainstreaming"), ["Roma in labour measures"]
        )

    def test_nothing_private_or_unpublished_is_in_the_book(self) -> None:
        everything = json.dumps(self.book, ensure_ascii=False)

        for title in PRIVATE:
            with self.subTest(title=title):
                self.assertNotIn(title, everything)
        self.assertNotIn("Secret decision", everything)

    def test_chapters_left_out_by_the_editor_are_left_out(self) -> None:
        monograph = self.setting.monograph
        monograph.chapters = [Chapter.ASSESSMENT.value, Chapter.GOVERNANCE.value]

        book = assemble(monograph)

        self.assertEqual(
            [part["key"] for part in book["chapters"]], ["governance", "assessment"]
        )

    def test_the_foreword_keeps_its_structure_and_its_text_as_written(self) -> None:
        rich, picture, meetings = self.book["foreword"]
        kinds = [node["kind"] for node in rich["nodes"]]

        self.assertEqual(kinds, ["heading", "p", "ul", "p"])
        self.assertEqual(rich["nodes"][0]["level"], 1)  # under the chapter's own
        self.assertEqual(rich["nodes"][-1]["children"][0]["text"], INJECTION)
        self.assertEqual((picture["kind"], picture["alt"]), ("image", "A map"))
        self.assertEqual(
            (meetings["caption"], meetings["columns"], meetings["rows"]),
            ("Meetings held", ["Year", "Meetings"], [["2017", "1"]]),
        )

    def test_the_index_names_economies_bodies_areas_and_places(self) -> None:
        terms = terms_of(self.book)

        for term in ["Albania", "Task Force", "Civil registration", "Tirana", "Sofia"]:
            with self.subTest(term=term):
                self.assertIn(term, terms)

    def test_the_queries_stay_as_many_as_the_records_grow(self) -> None:
        before = queries_to_assemble(self.setting.monograph)
        self.setting.more_records()

        after = queries_to_assemble(self.setting.monograph)

        self.assertEqual(after, before)

    def test_the_figures_carry_a_text_alternative(self) -> None:
        part = next(p for p in self.book["chapters"] if p["key"] == "assessment")
        figures = [block for block in part["blocks"] if block["kind"] == "figure"]

        self.assertEqual(len(figures), 5)
        self.assertIn("Albania: 1", figures[0]["alt"])
        self.assertIn("<title", figures[0]["svg"])
