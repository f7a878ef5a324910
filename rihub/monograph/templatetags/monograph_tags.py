from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from rihub.monograph.rendering import markup

register = template.Library()


@register.filter
def rich(nodes: list[dict[str, Any]], offset: int = 1) -> SafeString:
    """The rich-text tree as escaped, well-formed markup."""
    return markup.html(nodes, offset)


@register.filter
def svg(block: dict[str, Any]) -> SafeString:
    """The chart's SVG, made by rihub.lib.charts, which escapes every label."""
    return mark_safe(block["svg"])  # noqa: S308
