"""The website with a large archive, on SQLite and on PostgreSQL.

For each database, a pass in its own process (bench/website_pass.py) generates
50,000 documents and 10,000 news pages, indexes them, times twenty searches and
puts the home and an economy page under load; this module starts the passes,
with a fresh database each, and prints their figures side by side.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from bench import report
from bench.serving import find_tool

ROOT = Path(__file__).resolve().parent.parent
DATABASES = ["sqlite", "postgresql"]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
BENCH_DATABASE = "rihub_bench_website"
REDIS = "redis://127.0.0.1:6379/14"


def run(
    databases: list[str], seconds: int, documents: int = 50_000, news: int = 10_000
) -> Iterator[str]:
    tools = load_tools()
    results: dict[str, dict[str, Any]] = {}
    for name in databases:
        try:
            with database(name) as url:
                results[name] = run_pass(url, seconds, documents, news, tools)
        except PassFailed as failure:
            yield f"website bench on {name}: {failure}"
    yield from report.lines(results, tools)


class PassFailed(Exception):
    pass


@contextmanager
def database(name: str) -> Iterator[str]:
    """An empty database for one pass: a SQLite file, or a PostgreSQL database."""
    if name == "sqlite":
        yield ""
        return
    try:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    except psycopg.Error as error:
        raise PassFailed(f"PostgreSQL at {POSTGRES} is not usable: {error}") from None
    try:
        yield f"{POSTGRES}/{BENCH_DATABASE}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


def run_pass(
    url: str, seconds: int, documents: int, news: int, tools: dict[str, str]
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="rihub-bench-website-") as var:
        out = Path(var) / "figures.json"
        command = [
            *(sys.executable, "-m", "bench.website_pass", "--out", str(out)),
            *("--documents", str(documents), "--news", str(news)),
            *("--seconds", str(seconds)),
            *("--wrk", tools.get("wrk", ""), "--nginx", tools.get("nginx", "")),
        ]
        env = pass_environment(var, url)
        done = subprocess.run(command, env=env, cwd=ROOT)  # noqa: S603
        if done.returncode != 0 or not out.exists():
            raise PassFailed(f"the pass failed (exit status {done.returncode}).")
        return dict(json.loads(out.read_text()))


def pass_environment(var: str, url: str) -> dict[str, str]:
    """The settings of a pass and of its gunicorn workers, all from variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "RIHUB_PAGE_CACHE_SECONDS"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "rihub.settings",
        "RIHUB_VAR_DIR": var,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "REDIS_URL": REDIS,
        "RIHUB_PAGE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    if url:
        env["DATABASE_URL"] = url
    return env


def load_tools() -> dict[str, str]:
    """wrk and nginx, installed from Debian's packages when missing and allowed.

    Without them the load part is skipped, and the report says why.
    """
    missing = [name for name in ("wrk", "nginx") if not find_tool(name)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing {' and '.join(missing)} from Debian's packages…", flush=True)
        apt_get("update", "-qq")
        apt_get("install", "-y", "-qq", *missing)
    return {name: path for name in ("wrk", "nginx") if (path := find_tool(name))}


def apt_get(*arguments: str) -> None:
    apt = shutil.which("apt-get") or "apt-get"
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([apt, *arguments], env=env, stdout=subprocess.DEVNULL)  # noqa: S603
