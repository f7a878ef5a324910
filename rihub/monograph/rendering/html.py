"""The monograph as web pages: a home page, the foreword, one page per chapter.

The pages stand alone (their own style sheet, relative links), so the same
files serve on the website, from a folder, or from the build's zip.
"""

import io
import zipfile
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from rihub.monograph.book import Block, Book, terms_of
from rihub.monograph.rendering.cover import picture_files

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "monograph"
STYLE = TEMPLATES / "html" / "style.css"
# What the pages are made with; the admin's own templates are not among them.
SOURCES = sorted([*TEMPLATES.glob("html/*"), *TEMPLATES.glob("includes/*")])
# A fixed date for every member of the zip: the same pages, the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def pages(book: Book) -> dict[str, bytes]:
    """Each page's file name and content, in reading order; then its pictures."""
    files = {"index.html": page("home", book)}
    parts = reading_order(book)
    for number, part in enumerate(parts):
        context: dict[str, Any] = {
            "chapter": part,
            "previous": parts[number - 1] if number else None,
            "next": parts[number + 1] if number + 1 < len(parts) else None,
        }
        if part["key"] == "index-of-terms":
            context["index"] = index_of(book, ".html")
        files[f"{part['key']}.html"] = page("chapter", book, **context)
    files["style.css"] = STYLE.read_bytes()
    return files | picture_files(book)


def reading_order(book: Book) -> list[Block]:
    title = book["labels"]["foreword"]
    foreword = [{"key": "foreword", "title": title, "blocks": book["foreword"]}]
    return (foreword if book["foreword"] else []) + list(book["chapters"])


def page(template: str, book: Book, **context: Any) -> bytes:
    context = {"book": book, "suffix": ".html"} | context
    return render_to_string(f"monograph/html/{template}.html", context).encode()


def index_of(book: Book, suffix: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each term with a link to each chapter naming it, at its first mention."""
    titles = {part["key"]: part["title"] for part in book["chapters"]}
    index = []
    for term, places in terms_of(book).items():
        first: dict[str, str] = {}
        for key, anchor in places:
            first.setdefault(key, anchor)
        links = [
            (f"{key}{suffix}#{anchor}", titles[key]) for key, anchor in first.items()
        ]
        index.append((term, links))
    return index


def zipped(files: dict[str, bytes]) -> bytes:
    """The files as one zip archive, byte for byte the same for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def site(book: Book) -> bytes:
    return zipped(pages(book))
