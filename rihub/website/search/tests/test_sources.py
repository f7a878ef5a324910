"""Each kind of public source is found, by its own words and where it leads."""

import datetime as dt

from django.test import TestCase, override_settings

from rihub.governance.services import minutes
from rihub.website.models import NewsIndexPage
from rihub.website.search import sync
from rihub.website.search.models import Kind, SearchEntry
from rihub.website.search.tests.world import SearchWorld, found_titles


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class EachKindIsFoundTests(TestCase):
    data: SearchWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.data = SearchWorld.create()
        sync.rebuild()

    def test_one_word_finds_every_kind_of_source(self) -> None:
        response = self.client.get("/search/", {"q": "housing"})

        found = {hit.entry.kind: hit.entry for hit in response.context["hits"]}
        self.assertEqual(set(found), set(Kind.values))
        self.assertEqual(found[Kind.NEWS].title, "Housing fund opens in Tirana")
        self.assertEqual(found[Kind.EVENT].title, "Regional housing forum")
        self.assertEqual(found[Kind.PAGE].title, "About the project")
        self.assertEqual(found[Kind.DOCUMENT].title, "Strategy for Roma inclusion")
        self.assertEqual(found[Kind.MEETING].title, "Task Force 2016")
        self.assertTrue(found[Kind.COMMITMENT].title.startswith("Albania: Legalise"))

    def test_each_result_links_to_its_public_address(self) -> None:
        response = self.client.get("/search/", {"q": "housing"})

        for url in (
            self.data.news.url,
            self.data.event.url,
            self.data.about.url,
            self.data.strategy.get_absolute_url(),
            self.data.meeting.get_absolute_url(),
            f"{self.data.launch.get_absolute_url()}#commitments-heading",
        ):
            with self.subTest(url=url):
                self.assertContains(response, f'href="{url}"')

    def test_a_document_is_found_by_its_extracted_text(self) -> None:
        response = self.client.get("/search/", {"q": "Belgrade"})

        self.assertEqual(
            found_titles(self.client, q="Belgrade"), [self.data.strategy.title]
        )
        self.assertContains(response, "<mark>Belgrade</mark>", html=True)

    def test_a_meeting_is_found_by_its_adopted_minutes(self) -> None:
        self.assertEqual(found_titles(self.client, q="survey"), ["Task Force 2016"])

    def test_minutes_not_yet_adopted_are_not_searched(self) -> None:
        editor = self.data.world.people.secretariat_editor
        with self.captureOnCommitCallbacks(execute=True):
            meeting = self.data.world.task_force_meeting(dt.date(2017, 9, 19))
            record = minutes.draft(meeting, "## Budget\nA confidential idea.", editor)
            minutes.circulate(record, dt.date(2017, 10, 1), editor)

        self.assertEqual(found_titles(self.client, q="confidential"), [])
        self.assertEqual(found_titles(self.client, q="2017"), ["Task Force 2017"])

    def test_a_renamed_section_changes_the_addresses_of_its_pages(self) -> None:
        section = NewsIndexPage.objects.get()
        with self.captureOnCommitCallbacks(execute=True):
            section.slug = "stories"
            section.save_revision().publish()

        entry = SearchEntry.objects.get(title=self.data.news.title)
        self.assertTrue(entry.url.startswith("/stories/"), entry.url)
        response = self.client.get("/search/", {"q": "Tirana fund"})
        self.assertContains(response, f'href="{entry.url}"')

    def test_a_commitment_is_found_with_its_economy_and_area(self) -> None:
        entry = SearchEntry.objects.get(kind=Kind.COMMITMENT)

        self.assertEqual(found_titles(self.client, q="settlement"), [entry.title])
        self.assertEqual(list(entry.economies.all()), [self.data.world.people.albania])
        self.assertEqual(list(entry.priority_areas.all()), [self.data.housing])

    def test_several_words_find_what_has_all_of_them(self) -> None:
        titles = found_titles(self.client, q="housing Tirana")

        # The launch meeting says Tirana only; its commitment says both.
        self.assertCountEqual(titles, [self.data.news.title, self.commitment_title()])

    def commitment_title(self) -> str:
        return SearchEntry.objects.get(kind=Kind.COMMITMENT).title
