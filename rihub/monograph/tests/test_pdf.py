"""The book as a PDF: its outline, page numbers and index read back with pypdf."""

import io
import re

import pypdf

from rihub.monograph.assembly import assemble
from rihub.monograph.book import Book
from rihub.monograph.rendering.pdf import pdf
from rihub.monograph.richtext import blocks_of
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import INJECTION, PRIVATE, BookWorld


def pages_of(document: bytes) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(document))
    return reader, [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """The text without the line breaks typesetting put in."""
    return re.sub(r"\s+", " ", text)


class PdfTests(MediaTestCase):
    book: Book
    document: bytes

    @classmethod
    def setUpTestData(cls) -> None:
        cls.book = assemble(BookWorld.create().monograph)
        cls.document = pdf(cls.book)

    def test_the_outline_lists_the_chapters_in_order(self) -> None:
        reader, _ = pages_of(self.document)
        chapters = [
            item["/Title"] for item in reader.outline if not isinstance(item, list)
        ]

        self.assertEqual(
            chapters,
            [
                "Foreword",
                "The project and its governance",
                "Regional cooperation year by year",
                "Albania",
                "Serbia",
                "Mainstreaming in SEE 2020",
                "Highlights of the bulletins",
                "Compendium of publications",
                "Assessment of achievements",
                "Annexes",
                "Bibliography",
                "Index",
            ],
        )

    def test_every_page_after_the_title_shows_its_number(self) -> None:
        _, pages = pages_of(self.document)

        for number, text in enumerate(pages[1:], start=2):
            with self.subTest(page=number):
                self.assertRegex(text.strip(), rf"{number}$")

    def test_the_index_gives_the_pages_where_a_term_is_named(self) -> None:
        _, pages = pages_of(self.document)
        index = flat(pages[-1])

        found = re.search(r"Tirana (\d+)", index)
        self.assertIsNotNone(found)
        page = int(found.group(1)) if found else 0
        self.assertIn("Task Force in Tirana", pages[page - 1])

    def test_a_crafted_title_and_rich_text_come_out_literally(self) -> None:
        _, pages = pages_of(self.document)
        text = flat(" ".join(pages))

        self.assertIn(flat(f"Task Force {INJECTION}"), text)
        self.assertGreaterEqual(text.count('#import "/etc/passwd"'), 2)

    def test_nothing_private_is_printed(self) -> None:
        _, pages = pages_of(self.document)
        text = flat(" ".join(pages))

        for title in PRIVATE:
            with self.subTest(title=title):
                self.assertNotIn(title, text)

    def test_the_same_book_gives_the_same_bytes(self) -> None:
        self.assertEqual(pdf(self.book), self.document)

    def test_the_cover_and_the_forewords_picture_are_printed(self) -> None:
        reader, pages = pages_of(self.document)

        self.assertEqual(len(reader.pages[0].images), 1)
        self.assertIn("Meetings held", " ".join(pages[:5]))

    def test_a_table_without_a_header_row_is_printed(self) -> None:
        book = self.book | {
            "foreword": blocks_of("<table><tr><td>1917</td></tr></table>")
        }

        _, pages = pages_of(pdf(book))

        self.assertIn("1917", " ".join(pages[:5]))

    def test_the_pdf_claims_pdf_ua_1_and_pdf_a_2a(self) -> None:
        self.assertIn(b"<pdfuaid:part>1</pdfuaid:part>", self.document)
        self.assertIn(b"<pdfaid:part>2</pdfaid:part>", self.document)

    def test_the_pdf_is_tagged_and_titled(self) -> None:
        reader, _ = pages_of(self.document)

        catalog = reader.root_object
        self.assertIn("/StructTreeRoot", catalog)
        self.assertEqual(reader.metadata and reader.metadata.title, self.book["title"])
