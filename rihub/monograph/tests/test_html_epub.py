"""The web pages and the EPUB: navigable, escaped, private records left out."""

import html
import io
import zipfile

from defusedxml import ElementTree

from rihub.monograph.assembly import assemble
from rihub.monograph.book import Book
from rihub.monograph.rendering import epub
from rihub.monograph.rendering import html as pages
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import INJECTION, PRIVATE, BookWorld

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
CRAFTED = "<script>alert(1)</script>"


class FormatTests(MediaTestCase):
    book: Book
    site: dict[str, bytes]
    book_file: bytes

    @classmethod
    def setUpTestData(cls) -> None:
        setting = BookWorld.create()
        setting.monograph.subtitle = CRAFTED
        setting.monograph.save()
        cls.book = assemble(setting.monograph)
        cls.site = pages.pages(cls.book)
        cls.book_file = epub.epub(cls.book, "urn:test")

    @property
    def archive(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.book_file))

    def epub_file(self, name: str) -> bytes:
        return self.archive.read(name)

    def test_the_site_has_a_page_per_chapter_linked_in_reading_order(self) -> None:
        home = self.site["index.html"].decode()
        keys = ["foreword", *(part["key"] for part in self.book["chapters"])]

        for key in keys:
            with self.subTest(page=key):
                self.assertIn(f"{key}.html", self.site)
                self.assertIn(f'href="{key}.html"', home)
        governance = self.site["governance.html"].decode()
        self.assertIn('rel="prev" href="foreword.html"', governance)
        self.assertIn('rel="next" href="cooperation.html"', governance)

    def test_the_index_page_links_to_the_records(self) -> None:
        index = self.site["index-of-terms.html"].decode()

        self.assertIn("<dt>Tirana</dt>", index)
        anchor = next(
            block["anchor"]
            for block in self.book["chapters"][0]["blocks"]
            if block.get("title") == "Task Force in Tirana"
        )
        self.assertIn(f'href="governance.html#{anchor}"', index)

    def test_crafted_text_comes_out_escaped(self) -> None:
        home = self.site["index.html"].decode()
        foreword = self.site["foreword.html"].decode()

        self.assertNotIn(CRAFTED, home)
        self.assertIn(html.escape(CRAFTED), home)
        self.assertIn(html.escape(INJECTION), foreword)

    def test_nothing_private_in_any_page_or_epub_file(self) -> None:
        files = [*self.site.values()]
        files += [self.epub_file(name) for name in self.archive.namelist()]
        texts = [content.decode("utf-8", "replace") for content in files]

        for title in PRIVATE:
            with self.subTest(title=title):
                self.assertFalse(any(title in text for text in texts))

    def test_the_epub_starts_with_its_stored_mimetype(self) -> None:
        first = self.archive.infolist()[0]

        self.assertEqual(first.filename, "mimetype")
        self.assertEqual(first.compress_type, zipfile.ZIP_STORED)
        self.assertEqual(self.epub_file("mimetype"), b"application/epub+zip")

    def test_the_container_names_a_package_listing_every_file(self) -> None:
        container = ElementTree.fromstring(self.epub_file("META-INF/container.xml"))
        path = container.find(f".//{CONTAINER}rootfile").get("full-path")
        package = ElementTree.fromstring(self.epub_file(path))
        listed = {"OEBPS/" + item.get("href") for item in package.iter(f"{OPF}item")}

        self.assertEqual(path, "OEBPS/package.opf")
        self.assertEqual(package.get("version"), "3.0")
        self.assertEqual(
            listed,
            {n for n in self.archive.namelist() if n.startswith("OEBPS/")} - {path},
        )
        self.assertEqual(
            package.find(f".//{OPF}metadata")
            .find("{http://purl.org/dc/elements/1.1/}title")
            .text,
            self.book["title"],
        )

    def test_the_spine_and_the_navigation_follow_the_chapters(self) -> None:
        package = ElementTree.fromstring(self.epub_file("OEBPS/package.opf"))
        spine = [ref.get("idref") for ref in package.iter(f"{OPF}itemref")]
        nav = ElementTree.fromstring(self.epub_file("OEBPS/nav.xhtml"))
        links = [a.get("href") for a in nav.iter(f"{XHTML}a")]
        keys = ["title", "foreword", *(part["key"] for part in self.book["chapters"])]

        self.assertEqual(spine, keys)
        self.assertEqual(links, [f"{key}.xhtml" for key in keys])

    def test_every_chapter_is_well_formed_xhtml(self) -> None:
        for name in self.archive.namelist():
            if name.endswith(".xhtml"):
                with self.subTest(file=name):
                    root = ElementTree.fromstring(self.epub_file(name))
                    self.assertEqual(root.tag, f"{XHTML}html")

    def test_figures_are_inline_svg_with_their_text_alternative(self) -> None:
        chapter = self.epub_file("OEBPS/assessment.xhtml").decode()
        package = self.epub_file("OEBPS/package.opf").decode()

        self.assertIn("<desc", chapter)
        self.assertIn(
            'href="assessment.xhtml" media-type="application/xhtml+xml" '
            'properties="svg"',
            package,
        )

    def test_pictures_travel_with_the_pages_and_the_epub(self) -> None:
        name = self.book["cover"]["name"]
        foreword = self.site["foreword.html"].decode()
        package = self.epub_file("OEBPS/package.opf").decode()

        self.assertTrue(self.site[name].startswith(b"\x89PNG"))
        self.assertIn(f'<img src="{name}" alt="A map"/>', foreword)
        self.assertIn("<caption>Meetings held</caption>", foreword)
        self.assertIn(
            f'href="{name}" media-type="image/png" properties="cover-image"', package
        )
        self.assertTrue(self.epub_file(f"OEBPS/{name}").startswith(b"\x89PNG"))

    def test_the_same_book_gives_the_same_files(self) -> None:
        self.assertEqual(pages.site(self.book), pages.site(self.book))
        self.assertEqual(epub.epub(self.book, "urn:x"), epub.epub(self.book, "urn:x"))
