"""The library's own addresses: a document, its file, and the list as CSV."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from rihub.website.models import Document


def document_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.public().prefetch_related("economies", "priority_areas"),
        pk=pk,
    )
    if request.path != document.get_absolute_url():
        return redirect(document, permanent=True)
    return render(request, "website/document.html", {"document": document})


def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document.objects.public(), pk=pk)
    if not document.file:
        raise Http404("This document has no file.")
    return FileResponse(
        document.file.open("rb"), filename=document.file.name.split("/")[-1]
    )
