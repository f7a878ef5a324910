"""The planned SQLite backend finds and ranks exactly as Wagtail's own does."""

import datetime as dt
import unittest
from typing import Any

from django.db import connection
from django.test import TestCase
from modelsearch.backends.database import SearchBackend as DatabaseBackend

from rihub.website.search import sync
from rihub.website.search.backends import SearchBackend
from rihub.website.search.models import SearchEntry
from rihub.website.search.tests.world import document

QUERIES = ["housing", "roma housing", "education", "report", "nothing-like-this"]


@unittest.skipUnless(connection.vendor == "sqlite", "the plan is SQLite's")
class PlannedSQLiteTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        for number in range(30):
            words = ["housing"] * (number % 4) + ["education"] * (number % 3)
            document(
                f"Report {number} on {' '.join(words[:2]) or 'roma'}",
                summary=" ".join(["roma", *words]),
                text=("A passage on housing. " * (number % 5)) + "Roma report.",
                date=dt.date(2000 + number % 20, 1, 1),
            )
        sync.rebuild()

    def setUp(self) -> None:
        # Importable only on SQLite: its models need the full-text table.
        from rihub.website.search import sqlite

        self.planned_class = sqlite.PlannedSQLiteBackend
        self.ours = SearchBackend({})
        self.theirs = sqlite.SQLiteSearchBackend({})

    def search(self, backend: Any, query: str, **options: Any) -> Any:
        return backend.search(query, SearchEntry.objects.all(), **options)

    def test_sqlite_gets_the_planned_backend(self) -> None:
        self.assertIsInstance(self.ours, self.planned_class)

    def test_results_and_their_order_are_the_same(self) -> None:
        for query in QUERIES:
            with self.subTest(query=query):
                ours = [e.pk for e in self.search(self.ours, query)]
                theirs = [e.pk for e in self.search(self.theirs, query)]

                self.assertEqual(ours, theirs)

    def test_a_page_of_results_is_the_same_slice(self) -> None:
        ours = self.search(self.ours, "housing")
        theirs = self.search(self.theirs, "housing")

        self.assertGreater(ours.count(), 10)
        self.assertEqual(ours.count(), theirs.count())
        self.assertEqual([e.pk for e in ours[5:10]], [e.pk for e in list(theirs)[5:10]])

    def test_every_term_must_match_when_asked(self) -> None:
        ours = self.search(self.ours, "housing education", operator="and")
        theirs = self.search(self.theirs, "housing education", operator="and")

        self.assertTrue(ours)
        self.assertEqual([e.pk for e in ours], [e.pk for e in theirs])

    def test_scores_are_annotated_best_first(self) -> None:
        found = list(self.search(self.ours, "housing").annotate_score("score"))

        scores = [entry.score for entry in found]
        self.assertEqual(scores, sorted(scores))  # BM25: lower is better

    def test_filters_and_counts_by_facet_narrow_the_same_way(self) -> None:
        recent = SearchEntry.objects.filter(year__gte=2010)

        ours = self.ours.search("housing", recent)
        theirs = self.theirs.search("housing", recent)

        self.assertEqual([e.pk for e in ours], [e.pk for e in theirs])
        self.assertEqual(dict(ours.facet("year")), dict(theirs.facet("year")))


@unittest.skipIf(connection.vendor == "sqlite", "elsewhere the base backend serves")
class OtherDatabasesTests(TestCase):
    def test_other_databases_get_wagtails_backend(self) -> None:
        self.assertIs(type(SearchBackend({})), type(DatabaseBackend({})))

    def test_postgresql_indexes_what_its_backend_matches(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["rihub_indexentry_title_body_gin"],
            )
            found = cursor.fetchone()

        self.assertIsNotNone(found)
        self.assertIn("gin (((title || body)))", found[0])
