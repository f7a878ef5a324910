"""Build a monograph into its formats, and keep each build with its fingerprint.

The fingerprint is that of the book's content and of the templates that render
it: the same fingerprint means the same files, so a build already made for it
is given back instead of being made again.
"""

import hashlib
import json
from collections.abc import Callable
from functools import partial
from importlib.metadata import version
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rihub.monograph.assembly import assemble
from rihub.monograph.book import Book
from rihub.monograph.models import FORMATS, Build, Monograph
from rihub.monograph.rendering import epub, html, pdf

Progress = Callable[[int, str], None]  # percent done, the step under way
SOURCES = [*pdf.SOURCES, *html.SOURCES, *epub.SOURCES]
EXTENSIONS = {"pdf": "pdf", "html": "zip", "epub": "epub"}


class BuildRefused(Exception):
    """A build asked for something the monograph cannot be made into."""


def fingerprint(book: Book) -> str:
    digest = hashlib.sha256(json.dumps(book, sort_keys=True).encode())
    # Another Typst may set the same book otherwise.
    digest.update(version("typst").encode())
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def formats_of(names: list[str]) -> list[str]:
    """The formats asked for, in the book's order; refuse one it has not."""
    unknown = set(names) - set(FORMATS)
    if unknown or not names:
        raise BuildRefused(
            _("Choose formats among %(formats)s.") % {"formats": ", ".join(FORMATS)}
        )
    return [name for name in FORMATS if name in names]


def request(monograph: Monograph, formats: list[str], user: Any = None) -> Build:
    """Queue a build of these formats, to run once this transaction commits.

    Assembling a large book takes seconds, so the task fingerprints it; a
    request from the admin returns at once.
    """
    from rihub.monograph.tasks import build_monograph  # the task imports this

    build = Build.objects.create(
        monograph=monograph, formats=formats_of(formats), requested_by=user
    )
    transaction.on_commit(partial(build_monograph.enqueue, build.pk))
    return build


def prepare(monograph: Monograph, formats: list[str]) -> Build:
    """A build of the same inputs that made these formats, or a new one to run."""
    formats = formats_of(formats)
    printed = fingerprint(assemble(monograph))
    reusable = earlier(monograph, printed, formats)
    return reusable or Build.objects.create(
        monograph=monograph, fingerprint=printed, formats=formats
    )


def earlier(monograph: Monograph, printed: str, formats: list[str]) -> Build | None:
    made = Build.objects.done().filter(monograph=monograph, fingerprint=printed)
    return next((b for b in made.order_by("-pk") if b.covers(formats)), None)


def run(build: Build, progress: Progress | None = None) -> Build:
    """Render each format of the build, reporting progress as each one is done."""
    report = partial(advance, build, progress)
    build.status = Build.Status.RUNNING
    report(0, _("Assembling the book"))

    try:
        render_formats(build, report)
    except Exception as error:
        build.status = Build.Status.FAILED
        build.error = str(error)
        build.finished = timezone.now()
        build.save()
        raise

    build.status = Build.Status.DONE
    build.finished = timezone.now()
    report(100, _("Done"))
    return build


def render_formats(build: Build, report: Callable[[int, str], None]) -> None:
    # The book as it is now: its fingerprint is that of the files made from it.
    book = assemble(build.monograph)
    build.fingerprint = fingerprint(book)
    if reused := earlier(build.monograph, build.fingerprint, build.formats):
        # The same inputs give the same files: point at those made already.
        for name in build.formats:
            setattr(build, name, getattr(reused, name).name)
        return
    for done, name in enumerate(build.formats):
        step = _("Rendering %(format)s") % {"format": name.upper()}
        report(10 + 90 * done // len(build.formats), step)
        store(build, name, render(book, name, build.fingerprint))


def render(book: Book, name: str, printed: str) -> bytes:
    if name == "pdf":
        return pdf.pdf(book)
    if name == "html":
        return html.site(book)
    return epub.epub(book, f"urn:rihub:monograph:{printed}")


def store(build: Build, name: str, content: bytes) -> None:
    file_name = f"{build.monograph.slug}-{build.fingerprint[:16]}.{EXTENSIONS[name]}"
    getattr(build, name).save(file_name, ContentFile(content), save=False)


def advance(build: Build, progress: Progress | None, percent: int, step: str) -> None:
    build.progress = min(percent, 100)
    build.step = step
    build.save()
    if progress is not None:
        progress(build.progress, step)
