"""Search over pages, documents, meetings and commitments."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def search(request: HttpRequest) -> HttpResponse:
    return render(request, "website/search.html", {"query": request.GET.get("q", "")})
