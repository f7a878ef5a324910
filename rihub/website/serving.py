"""Serve pages in the visitor's language, falling back to English.

Wagtail routes /sq/… through the Albanian tree. Where a page has not been
translated yet, the English page is served instead (its template says so), rather
than a "not found" for content that exists.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site


def serve(request: HttpRequest, path: str) -> HttpResponse:
    if Page.route_for_request(request, path) is None:
        route_in_english(request, path)
    return wagtail_views.serve(request, path)


def route_in_english(request: HttpRequest, path: str) -> None:
    """Put the English page's route where Wagtail's view will read it."""
    site = Site.find_for_request(request)
    if site is None or translation.get_language() == settings.LANGUAGE_CODE:
        return
    components = [component for component in path.split("/") if component]
    try:
        route = site.root_page.specific.route(request, components)
    except Http404:
        return
    request._wagtail_route_for_request = route  # type: ignore[attr-defined]
