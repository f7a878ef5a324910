"""Links between languages, queries that keep their filters, structured data."""

import json
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import json_script
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from rihub.website import linked_data

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    translated: bool


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[LanguageLink]:
    """Every language the visitor can switch to from here.

    A page's own translations are linked where they exist; the interface
    languages are always offered, Romani only where the page exists in it.
    """
    request: HttpRequest = context["request"]
    page: Page | None = (
        context.get("page") if isinstance(context.get("page"), Page) else None
    )
    translations = (
        {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
        }
        if page
        else {}
    )
    links = []
    for code, _name in settings.LANGUAGES:
        translated = code in translations
        if code in settings.RIHUB_CONTENT_ONLY_LANGUAGES and not translated:
            continue
        url = (
            translations[code].get_url(request)
            if translated
            else translate_url(request.path, code)
        )
        links.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                current=code == get_language(),
                translated=translated or page is None,
            )
        )
    return links


def page_translations(page: Page) -> dict[str, Page]:
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {translated.locale.language_code: translated for translated in pages}


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """This page's query string with some parameters changed, for pagination."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        query[name] = value
    return "?" + query.urlencode()


@register.simple_tag
def structured_data(data: dict[str, Any]) -> SafeString:
    """schema.org data as a JSON-LD script, escaped for HTML."""
    script = json_script(data, element_id=None)
    # json_script has escaped <, > and & inside the data; only the type changes.
    return mark_safe(script.replace('"application/json"', '"application/ld+json"', 1))  # noqa: S308


@register.filter
def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


# Open Graph names a locale by language and territory.
OG_LOCALES = {
    "en": "en_GB",
    "sq": "sq_AL",
    "bs": "bs_BA",
    "hr": "hr_HR",
    "mk": "mk_MK",
    "cnr": "sr_ME",
    "sr": "sr_RS",
    "tr": "tr_TR",
}


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


@register.filter
def interface_language(language: str) -> str:
    """The language the interface is in: English for content-only languages."""
    if language in settings.RIHUB_CONTENT_ONLY_LANGUAGES:
        return settings.LANGUAGE_CODE
    return language


@register.filter
def untranslated_in(page: Page, language: str) -> bool:
    """Whether the page's own words are shown in another language than asked for.

    A page whose words are all the interface's (no summary, no body) needs no notice.
    """
    if page.locale.language_code == language:
        return False
    return bool(getattr(page, "summary", "") or getattr(page, "body", None))


@register.filter
def page_kind(page: Page) -> str:
    """A page type's name for style sheets, the same in every language."""
    return page.specific_class._meta.model_name or "page"


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.simple_tag(takes_context=True)
def structured_data_for_page(context: dict[str, Any]) -> SafeString:
    return structured_data(linked_data.for_page(context["request"], context["page"]))


@register.simple_tag(takes_context=True)
def structured_data_for_document(context: dict[str, Any]) -> SafeString:
    document = context["document"]
    return structured_data(linked_data.for_document(context["request"], document))


@register.simple_tag(takes_context=True)
def structured_data_for_site(context: dict[str, Any]) -> SafeString:
    return structured_data(linked_data.for_site(context["request"]))
