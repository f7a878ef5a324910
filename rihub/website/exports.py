"""The library list as CSV, filtered as on its page."""

import csv

from django.http import HttpRequest, HttpResponse

from rihub.website.library import filtered_documents


def documents_csv(request: HttpRequest) -> HttpResponse:
    """The library list, filtered as on its page, as a spreadsheet."""
    documents, _form = filtered_documents(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ri-hub-documents.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "id",
            "title",
            "type",
            "level",
            "date",
            "language",
            "publisher",
            "economies",
            "priority areas",
            "address",
        ]
    )
    for document in documents:
        writer.writerow(
            [
                document.pk,
                document.title,
                document.get_document_type_display(),
                document.get_level_display(),
                document.date.isoformat(),
                document.language,
                document.publisher,
                "; ".join(e.code for e in document.economies.all()),
                "; ".join(a.slug for a in document.priority_areas.all()),
                request.build_absolute_uri(document.get_absolute_url()),
            ]
        )
    return response
