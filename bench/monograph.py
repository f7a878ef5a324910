"""Building the monograph from a generated archive of 5,000 items.

The archive holds the records a project of five years leaves: meetings and
their decisions, commitments with their progress, interventions, documents.
Each format is rendered in a process of its own, forked after the book is
assembled, so that its peak memory is its own (Typst's included).
"""

import datetime as dt
import io
import logging
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pypdf
from django.contrib.auth.models import User
from django.db import connections

from bench.words import Vocabulary
from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.models import (
    Commitment,
    CommitmentStatus,
    Decision,
    Meeting,
    ProgressUpdate,
)
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy
from rihub.monograph.assembly import assemble
from rihub.monograph.book import Book
from rihub.monograph.builds import fingerprint, render
from rihub.monograph.models import Monograph
from rihub.monograph.rendering import html
from rihub.website.models import Document, DocumentType

ITEMS = 5_000
YEARS = range(2016, 2021)
PLACES = ["Tirana", "Sarajevo", "Pristina", "Podgorica", "Skopje", "Belgrade"]
# Shares of the archive, by kind of record.
SHARES = {"meetings": 0.04, "decisions": 0.12, "commitments": 0.24}
SHARES |= {"interventions": 0.08, "documents": 0.52}
MIB = 1024 * 1024
LABELS = {"pdf": "PDF (Typst)", "weasyprint": "PDF (WeasyPrint, reference)"}


def run(items: int = ITEMS) -> Iterator[str]:
    started = time.perf_counter()
    monograph = generate(items, Vocabulary())
    yield f"monograph, {items:,} items generated            {since(started):8.1f} s"

    started = time.perf_counter()
    book = assemble(monograph)
    printed = fingerprint(book)
    yield f"monograph: assemble the book and fingerprint it  {since(started):8.1f} s"

    connections.close_all()  # a forked child must not share the parent's database
    for name in ["pdf", "html", "epub"]:
        figures = measured(book, name, printed)
        yield line(name, figures)
    yield line("weasyprint", measured(book, "weasyprint", printed))


def line(name: str, figures: dict[str, Any]) -> str:
    typst = figures["typst"] / MIB
    child = f", its Typst process {typst:.0f} MiB" if name == "pdf" else ""
    return (
        f"monograph: {LABELS.get(name, name):<22} {figures['bytes'] / MIB:5.1f} MiB"
        f"{figures['pages']}"
        f"  {figures['seconds']:6.1f} s  peak {figures['peak'] / MIB:.0f} MiB{child}"
    )


def since(started: float) -> float:
    return time.perf_counter() - started


def measured(book: Book, name: str, printed: str) -> dict[str, Any]:
    """Render one format in a forked process; its time, size and peak memory."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=render_in_child, args=(book, name, printed, sending))
    child.start()
    figures: dict[str, Any] = receiving.recv()
    child.join()
    return figures


def render_in_child(book: Book, name: str, printed: str, report: Connection) -> None:
    started = time.perf_counter()
    content = (
        weasyprint_pdf(book) if name == "weasyprint" else render(book, name, printed)
    )
    seconds = since(started)
    pages = ""
    if name in {"pdf", "weasyprint"}:
        pages = f", {len(pypdf.PdfReader(io.BytesIO(content)).pages):,} pages"
    # On Linux ru_maxrss is in KiB: the most a process ever held in memory.
    # The PDF's Typst runs in a child of its own (see rendering/typesetter.py).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    typst = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    figures = {"seconds": seconds, "bytes": len(content), "pages": pages}
    report.send(figures | {"peak": peak, "typst": typst})


def weasyprint_pdf(book: Book) -> bytes:
    """The reference: WeasyPrint printing the book's own HTML pages, as one PDF.

    The pages are the HTML format's, with its style sheet and pictures, laid out
    one after the other in reading order, as Typst lays out the same chapters.
    """
    import weasyprint  # a benchmark's reference only: a dependency for development

    # WeasyPrint reports each step and page it lays out; the figures are enough.
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = html.pages(book)
        for name, content in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(content)
        documents = [
            weasyprint.HTML(filename=str(root / name)).render()
            for name in files
            if name.endswith(".html")
        ]
    every_page = [page for document in documents for page in document.pages]
    return bytes(documents[0].copy(every_page).write_pdf())


def generate(items: int, words: Vocabulary) -> Monograph:
    counts = {kind: round(items * share) for kind, share in SHARES.items()}
    economies = economies_of_the_project()
    area, _ = PriorityArea.objects.get_or_create(
        slug="bench-education", defaults={"name": "Bench education"}
    )
    user, _ = User.objects.get_or_create(username="bench-monograph")
    task_force, summit = bodies()

    meetings = make_meetings(task_force, counts["meetings"], words)
    launch = Meeting.objects.create(
        body=summit,
        kind=Meeting.Kind.LAUNCH,
        title="Bench launch",
        slug="bench-monograph-launch",
        year=2016,
        place="Sofia",
    )
    make_decisions(meetings, counts["decisions"], words)
    make_commitments(launch, economies, area, user, counts["commitments"], words)
    make_interventions(economies, area, user, counts["interventions"], words)
    make_documents(economies, counts["documents"], words)
    return Monograph.objects.create(
        title="Roma Integration 2020: the bench monograph",
        slug="bench-monograph",
        first_year=YEARS[0],
        last_year=YEARS[-1],
        foreword="<p>" + words.paragraph(40, 80) + "</p>",
    )


def economies_of_the_project() -> list[Economy]:
    economies = list(Economy.objects.all()[:7])
    for number in range(len(economies), 7):
        code = f"Q{number}"
        economies.append(
            Economy.objects.create(code=code, name=f"Economy {code}", short_name=code)
        )
    return economies


def bodies() -> tuple[Body, Body]:
    task_force, _ = Body.objects.get_or_create(
        slug="bench-monograph-task-force",
        defaults={"name": "Bench Task Force", "kind": Body.Kind.TASK_FORCE},
    )
    summit, _ = Body.objects.get_or_create(
        slug="bench-monograph-hlm",
        defaults={
            "name": "Bench High-Level Meeting",
            "kind": Body.Kind.HIGH_LEVEL_MEETING,
        },
    )
    return task_force, summit


def make_meetings(body: Body, count: int, words: Vocabulary) -> list[Meeting]:
    meetings = []
    for number in range(count):
        day = dt.date(YEARS[number % len(YEARS)], 1 + number % 12, 1 + number % 28)
        meetings.append(
            Meeting(
                body=body,
                kind=Meeting.Kind.ANNUAL,
                number=number,
                title=f"Task Force meeting {number}: {words.sentence(3, 6)}",
                slug=f"bench-monograph-{number}",
                year=day.year,
                start_date=day,
                place=PLACES[number % len(PLACES)],
                description=words.paragraph(30, 60),
            )
        )
    return Meeting.objects.bulk_create(meetings)


def make_decisions(meetings: list[Meeting], count: int, words: Vocabulary) -> None:
    Decision.objects.bulk_create(
        Decision(meeting=meetings[n % len(meetings)], text=words.sentence(10, 25))
        for n in range(count)
    )


def make_commitments(
    launch: Meeting,
    economies: list[Economy],
    area: PriorityArea,
    user: User,
    count: int,
    words: Vocabulary,
) -> None:
    statuses = list(CommitmentStatus)
    commitments = Commitment.objects.bulk_create(
        Commitment(
            meeting=launch,
            economy=economies[n % len(economies)],
            priority_area=area,
            text=words.sentence(8, 20),
            indicator=words.sentence(3, 8),
            status=statuses[n % len(statuses)],
        )
        for n in range(count)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            commitment=c,
            reported_on=dt.date(2020, 6, 1),
            status=c.status,
            evidence=words.sentence(10, 30),
            reported_by=user,
        )
        for c in commitments
    )


def make_interventions(
    economies: list[Economy],
    area: PriorityArea,
    user: User,
    count: int,
    words: Vocabulary,
) -> None:
    strategy, _ = Strategy.objects.get_or_create(
        slug="bench-see2020", defaults={"name": "Bench SEE 2020"}
    )
    pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
    dimension = Dimension.objects.create(pillar=pillar, name="Employment")
    committee, _ = Body.objects.get_or_create(
        slug="bench-monograph-pmc",
        defaults={
            "name": "Bench Programming Committee",
            "kind": Body.Kind.STRATEGY_BODY,
        },
    )
    made = Intervention.objects.bulk_create(
        Intervention(
            title=words.sentence(4, 9),
            proposal=words.paragraph(20, 50),
            dimension=dimension,
            body=committee,
            priority_area=area,
            proposed_on=dt.date(YEARS[n % len(YEARS)], 3, 1),
            recorded_by=user,
        )
        for n in range(count)
    )
    through = Intervention.economies.through
    through.objects.bulk_create(
        through(intervention_id=item.pk, economy_id=economies[n % len(economies)].pk)
        for n, item in enumerate(made)
    )


def make_documents(economies: list[Economy], count: int, words: Vocabulary) -> None:
    kinds = list(DocumentType)
    made = Document.objects.bulk_create(
        Document(
            title=words.sentence(4, 10),
            summary=words.paragraph(30, 70),
            document_type=kinds[n % len(kinds)],
            level="regional",
            date=dt.date(YEARS[n % len(YEARS)], 1 + n % 12, 1 + n % 28),
            language="en",
            publisher="Regional Cooperation Council",
            live=True,
        )
        for n in range(count)
    )
    through = Document.economies.through
    through.objects.bulk_create(
        through(document_id=item.pk, economy_id=economies[n % len(economies)].pk)
        for n, item in enumerate(made)
    )
