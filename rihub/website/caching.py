"""Whole-page caching for visitors, invalidated by any change to public content.

1. A content generation number lives in the cache. Every save, delete, publish,
   unpublish or move of something the public site shows bumps it.
2. Each cached page is keyed by that generation, the language, the day and the full
   address, so a bump makes every older copy unreachable; they expire on their own.
3. Only anonymous GET requests without a session are served from or stored in the
   cache, and only plain 200 responses that set no cookie and do not vary by
   visitor: no CSRF token, no message, no session write.

With several web processes the cache must be shared (REDIS_URL), or a change seen
by one process would not reach the pages another one keeps.
"""

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    get_max_age,
    has_vary_header,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

GENERATION_KEY = "rihub:content-generation"
PAGE_KEY_PREFIX = "rihub:page"
DEFAULT_SECONDS = 600
# Wagtail models whose rows change what visitors see. Renditions, revisions, logs
# and editing sessions are written while pages are served or drafted: not these.
SHOWN_WAGTAIL_MODELS = (
    Page,
    BaseViewRestriction,
    Site,
    Locale,
    AbstractImage,
    AbstractDocument,
)


def page_cache_seconds() -> int:
    return int(getattr(settings, "RIHUB_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start never reuses a number that older copies were keyed by,
        # even after the cache lost the counter.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return int(generation)


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def content_changed(sender: type[Model] | None = None, **kwargs: Any) -> None:
    """Bump now, and once more when the transaction commits.

    The first bump lets this connection see its own change at once; the second
    drops a page another request rendered before the commit, from the old rows,
    and stored under the new number.
    """
    if sender is not None and not shown_to_visitors(sender):
        return
    bump_generation()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not bump_pending(connection):
        transaction.on_commit(bump_generation)


def bump_pending(connection: Any) -> bool:
    return any(
        callback is bump_generation for _, callback, _ in connection.run_on_commit
    )


def shown_to_visitors(model: type[Model]) -> bool:
    # Rows of the platform's own that no page shows (subscribers, deliveries)
    # are written often: they mark themselves so as not to empty the cache.
    if getattr(model, "hidden_from_visitors", False):
        return False
    if model._meta.app_config and model._meta.app_config.name.startswith("rihub."):
        return True
    return issubclass(model, SHOWN_WAGTAIL_MODELS)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid="rihub-page-cache")
    for signal in (published, unpublished, page_published, page_unpublished):
        signal.connect(content_changed, dispatch_uid="rihub-page-cache")
    post_page_move.connect(content_changed, dispatch_uid="rihub-page-cache")


class PageCacheMiddleware:
    """Serve anonymous visitors a stored copy of the page while nothing changed.

    It sits inside the locale, session, CSRF and messages middleware: the
    language is known, and a page that hands out a CSRF token, writes the session
    or leaves a message can be told apart and left out.
    """

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response
        connect()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = page_cache_seconds()
        if seconds <= 0 or not cacheable_request(request):
            return self.get_response(request)

        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            return conditional(request, rebuild(stored))

        response = self.get_response(request)
        if storable(request, response):
            set_response_etag(response)
            cache.set(key, snapshot(response), seconds)
        return response


def cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(admin_prefix()):
        return False
    # A session means a signed-in user or a visitor with state of their own
    # (messages, a page password they entered): their pages are their own.
    visitor_cookies = {settings.SESSION_COOKIE_NAME, "messages"}
    return not visitor_cookies & request.COOKIES.keys()


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def page_key(request: HttpRequest) -> str:
    """The stored copy's key: generation, day, language and the full address."""
    address = request.build_absolute_uri()
    parts = [str(timezone.localdate()), translation.get_language() or "", address]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{current_generation()}:{digest}"


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "session", None) is not None and request.session.modified:
        return False
    # Messages added while serving are for this visitor's next page.
    messages = getattr(request, "_messages", None)
    if messages is not None and messages.added_new:
        return False
    return not varies_by_visitor(response)


def varies_by_visitor(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return True
    if get_max_age(response) == 0:
        return True
    return has_vary_header(response, "Cookie") or has_vary_header(
        response, "Authorization"
    )


def snapshot(response: HttpResponse) -> tuple[bytes, dict[str, str]]:
    # Cookies are kept apart from the headers, and a stored response has none.
    return response.content, dict(response.headers)


def rebuild(stored: tuple[bytes, dict[str, str]]) -> HttpResponse:
    content, headers = stored
    return HttpResponse(content, headers=headers)


def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    unchanged = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified,
        response=response,
    )
    return unchanged or response
