"""Count the results by every filter, reading the matching entries once.

Asked for one count, a database backend runs the whole match again; a page of
results shows seven. Here the matches are read once, only the columns that the
filters count, and counted as they come. OpenSearch counts by itself, and is
asked each count as before.
"""

from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from wagtail.search.backends.base import BaseSearchResults

# Entry fields counted as they are, and those holding several keys in a line.
FIELDS = ("kind", "document_type", "level", "year", "language")
KEYED = {"economies": "economy_keys", "priority_areas": "area_keys"}


def count_all(results: BaseSearchResults) -> dict[str, Counter[str]]:
    """For each counted field, how many results hold each of its values."""
    if settings.RIHUB_OPENSEARCH_URL:
        return {name: backend_counts(results, name) for name in [*FIELDS, *KEYED]}

    compiler = results.query_compiler
    matching = compiler.search(compiler.get_config(results.backend), None, None)
    counts: dict[str, Counter[str]] = {name: Counter() for name in [*FIELDS, *KEYED]}
    rows = matching.order_by().values_list(*FIELDS, *KEYED.values())
    for row in rows:
        for name, value in zip(FIELDS, row, strict=False):
            if value not in (None, ""):
                counts[name][str(value)] += 1
        for name, keys in zip(KEYED, row[len(FIELDS) :], strict=True):
            counts[name].update(keys.split())
    return counts


def backend_counts(results: BaseSearchResults, field: str) -> Counter[str]:
    # Backends give keys as stored: numbers, codes, or None for "no value".
    return Counter(
        {
            str(key): count
            for key, count in results.facet(field).items()
            if key not in (None, "")
        }
    )


class Counted:
    """Search results whose number is known already, for the paginator."""

    def __init__(self, results: BaseSearchResults, total: int) -> None:
        self.results = results
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key: Any) -> Any:
        return self.results[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.results)
