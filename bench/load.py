"""Throughput and latency of pages under load, cached and not, beside nginx.

Runs inside a website pass, after the archive is built. Every gunicorn worker
reads the same database and, for the cached run, the same Redis database, both
given by the pass's environment.
"""

import os

import redis
from django.conf import settings

from bench import serving
from bench.archive import say
from rihub.website.caching import PAGE_KEY_PREFIX

CACHE_SECONDS = "600"


def measure_load(
    pages: dict[str, str], wrk: str, nginx: str, seconds: int
) -> dict[str, object]:
    """wrk on each page: gunicorn uncached, gunicorn cached, nginx with a file."""
    runs: list[serving.Load] = []
    html: dict[str, bytes] = {}
    copies: dict[str, int] = {}
    log = settings.VAR_DIR / "gunicorn.log"
    cache = redis.Redis.from_url(settings.REDIS_URL)

    for label, cache_seconds in [
        ("gunicorn, uncached", "0"),
        ("gunicorn, cached", CACHE_SECONDS),
    ]:
        cache.flushdb()
        env = os.environ | {"RIHUB_PAGE_CACHE_SECONDS": cache_seconds}
        say(f"load on {', '.join(pages)}: {label}")
        with serving.gunicorn(env, log) as base:
            for name, path in pages.items():
                html.setdefault(f"{name}.html", serving.fetch(base + path))
                runs.append(serving.measure(wrk, label, base + path, name, seconds))
        # Proof of which run the page cache served: the copies it stored.
        copies[label] = sum(1 for _ in cache.scan_iter(f"*{PAGE_KEY_PREFIX}:*"))

    say(f"load on {', '.join(pages)}: nginx")
    with serving.nginx(nginx, html) as base:
        for name in pages:
            url = f"{base}/{name}.html"
            runs.append(serving.measure(wrk, "nginx, static file", url, name, seconds))
    return {
        "runs": [run.as_dict() for run in runs],
        "page_copies": copies,
        "workers": serving.WORKERS,
        "threads": serving.THREADS,
        "seconds": seconds,
        "connections": serving.CONNECTIONS,
    }
