"""The library's own addresses: a document, its file, and the list as CSV."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from rihub.website.models import Document


def document_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.public().prefetch_related("economies", "priority_areas"),
        pk=pk,
    )
    if request.path != document.get_absolute_url():
        return redirect(document, permanent=True)
    return render(request, "website/document.html", {"document": document})


def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A published document's file; a reader holding this version gets 304."""
    document = get_object_or_404(Document.objects.public(), pk=pk)
    if not document.file:
        raise Http404("This document has no file.")

    # The digest names the file's bytes; the date moves with any edit of the
    # document, so a reader holding only the date may fetch the same file again.
    etag = quote_etag(document.file_sha256) if document.file_sha256 else None
    last_modified = int(document.updated_at.timestamp())
    unchanged = get_conditional_response(
        request, etag=etag, last_modified=last_modified
    )
    if unchanged is not None:
        return unchanged

    name = (document.file.name or "").rsplit("/", 1)[-1]
    response = FileResponse(document.file.open("rb"), filename=name)
    if etag:
        response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response
