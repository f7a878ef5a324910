"""Show where a result matched: its words marked, in a short escaped passage."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERMS = 10


def words(query: str) -> list[str]:
    """The words of a query, without punctuation that search syntax would read."""
    found = re.findall(r"\w+", query)
    return list(dict.fromkeys(word.lower() for word in found))[:MAX_TERMS]


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets still hold."""
    return "".join(unicodedata.normalize("NFD", char.lower())[0] for char in text)


def matcher(terms: list[str]) -> re.Pattern[str]:
    """Words that start with a term, as the index matches their stems."""
    alternatives = "|".join(re.escape(fold(term)) for term in terms)
    return re.compile(rf"\b(?:{alternatives})\w*")


def first_match(text: str, terms: list[str]) -> int | None:
    found = matcher(terms).search(fold(text)) if terms else None
    return found.start() if found else None


def highlight(text: str, terms: list[str]) -> SafeString:
    """The text, escaped, with each matching word in <mark>."""
    if not terms:
        return SafeString(escape(text))
    pieces: list[str] = []
    last = 0
    for found in matcher(terms).finditer(fold(text)):
        pieces.append(escape(text[last : found.start()]))
        pieces.append(f"<mark>{escape(text[found.start() : found.end()])}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped


def passage(
    text: str, terms: list[str], width: int = 240, clipped: bool = False
) -> SafeString:
    """About `width` characters around the first match, or from the start.

    `clipped` says the text is itself cut from a longer one, after its start.
    """
    text = " ".join(text.split())
    at = first_match(text, terms) or 0
    start = 0 if at < width // 3 else text.rfind(" ", 0, at - width // 3) + 1
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    excerpt = highlight(text[start:end], terms)
    before = "… " if start > 0 or clipped else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{excerpt}{after}")  # noqa: S308 - highlight escapes
