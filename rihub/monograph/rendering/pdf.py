"""The monograph as a tagged, archival PDF (PDF/UA-1, PDF/A-2a), through Typst.

The template reads the whole book from JSON, so no content can inject Typst
markup or code. Files are copied to a temporary root, since Typst reads only
under it, and Typst runs there in a process of its own. The PDF's date is
the end of the period covered, so the same book gives the same bytes.
"""

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from rihub.monograph.book import Book, terms_of
from rihub.monograph.rendering.cover import picture_files

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE = PACKAGE / "typst" / "monograph.typ"
RICH_TEXT = PACKAGE.parent / "lib" / "typst" / "richtext.typ"
SOURCES = [TEMPLATE, RICH_TEXT, Path(__file__).with_name("typesetter.py")]
TYPESETTER = "rihub.monograph.rendering.typesetter"
# The folder holding the rihub package, wherever the worker was started from.
PROJECT = PACKAGE.parent.parent


class TypesettingFailed(Exception):
    """Typst refused the book; the message is Typst's own."""


def pdf(book: Book) -> bytes:
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        (folder / "lib" / "typst").mkdir(parents=True)
        shutil.copy(TEMPLATE, folder / "main.typ")
        shutil.copy(RICH_TEXT, folder / "lib" / "typst" / "richtext.typ")
        (folder / "data.json").write_text(json.dumps(inputs(book, folder)))
        typeset(folder, timestamp(book))
        return (folder / "book.pdf").read_bytes()


def typeset(folder: Path, stamp: int) -> None:
    """Typst in a process of its own (see typesetter.py); its error, if it fails."""
    command = [sys.executable, "-m", TYPESETTER, str(folder), str(stamp)]
    done = subprocess.run(  # noqa: S603
        command, cwd=PROJECT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["Typst failed."]
        raise TypesettingFailed(lines[-1])


def inputs(book: Book, folder: Path) -> dict[str, Any]:
    """The book as the template reads it, its pictures written beside it."""
    (folder / "images").mkdir()
    for name, content in picture_files(book).items():
        (folder / name).write_bytes(content)
    keywords = [book["period"], "Roma integration"]
    return book | {"index": list(terms_of(book)), "keywords": keywords}


def timestamp(book: Book) -> int:
    """The last day of the period covered, the book's date of record."""
    return int(dt.datetime(book["year"], 12, 31, tzinfo=dt.UTC).timestamp())
