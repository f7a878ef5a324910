"""`rebuild_search_index` and its task make the index match the sources again."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from rihub.website.models import Document
from rihub.website.search import tasks
from rihub.website.search.models import SearchEntry
from rihub.website.search.tests.world import SearchWorld, found_titles


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class RebuildTests(TestCase):
    data: SearchWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.data = SearchWorld.create()

    def rebuild(self) -> str:
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        return out.getvalue()

    def test_the_command_fills_an_empty_index_with_a_progress_bar(self) -> None:
        self.assertEqual(found_titles(self.client, q="Belgrade"), [])

        output = self.rebuild()

        self.assertEqual(
            found_titles(self.client, q="Belgrade"), [self.data.strategy.title]
        )
        self.assertIn("[##############################]", output)
        self.assertIn("documents", output)
        stored = SearchEntry.objects.count()
        self.assertIn(f"Search index rebuilt: {stored} entries, 0 dropped.", output)

    def test_entries_whose_sources_changed_unseen_are_dropped(self) -> None:
        self.rebuild()
        # A bulk update sends no signal: only a rebuild sees it.
        Document.objects.filter(pk=self.data.strategy.pk).update(live=False)
        self.assertEqual(
            found_titles(self.client, q="Belgrade"), [self.data.strategy.title]
        )

        output = self.rebuild()

        self.assertIn("1 dropped", output)
        self.assertEqual(found_titles(self.client, q="Belgrade"), [])

    def test_a_missing_entry_is_restored_and_a_changed_one_refreshed(self) -> None:
        self.rebuild()
        SearchEntry.objects.filter(title=self.data.news.title).delete()
        Document.objects.filter(pk=self.data.strategy.pk).update(
            title="Renamed strategy"
        )

        self.rebuild()

        self.assertIn(self.data.news.title, found_titles(self.client, q="Tirana"))
        self.assertEqual(found_titles(self.client, q="Belgrade"), ["Renamed strategy"])

    def test_a_rebuild_twice_rewrites_nothing(self) -> None:
        self.rebuild()
        rows = SearchEntry.objects.values_list("pk", "source_id", "title", "indexed_at")
        before = set(rows.all())

        output = self.rebuild()

        self.assertEqual(set(rows.all()), before)
        self.assertIn("0 dropped", output)

    def test_the_background_task_rebuilds_too(self) -> None:
        result = tasks.rebuild_search_index.enqueue()

        self.assertEqual(
            result.return_value, {"stored": SearchEntry.objects.count(), "dropped": 0}
        )
        self.assertEqual(found_titles(self.client, q="survey"), ["Task Force 2016"])
