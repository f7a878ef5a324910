"""Search latency: twenty different queries through GET /search/, some filtered."""

import statistics
import time
from dataclasses import dataclass

from django.test import Client
from django.utils import timezone

from bench.words import Vocabulary
from rihub.directory.models import Economy, PriorityArea

REPEAT = 3


@dataclass
class Query:
    words: str
    filters: dict[str, str]

    def label(self) -> str:
        extra = "".join(f" {name}={value}" for name, value in self.filters.items())
        return f"q={self.words}{extra}"


def queries(words: Vocabulary) -> list[Query]:
    """Common and rare words, several words, and the library's filters."""
    economy = Economy.objects.order_by("pk").first()
    area = PriorityArea.objects.order_by("pk").first()
    code = economy.code if economy else ""
    slug = area.slug if area else ""
    return [
        Query("roma", {}),
        Query("education", {}),
        Query("housing legalisation", {}),
        Query("civil registration", {}),
        Query("antigypsyism", {"kind": "news"}),
        Query("employment youth women", {}),
        Query(words.tail_word(0.02), {}),
        Query(words.tail_word(0.3), {}),
        Query(words.tail_word(0.9), {}),
        Query("health insurance", {"level": "economy"}),
        Query("strategy", {"type": "strategy"}),
        Query("action plan", {"economy": code}),
        Query("school", {"area": slug}),
        Query("report", {"year": str(timezone.localdate().year - 1)}),
        Query("roma integration", {"language": "en"}),
        Query("monitoring", {"level": "regional", "economy": code}),
        Query("data survey", {"sort": "date"}),
        Query("discrimination", {"page": "2"}),
        Query("commission accession funding", {"level": "eu"}),
        Query("nothingmatchesthisword", {}),
    ]


@dataclass
class Timing:
    query: str
    ms: float
    status: int


def measure(client: Client, searches: list[Query]) -> list[Timing]:
    """The median of a few requests of each query, after one to warm up."""
    client.get("/search/", {"q": "warm up"})
    timings = []
    for query in searches:
        params = {"q": query.words, **query.filters}
        times, status = [], 0
        for _ in range(REPEAT):
            start = time.perf_counter()
            status = client.get("/search/", params).status_code
            times.append((time.perf_counter() - start) * 1000)
        timings.append(Timing(query.label(), statistics.median(times), status))
    return timings
