"""The database search backend, with SQLite's queries planned to scale.

On PostgreSQL (and anything but SQLite) this is Wagtail's database backend as
it is. On SQLite its FTS5 backend finds the right entries, but plans two of its
queries badly for a large archive:

- it joins the full-text table to the index entries, and SQLite walks every
  entry and asks the full-text table about each one: the matching rows are
  read here once, by their row numbers, instead;
- it ranks each result in a subquery that runs the whole match again, which
  grows with the square of the results: here one query ranks all the matches
  and reads only the page asked for.
"""

from typing import Any

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseBackend


def SearchBackend(params: dict[str, Any]) -> Any:  # noqa: N802 (Wagtail's name)
    backend = DatabaseBackend(params)
    # The SQLite classes load only on SQLite: they need its full-text table.
    if connection.vendor == "sqlite":
        from rihub.website.search import sqlite

        if isinstance(backend, sqlite.SQLiteSearchBackend):
            return sqlite.PlannedSQLiteBackend(params)
    return backend
