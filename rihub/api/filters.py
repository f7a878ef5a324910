"""What the read API's lists can be filtered by, checked before any list is read."""

from typing import Annotated

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import Level


def known_economy(code: str) -> str:
    code = code.upper()
    if not Economy.objects.filter(code=code).exists():
        raise ValueError(f"No economy has the code {code!r}; see /api/v1/economies.")
    return code


def known_area(slug: str) -> str:
    if not PriorityArea.objects.filter(slug=slug).exists():
        names = ", ".join(PriorityArea.objects.values_list("slug", flat=True))
        raise ValueError(f"There is no priority area {slug!r}; choose one of {names}.")
    return slug


def known_language(code: str) -> str:
    codes = [language for language, _name in settings.LANGUAGES]
    if code not in codes:
        raise ValueError(f"No content in {code!r}; choose one of {', '.join(codes)}.")
    return code


def document_language(code: str) -> str:
    codes = [language for language, _name in settings.RIHUB_DOCUMENT_LANGUAGES]
    if code not in codes:
        raise ValueError(f"No documents in {code!r}; choose one of {', '.join(codes)}.")
    return code


EconomyCode = Annotated[
    str,
    AfterValidator(known_economy),
    Field(description="An economy's code, such as AL or XK."),
]
AreaSlug = Annotated[
    str,
    AfterValidator(known_area),
    Field(description="A priority area's slug, such as education."),
]
Year = Annotated[int, Field(ge=1990, le=2100)]
LanguageCode = Annotated[
    str,
    AfterValidator(known_language),
    Field(
        description="The language to read pages in, such as sq; English where a "
        "page is not translated. Without it, the Accept-Language header decides."
    ),
]

DocumentLanguage = Annotated[
    str,
    AfterValidator(document_language),
    Field(description="The language a document is written in, such as sr."),
]


class InLanguage(Schema):
    lang: LanguageCode | None = None

    def language(self, request: HttpRequest, response: HttpResponse) -> str:
        """The language asked for, else the one the client prefers, else English."""
        if self.lang:
            return self.lang

        # Shared caches that key by address alone would hand one client's
        # language to the next; the client's own cache may keep it.
        patch_vary_headers(response, ["Accept-Language"])
        patch_cache_control(response, private=True)
        return preferred_language(request.headers.get("Accept-Language", ""))


def preferred_language(header: str) -> str:
    """The first language of an Accept-Language header the site has, else English."""
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ClassifiedFilters(InLanguage):
    """What news and events are filtered by: subject, time and language."""

    economy: EconomyCode | None = None
    priority_area: AreaSlug | None = None
    level: Level | None = None
    year: Year | None = None


class Pages(LimitOffsetPagination):
    """Up to 100 items a request: a larger limit is refused, not quietly cut."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=100)
        offset: int = Field(0, ge=0)
