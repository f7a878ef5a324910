"""The library list as CSV, filtered as on its page."""

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from rihub.website.library import LibraryFilter, filtered_documents
from rihub.website.models import Document, DocumentType, Level

HEADER = [
    "id",
    "title",
    "summary",
    "type",
    "level",
    "date",
    "language",
    "publisher",
    "economies",
    "priority areas",
    "address",
    "file",
]

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def documents_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The library list, filtered as on its page, as a spreadsheet.

    The rows are streamed, so that the whole library downloads in a fixed number
    of queries without being held in memory. A wrong filter is refused with its
    reason rather than ignored, which would give a list the visitor did not ask for.
    """
    documents, form = filtered_documents(request.GET)
    if not form.is_valid():
        return HttpResponse(
            problems(form),
            status=400,
            content_type="text/plain; charset=utf-8",
        )

    lines = (csv_line(row) for row in rows(documents, request))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ri-hub-documents.csv"'
    return response


def problems(form: LibraryFilter) -> str:
    lines = [
        f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
        for name, errors in form.errors.items()
    ]
    return "\n".join(lines) + "\n"


def rows(documents: QuerySet[Document], request: HttpRequest) -> Iterator[list]:
    """The header, then one row per document, written as the download goes."""
    # Labels are read now, in the visitor's language: the rows are written
    # later, after the view has returned.
    types = {value: str(label) for value, label in DocumentType.choices}
    levels = {value: str(label) for value, label in Level.choices}
    documents = documents.prefetch_related(None).defer("text")

    # The byte order mark tells spreadsheets that the file is UTF-8, so that
    # Shqipëri and Србија arrive intact.
    header = ["\ufeff" + HEADER[0], *HEADER[1:]]
    return chain([header], document_rows(documents, request, types | levels))


def document_rows(
    documents: QuerySet[Document], request: HttpRequest, labels: dict[str, str]
) -> Iterator[list]:
    economies, areas = economy_codes(documents), area_slugs(documents)
    for document in documents.iterator(chunk_size=2000):
        file_url = document.get_file_url() if document.file else ""
        yield [
            document.pk,
            document.title,
            document.summary,
            labels[document.document_type],
            labels[document.level],
            document.date.isoformat(),
            document.language,
            document.publisher,
            "; ".join(economies[document.pk]),
            "; ".join(areas[document.pk]),
            request.build_absolute_uri(document.get_absolute_url()),
            request.build_absolute_uri(file_url) if file_url else "",
        ]


def grouped(pairs: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for pk, code in pairs:
        found[pk].append(code)
    return found


def economy_codes(documents: QuerySet[Document]) -> dict[int, list[str]]:
    """Each document's economy codes, in the economies' order, in one query."""
    links = Document.economies.through.objects.filter(document__in=documents)
    pairs = links.values_list("document_id", "economy__code")
    return grouped(pairs.order_by("economy__order", "economy__name"))


def area_slugs(documents: QuerySet[Document]) -> dict[int, list[str]]:
    links = Document.priority_areas.through.objects.filter(document__in=documents)
    pairs = links.values_list("document_id", "priorityarea__slug")
    return grouped(pairs.order_by("priorityarea__order", "priorityarea__name"))


def csv_line(cells: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralised(cell) for cell in cells])
    return buffer.getvalue()


def neutralised(cell: object) -> object:
    """Text a spreadsheet shows as written, never runs: OWASP's CSV injection."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
