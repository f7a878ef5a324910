"""OpenSearch is chosen by one variable, and the search's filters translate to it.

No server is needed: the query and the mapping are built, not sent.
"""

import json
import os
import subprocess
import sys
import tempfile

from django.conf import settings
from django.test import SimpleTestCase, TestCase
from modelsearch.backends.elasticsearchbase import (
    ElasticsearchBaseMapping,
    ElasticsearchBaseSearchQueryCompiler,
)

from rihub.directory.models import Economy, PriorityArea
from rihub.website.search.models import SearchEntry
from rihub.website.search.query import LOOKUPS

READ_BACKENDS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
)


class SettingTests(SimpleTestCase):
    def backends(self, **env: str) -> dict:
        with tempfile.TemporaryDirectory() as var:
            clean = {k: v for k, v in os.environ.items() if not k.startswith("RIHUB_")}
            result = subprocess.run(  # noqa: S603
                [sys.executable, "-c", READ_BACKENDS],
                cwd=settings.BASE_DIR,
                env=clean
                | {"DJANGO_SETTINGS_MODULE": "rihub.settings", "RIHUB_VAR_DIR": var}
                | env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
        return json.loads(result.stdout)["default"]

    def test_the_database_searches_unless_a_server_is_named(self) -> None:
        self.assertEqual(self.backends(), {"BACKEND": "rihub.website.search.backends"})

    def test_a_named_server_makes_opensearch_the_backend(self) -> None:
        backend = self.backends(
            RIHUB_OPENSEARCH_URL="https://search.internal:9200",
            RIHUB_OPENSEARCH_INDEX="rihub-staging",
        )

        self.assertEqual(backend["BACKEND"], "wagtail.search.backends.opensearch3")
        self.assertEqual(backend["URLS"], ["https://search.internal:9200"])
        self.assertEqual(backend["INDEX"], "rihub-staging")


class QueryTests(TestCase):
    def compile(self, by_date: bool = False, **filters: str) -> dict:
        entries = SearchEntry.objects.all()
        for name, value in filters.items():
            entries = entries.filter(**{LOOKUPS[name]: value})
        if by_date:
            entries = entries.order_by("-date", "-id")
        compiler = ElasticsearchBaseSearchQueryCompiler(
            entries, "housing", order_by_relevance=not by_date
        )
        compiler.check()
        return {"query": compiler.get_query(), "sort": compiler.get_sort()}

    def test_every_filter_becomes_an_opensearch_filter(self) -> None:
        Economy.objects.create(code="AL", name="Albania", short_name="AL")
        PriorityArea.objects.create(slug="housing", name="Housing")

        body = json.dumps(
            self.compile(
                kind="news",
                type="report",
                level="economy",
                economy="AL",
                area="housing",
                year="2019",
                language="sq",
            )
        )

        for expected in (
            '{"term": {"kind_filter": "news"}}',
            '{"term": {"document_type_filter": "report"}}',
            '{"term": {"year_filter": 2019}}',
            '"nested": {"path": "economies", "query": {"term": '
            '{"economies.code_filter": "AL"}}}',
            '"nested": {"path": "priority_areas", "query": {"term": '
            '{"priority_areas.slug_filter": "housing"}}}',
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, body)

    def test_newest_first_sorts_by_date_then_id(self) -> None:
        sort = self.compile(by_date=True)["sort"]

        self.assertEqual(sort, [{"date_filter": "desc"}, {"id_filter": "desc"}])

    def test_the_mapping_counts_economies_and_nests_their_codes(self) -> None:
        properties = ElasticsearchBaseMapping(SearchEntry).get_mapping()["properties"]

        self.assertEqual(properties["economies_filter"]["type"], "long")
        self.assertEqual(properties["economies"]["type"], "nested")
        self.assertIn("code_filter", properties["economies"]["properties"])
        self.assertEqual(properties["year_filter"]["type"], "integer")
