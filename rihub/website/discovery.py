"""What search engines and link previews read: the sitemap and robots.txt."""

from django.http import HttpRequest, HttpResponse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


def sitemap(request: HttpRequest) -> HttpResponse:
    return wagtail_sitemap(request)


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
