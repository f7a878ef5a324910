"""The SQLite FTS5 backend, with its queries planned to scale (see backends)."""

from typing import Any

from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class PlannedQueryCompiler(SQLiteSearchQueryCompiler):
    def plain(self) -> bool:
        """Whether the query matches all or nothing: the base handles those."""
        return isinstance(normalize(self.query), (MatchAll, Not))

    def search(
        self, config: Any, start: int | None, stop: int | None, score_field: Any = None
    ) -> QuerySet[Any]:
        """The matching objects, unranked (ranking is `ranked`'s work)."""
        if self.plain():
            return super().search(config, start, stop, score_field)

        matching = self.queryset.filter(pk__in=self.matching_ids(config))
        if not matching.query.order_by:
            matching = matching.order_by("-pk")
        return matching[start:stop]

    def matched_rows(self, config: Any) -> QuerySet[Any]:
        query = self.build_search_query(normalize(self.query), config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, query)
        return SQLiteFTSIndexEntry.objects.filter(match)

    def content_types(self) -> list[int]:
        return list(get_descendants_content_types_pks(self.queryset.model))

    def matching_ids(self, config: Any) -> QuerySet[Any]:
        rows = self.matched_rows(config).values("pk")
        entries = IndexEntry.objects.filter(
            pk__in=rows, content_type__in=self.content_types()
        )
        return entries.values("object_id")

    def ranked(
        self, config: Any, start: int, stop: int | None
    ) -> list[tuple[str, float]]:
        """The keys of one page of the best matches, with their scores."""
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        rows = (
            self.matched_rows(config)
            .filter(
                index_entry__content_type__in=self.content_types(),
                index_entry__object_id__in=self.queryset.values("pk"),
            )
            .annotate(score=rank)
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")
        )
        return list(rows[start:stop])


class PlannedResults(SQLiteSearchResults):
    def planned(self) -> bool:
        """Whether this is a full-text search (the admin's autocomplete is not)."""
        compiler = self.query_compiler
        return isinstance(compiler, PlannedQueryCompiler) and not compiler.plain()

    def _do_search(self) -> list[Any]:
        compiler = self.query_compiler
        if not (self.planned() and compiler.order_by_relevance):
            return super()._do_search()

        config = compiler.get_config(self.backend)
        ranked = compiler.ranked(config, self.start, self.stop)
        found = compiler.queryset.in_bulk([int(key) for key, _score in ranked])
        results = []
        for key, score in ranked:
            obj = found.get(int(key))
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self) -> int:
        compiler = self.query_compiler
        if not self.planned():
            return int(super()._do_count())
        config = compiler.get_config(self.backend)
        return int(compiler.search(config, None, None).count())


class PlannedSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = PlannedQueryCompiler
    results_class = PlannedResults
