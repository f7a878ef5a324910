"""Read the text of a library file for search, and draw a PDF's first page.

PDF text comes from pypdf and the thumbnail from PDFium (pypdfium2); DOCX and ODT
text from their XML parts, read with defusedxml; XLSX cells through openpyxl, which
Wagtail already depends on and which knows shared strings, dates and sheet order.
"""

import io
import zipfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import openpyxl
import pypdfium2
from defusedxml import ElementTree
from pypdf import PdfReader

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element  # noqa: S405 (the type only)

THUMBNAIL_WIDTH = 300  # pixels
# The search index needs no more, and PostgreSQL limits a tsvector to 1 MB.
MAX_TEXT = 1_000_000  # characters
# Larger XML parts come from hostile packages (zip bombs), not from real documents.
MAX_PART_BYTES = 64 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DOCX_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


class UnreadableFile(Exception):
    """The file cannot be read as the document it claims to be."""


def text_of(data: bytes, kind: str) -> str:
    """The text of a file of an accepted kind, at most MAX_TEXT characters."""
    readers: dict[str, Callable[[bytes], Iterator[str]]] = {
        "pdf": pdf_text,
        "docx": docx_text,
        "odt": odt_text,
        "xlsx": xlsx_text,
    }
    return tidy(readers[kind](data))


def tidy(pieces: Iterator[str]) -> str:
    """Join the pieces up to the limit; PostgreSQL refuses NUL characters in text."""
    kept: list[str] = []
    length = 0
    for piece in pieces:
        kept.append(piece.replace("\x00", ""))
        length += len(piece)
        if length >= MAX_TEXT:
            break
    return "\n".join(kept)[:MAX_TEXT].strip()


def pdf_text(data: bytes) -> Iterator[str]:
    reader = PdfReader(io.BytesIO(data))
    # Many PDFs are encrypted with an empty user password, only to restrict editing.
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnreadableFile("The PDF is protected by a password.")
    for page in reader.pages:
        yield page.extract_text()


def docx_text(data: bytes) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in DOCX_PARTS:
            if name in archive.namelist():
                yield from docx_paragraphs(read_xml(archive, name))


def docx_paragraphs(root: "Element") -> Iterator[str]:
    for paragraph in root.iter(f"{W}p"):
        yield "".join(docx_runs(paragraph))


def docx_runs(paragraph: "Element") -> Iterator[str]:
    # Only w:t holds text; whitespace between elements is layout of the XML.
    for element in paragraph.iter():
        if element.tag == f"{W}t":
            yield element.text or ""
        elif element.tag == f"{W}tab":
            yield "\t"
        elif element.tag in (f"{W}br", f"{W}cr"):
            yield "\n"


def odt_text(data: bytes) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = read_xml(archive, "content.xml")
    for element in root.iter():
        if element.tag in (f"{TEXT}p", f"{TEXT}h"):
            yield "".join(odt_inline(element))


def odt_inline(element: "Element") -> Iterator[str]:
    """The text of a paragraph, spans included, nested paragraphs left to iter()."""
    yield element.text or ""
    for child in element:
        if child.tag == f"{TEXT}s":
            yield " " * int(child.get(f"{TEXT}c", "1"))
        elif child.tag == f"{TEXT}tab":
            yield "\t"
        elif child.tag == f"{TEXT}line-break":
            yield "\n"
        elif child.tag not in (f"{TEXT}p", f"{TEXT}h"):
            yield from odt_inline(child)
        yield child.tail or ""


def xlsx_text(data: bytes) -> Iterator[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None]
                if cells:
                    yield "\t".join(cells)
    finally:
        workbook.close()


def read_xml(archive: zipfile.ZipFile, name: str) -> "Element":
    with archive.open(name) as part:
        content = part.read(MAX_PART_BYTES + 1)
    if len(content) > MAX_PART_BYTES:
        raise UnreadableFile(f"{name} is larger than {MAX_PART_BYTES} bytes.")
    return ElementTree.fromstring(content)


def thumbnail_of(data: bytes) -> bytes:
    """The first page of a PDF as a PNG image THUMBNAIL_WIDTH pixels wide."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        bitmap = page.render(scale=THUMBNAIL_WIDTH / page.get_width())
        image = bitmap.to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
