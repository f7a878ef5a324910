"""Find entries for a query: filtered, ordered, and shown with their passages."""

from dataclasses import dataclass

from django.db.models import Value
from django.db.models.functions import Greatest, Lower, StrIndex, Substr
from django.utils.safestring import SafeString
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import BaseSearchResults

from rihub.website.search.models import SearchEntry
from rihub.website.search.snippets import first_match, highlight, passage

# Each filter of the address, and the entry field it narrows.
LOOKUPS = {
    "kind": "kind",
    "type": "document_type",
    "level": "level",
    "economy": "economies__code",
    "area": "priority_areas__slug",
    "year": "year",
    "language": "language",
}
# Characters of stored text read around the first match, and before it.
EXCERPT, LEAD = 600, 200


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString


def find(terms: list[str], chosen: dict[str, str], by_date: bool) -> BaseSearchResults:
    """Entries with every term, narrowed by the chosen filters."""
    entries = SearchEntry.objects.defer("body")
    for name, value in chosen.items():
        entries = entries.filter(**{LOOKUPS[name]: value})
    if by_date:
        entries = entries.order_by("-date", "-id")
    return get_search_backend().search(
        " ".join(terms), entries, operator="and", order_by_relevance=not by_date
    )


def hits(entries: list[SearchEntry], terms: list[str]) -> list[Hit]:
    excerpts = body_excerpts([entry.pk for entry in entries], terms)
    return [
        Hit(
            entry=entry,
            title=highlight(entry.title, terms),
            snippet=snippet(entry.summary, *excerpts.get(entry.pk, ("", False)), terms),
        )
        for entry in entries
    ]


def body_excerpts(pks: list[int], terms: list[str]) -> dict[int, tuple[str, bool]]:
    """A piece of each entry's text around its longest term, read in one query.

    Extracted document text can be long: only this piece leaves the database.
    """
    if not pks:
        return {}
    term = max(terms, key=len)
    start = Greatest(StrIndex(Lower("body"), Value(term)) - LEAD, Value(1))
    rows = (
        SearchEntry.objects.filter(pk__in=pks)
        .annotate(excerpt=Substr("body", start, EXCERPT), excerpt_from=start)
        .values_list("pk", "excerpt", "excerpt_from")
    )
    return {pk: excerpt_of(text or "", start > 1) for pk, text, start in rows}


def excerpt_of(text: str, clipped: bool) -> tuple[str, bool]:
    """The excerpt from its first whole word, and whether it was cut."""
    return (text.partition(" ")[2], True) if clipped else (text, False)


def snippet(summary: str, excerpt: str, clipped: bool, terms: list[str]) -> SafeString:
    """The summary or the text, whichever shows a term first; else the summary."""
    if first_match(summary, terms) is not None:
        return passage(summary, terms)
    if first_match(excerpt, terms) is not None:
        return passage(excerpt, terms, clipped=clipped)
    return passage(summary, terms) if summary else passage(excerpt, terms, clipped)
