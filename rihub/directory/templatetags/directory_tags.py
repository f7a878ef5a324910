from typing import Any

from django import template
from django.core.cache import cache
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rihub.directory.models import Economy, Seat
from rihub.directory.signals import FOOTNOTES_CACHE_KEY

register = template.Library()


@register.simple_tag
def economy_name(economy: Economy, url: str = "") -> SafeString:
    """The economy's name, linked to its designation footnote where it has one.

    With a url the name links there too; the footnote link stays outside it,
    as one link cannot hold another.
    """
    name = economy.name.rstrip("*") if economy.designation_footnote else economy.name
    text = (
        format_html('<a href="{}">{}</a>', url, name)
        if url
        else format_html("{}", name)
    )
    if not economy.designation_footnote:
        return text
    return format_html(
        '{}<a class="footnote-ref" href="#{}"><span aria-hidden="true">*</span>'
        '<span class="visually-hidden">{}</span></a>',
        text,
        economy.footnote_id,
        _("(see the note on the designation)"),
    )


@register.simple_tag
def seat_label(seat: Seat) -> SafeString:
    """The seat's label, its economy linked to the designation footnote."""
    if seat.economy is None:
        return format_html("{}", seat.label)
    # Escape the label around a placeholder, then put the linked name in its place.
    placeholder = "\x00"
    label = conditional_escape(seat.label_with(placeholder))
    return mark_safe(label.replace(placeholder, economy_name(seat.economy)))  # noqa: S308


@register.inclusion_tag("includes/economy_footnotes.html")
def economy_footnotes() -> dict[str, Any]:
    footnotes = cache.get(FOOTNOTES_CACHE_KEY)
    if footnotes is None:
        footnotes = [
            {"id": economy.footnote_id, "text": economy.designation_footnote}
            for economy in Economy.objects.with_footnote()
        ]
        cache.set(FOOTNOTES_CACHE_KEY, footnotes, timeout=None)
    return {"footnotes": footnotes}
