"""Print the website bench's figures: one table per question, databases side by side."""

import statistics
from collections.abc import Iterator
from typing import Any

from bench.tables import table

Results = dict[str, dict[str, Any]]
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def lines(results: Results, tools: dict[str, str]) -> Iterator[str]:
    if not results:
        return
    yield from archive(results)
    yield from page_costs(results)
    yield from search(results)
    yield from search_queries(results)
    yield from load(results, tools)
    yield from checks(results)


def archive(results: Results) -> Iterator[str]:
    rows = []
    for name, figures in results.items():
        counts, index = figures["counts"], figures["index_s"]
        rows += [
            [
                NAMES[name],
                f"{counts['documents']:,} documents, bulk insert",
                figures["documents_s"],
            ],
            [
                NAMES[name],
                f"{counts['news']:,} news pages, bulk insert",
                figures["news_s"],
            ],
            [NAMES[name], "rebuild_search_index (all content)", index],
        ]
    yield from table("Generating the archive", ["database", "step", "seconds"], rows)
    if any(figures["index_s"] is None for figures in results.values()):
        yield "(- : no rebuild_search_index command yet; search ran unindexed)"


def page_costs(results: Results) -> Iterator[str]:
    rows = []
    for name, figures in results.items():
        for page, path in figures["pages"].items():
            empty, full = figures["empty"][page], figures["full"][page]
            same = "yes" if empty["queries"] == full["queries"] else "NO"
            rows.append(
                [
                    f"{page} {path}",
                    NAMES[name],
                    empty["queries"],
                    full["queries"],
                    same,
                    empty["bytes"],
                    full["bytes"],
                ]
            )
    header = [
        "page",
        "database",
        "queries empty",
        "queries full",
        "equal",
        "HTML bytes empty",
        "HTML bytes full",
    ]
    title = (
        "Database queries per page: reference data only (empty) vs with the archive "
        "(full); the page cache off"
    )
    yield from table(title, header, rows)


def search(results: Results) -> Iterator[str]:
    rows = []
    for name, figures in results.items():
        times = [timing["ms"] for timing in figures["search"]]
        failed = sum(timing["status"] != 200 for timing in figures["search"])
        rows.append(
            [
                NAMES[name],
                len(times),
                statistics.median(times),
                percentile(times, 95),
                max(times),
                failed,
            ]
        )
    title = (
        "Search latency, GET /search/?q=… through Django's test client in one process;"
        " each query's figure is the median of 3 requests"
    )
    header = ["database", "queries", "median ms", "p95 ms", "slowest ms", "not 200"]
    yield from table(title, header, rows)


def search_queries(results: Results) -> Iterator[str]:
    names = list(results)
    first = results[names[0]]["search"]
    rows = [
        [timing["query"], *(results[name]["search"][i]["ms"] for name in names)]
        for i, timing in enumerate(first)
    ]
    header = ["query", *(f"{NAMES[name]} ms" for name in names)]
    yield from table("The twenty searches", header, rows)


def load(results: Results, tools: dict[str, str]) -> Iterator[str]:
    measured = {name: f["load"] for name, f in results.items() if "load" in f}
    if not measured:
        missing = " and ".join(sorted({"wrk", "nginx"} - set(tools)))
        yield f"\nLoad: skipped, {missing + ' not found' if missing else 'as asked'}."
        return
    some = next(iter(measured.values()))
    title = (
        f"Load: wrk, {some['connections']} connections, {some['seconds']} s per run"
        f" after a warm-up; gunicorn {some['workers']} workers x {some['threads']}"
        " threads (gthread); nginx serves the same HTML saved to a file"
    )
    rows = [
        [
            run["page"],
            run["server"],
            NAMES[name],
            run["per_second"],
            run["p50"],
            run["p95"],
            run["p99"],
            run["requests"],
            run["errors"],
        ]
        for name, figures in measured.items()
        for run in sorted(figures["runs"], key=lambda run: run["page"])
    ]
    header = [
        "page",
        "served by",
        "database",
        "requests/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "requests",
        "errors",
    ]
    yield from table(title, header, rows)
    for name, figures in measured.items():
        copies = figures["page_copies"].items()
        counts = ", ".join(f"{label}: {n}" for label, n in copies)
        yield f"Pages stored by the page cache in Redis ({NAMES[name]}): {counts}"


def checks(results: Results) -> Iterator[str]:
    rows = [
        [NAMES[name], what, verdict]
        for name, figures in results.items()
        for what, verdict in figures["checks"]
    ]
    yield from table(
        "Sanity checks of the generated archive", ["database", "check", "holds"], rows
    )


def percentile(values: list[float], share: int) -> float:
    """The `share`th percentile, interpolated between the two nearest values."""
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]
