"""The monograph as an EPUB 3: a zip of XHTML chapters, a package and a nav.

1. The mimetype first and stored, as readers expect to find it.
2. META-INF/container.xml names the package document.
3. The package document lists every file (manifest) in reading order (spine).
4. nav.xhtml is the table of contents; each chapter is its own XHTML file.
"""

import datetime as dt
import io
import zipfile
from pathlib import Path

from django.template.loader import render_to_string

from rihub.monograph.book import Block, Book
from rihub.monograph.rendering.cover import picture_files
from rihub.monograph.rendering.html import STYLE, ZIP_DATE, index_of

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "monograph" / "epub"
SOURCES = sorted(TEMPLATES.iterdir())
CONTAINER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/package.opf"'
    ' media-type="application/oebps-package+xml"/></rootfiles></container>\n'
)
KINDS = {"title": "titlepage", "foreword": "foreword", "index-of-terms": "index"}


def epub(book: Book, identifier: str) -> bytes:
    """The EPUB file; `identifier` names this edition (a URN of its fingerprint)."""
    parts = spine(book)
    files = {"META-INF/container.xml": CONTAINER.encode()}
    images = picture_files(book)
    files["OEBPS/package.opf"] = package(book, parts, identifier, list(images))
    files["OEBPS/nav.xhtml"] = render("nav.xhtml", book=book, parts=parts)
    files["OEBPS/style.css"] = STYLE.read_bytes()
    for part in parts:
        files[f"OEBPS/{part['key']}.xhtml"] = chapter(book, part)
    files |= {f"OEBPS/{name}": content for name, content in images.items()}
    return packed(files)


def spine(book: Book) -> list[Block]:
    """The title page, the foreword, then the chapters, each with what it holds."""
    parts: list[Block] = [{"key": "title", "title": book["title"], "blocks": []}]
    if book["foreword"]:
        title = book["labels"]["foreword"]
        parts.append({"key": "foreword", "title": title, "blocks": book["foreword"]})
    parts.extend(book["chapters"])
    return [
        part | {"svg": any(block["kind"] == "figure" for block in part["blocks"])}
        for part in parts
    ]


def chapter(book: Book, part: Block) -> bytes:
    kind = KINDS.get(part["key"], "chapter")
    index = index_of(book, ".xhtml") if part["key"] == "index-of-terms" else []
    return render("chapter.xhtml", book=book, chapter=part, kind=kind, index=index)


def package(
    book: Book, parts: list[Block], identifier: str, images: list[str]
) -> bytes:
    # The book's date of record, not the build's, so the same book is the same file.
    modified = dt.datetime(book["year"], 12, 31, tzinfo=dt.UTC)
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    return render(
        "package.opf",
        book=book,
        parts=parts,
        identifier=identifier,
        modified=stamp,
        images=images,
        cover=book["cover"]["name"] if book.get("cover") else "",
    )


def render(template: str, **context: object) -> bytes:
    return render_to_string(f"monograph/epub/{template}", context).encode()


def packed(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", date_time=ZIP_DATE)
        archive.writestr(mimetype, b"application/epub+zip", zipfile.ZIP_STORED)
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
