"""The monograph's web pages, served from its latest build."""

import zipfile

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from rihub.monograph.models import Build, Monograph

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8"}


def page(request: HttpRequest, slug: str, name: str = "index.html") -> HttpResponse:
    monograph = get_object_or_404(Monograph, slug=slug)
    build = Build.objects.latest_done_with_html(monograph)
    kind = next((t for suffix, t in TYPES.items() if name.endswith(suffix)), None)
    if build is None or kind is None:
        raise Http404

    with build.html.open("rb") as file, zipfile.ZipFile(file) as pages:
        try:
            content = pages.read(name)
        except KeyError:
            raise Http404 from None

    return HttpResponse(content, content_type=kind)
