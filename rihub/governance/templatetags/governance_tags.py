from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def minutes_html(text: str) -> SafeString:
    """Render minutes text: '## ' lines become headings, other blocks paragraphs.

    Everything is escaped: minutes are text, never markup.
    """
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        if line.startswith("## "):
            close()
            blocks.append(("h3", line[3:].strip()))
        elif line.strip():
            paragraph.append(line.strip())
        else:
            close()
    close()
    return format_html_join("\n", "<{0}>{1}</{0}>", blocks) or format_html("")
