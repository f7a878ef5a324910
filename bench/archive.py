"""The site with a large archive: build it, index it, and measure its pages.

Runs inside a website pass (bench/website_pass.py), with Django set up.
"""

import io
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.management import call_command, get_commands
from django.db import connection, connections
from django.test import Client, override_settings
from wagtail.models import Locale

from bench import content, searching
from bench.directory import check, count_queries
from rihub.directory.models import Economy
from rihub.lib.reference import load_file
from rihub.website.models import EconomyProfilePage, NewsPage, SectionPage
from rihub.website.skeleton import ensure_site

Figures = dict[str, Any]


STARTED = time.monotonic()


def say(message: str) -> None:
    """Progress on stderr, so that a long pass shows where it is."""
    elapsed = time.monotonic() - STARTED
    line = f"[website bench, {connection.vendor}, {elapsed:4.0f} s] {message}"
    print(line, file=sys.stderr, flush=True)


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds the action took, and what it returned."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def build_and_measure(documents: int, news: int) -> Figures:
    say("migrating, loading the reference data")
    call_command("migrate", verbosity=0)
    load_file(settings.RIHUB_REFERENCE_DATA)
    pages = site_pages()
    client = Client()
    with override_settings(RIHUB_PAGE_CACHE_SECONDS=0):
        return measure_archive(client, pages, documents, news)


def measure_archive(
    client: Client, pages: dict[str, str], documents: int, news: int
) -> Figures:
    """Queries, generation, indexing, search: all with the page cache off."""
    figures: Figures = {"database": connection.vendor, "pages": pages}
    figures["counts"] = {"documents": documents, "news": news}
    figures["empty"] = page_costs(client, pages)

    generator = content.Generator()
    say(f"generating {documents:,} documents")
    figures["documents_s"], marked_document = timed(
        partial(content.create_documents, documents, generator)
    )
    say(f"generating {news:,} news pages")
    figures["news_s"], marked_news = timed(
        partial(content.create_news, news, generator)
    )
    figures["index_s"] = rebuild_index()
    figures["full"] = page_costs(client, pages)
    figures["checks"] = sanity_checks(client, marked_document, marked_news)

    say("timing 20 searches")
    timings = searching.measure(client, searching.queries(generator.words))
    figures["search"] = [vars(timing) for timing in timings]
    connections.close_all()
    return figures


def site_pages() -> dict[str, str]:
    """The home page, and an economy profile (made if the reference has none)."""
    ensure_site()
    english = Locale.get_default()
    profile = EconomyProfilePage.objects.live().filter(locale=english).first()
    if profile is None:
        section = SectionPage.objects.get(slug="economies", locale=english)
        economy = Economy.objects.order_by("pk").first()
        assert economy, "The reference data has no economy."
        profile = section.add_child(
            instance=EconomyProfilePage(
                title=economy.name, slug=economy.code.lower(), economy=economy
            )
        )
    return {"home": "/", "economy": profile.url}


def page_costs(client: Client, pages: dict[str, str]) -> dict[str, dict[str, int]]:
    """Database queries and HTML size of each page, with no cache to help."""
    costs = {}
    for name, path in pages.items():
        queries = count_queries(partial(check, client, path))
        size = len(client.get(path).content)
        costs[name] = {"queries": queries, "bytes": size}
    return costs


def rebuild_index() -> float | None:
    """Index the bulk-created content, timed; None while the command is missing."""
    if "rebuild_search_index" not in get_commands():
        say("no rebuild_search_index command yet: the archive stays unindexed")
        return None
    say("rebuilding the search index")
    command = partial(call_command, "rebuild_search_index", stdout=io.StringIO())
    return timed(command)[0]


def sanity_checks(
    client: Client, document: content.Marked, news: content.Marked
) -> list[list[str]]:
    """What must hold of the generated archive, printed rather than asserted."""
    newest = NewsPage.objects.live().order_by("-date", "-pk").first()
    newest_url = newest.url if newest else "(no news)"
    checks = [
        ("/news/ lists the newest article", "/news/", {}, newest_url),
        (f"a generated article is served: {news.url}", news.url, {}, news.title),
        (
            f"search for {news.word!r} finds its article",
            "/search/",
            {"q": news.word},
            news.url,
        ),
        (
            f"search for {document.word!r} finds its document",
            "/search/",
            {"q": document.word},
            document.url,
        ),
    ]
    return [
        [what, verdict(client, path, params, expected)]
        for what, path, params, expected in checks
    ]


def verdict(client: Client, path: str, params: dict[str, str], expected: str) -> str:
    response = client.get(path, params)
    if response.status_code != 200:
        return f"no: status {response.status_code}"
    if expected not in response.content.decode():
        return "no: not on the page"
    return "yes"
