"""Rich text's tree as HTML, for the web pages and the EPUB alike.

Every text goes through escaping, and every element is closed, so the result
is well-formed XHTML as well as HTML.
"""

from typing import Any

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p": "p", "strong": "strong", "em": "em", "ul": "ul", "ol": "ol", "li": "li"}
TAGS |= {"quote": "blockquote"}


def html(nodes: list[dict[str, Any]], heading_offset: int = 1) -> SafeString:
    return mark_safe("".join(element(node, heading_offset) for node in nodes))  # noqa: S308


def element(node: dict[str, Any], offset: int) -> str:
    kind = node["kind"]
    inner = html(node.get("children", []), offset)
    if kind == "text":
        return escape(node["text"])
    if kind == "br":
        return "<br/>"
    if kind == "heading":
        level = min(node["level"] + offset, 6)
        return format_html("<h{}>{}</h{}>", level, inner, level)
    if kind == "link":
        return format_html('<a href="{}">{}</a>', node["href"], inner)
    if kind in TAGS:
        return format_html("<{}>{}</{}>", TAGS[kind], inner, TAGS[kind])
    return inner


def joined(items: list[str]) -> SafeString:
    return format_html_join("", "<li>{}</li>", ((item,) for item in items))
