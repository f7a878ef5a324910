"""Nothing unpublished, private or deleted can be found, even once it was."""

from django.db import transaction
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from rihub.website.models import HomePage, NewsIndexPage, StandardPage
from rihub.website.search import sync
from rihub.website.search.models import SearchEntry
from rihub.website.search.tests.world import SearchWorld, found_titles


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class NeverFoundTests(TestCase):
    data: SearchWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.data = SearchWorld.create()
        sync.rebuild()

    def titles(self, q: str = "housing") -> list[str]:
        return found_titles(self.client, q=q)

    def test_what_is_not_public_has_no_entry_and_is_not_found(self) -> None:
        hidden = {
            "Draft housing plan": "draft",
            "Private housing notes": "notes",
            "Secret housing draft": "secret",
            "Closed housing meeting": "closed",
            "Serbia: A housing promise not yet public.": "promise",
        }
        for title, word in hidden.items():
            with self.subTest(title=title):
                self.assertFalse(SearchEntry.objects.filter(title=title).exists())
                self.assertNotIn(title, self.titles())
                self.assertEqual(self.titles(word), [])

    def test_an_unpublished_page_leaves_the_results(self) -> None:
        self.assertIn(self.data.news.title, self.titles())

        with self.captureOnCommitCallbacks(execute=True):
            self.data.news.unpublish()

        self.assertNotIn(self.data.news.title, self.titles())
        self.assertEqual(self.titles("Tirana fund"), [])

    def test_a_page_made_private_leaves_the_results_with_its_branch(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(
                page=NewsIndexPage.objects.get(),
                restriction_type=PageViewRestriction.PASSWORD,
                password="members",  # noqa: S106
            )

        self.assertNotIn(self.data.news.title, self.titles())
        self.assertIn(self.data.event.title, self.titles())

    def test_a_private_section_made_public_is_found_again(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.all().delete()

        self.assertIn("Private housing notes", self.titles())

    def test_a_page_moved_into_a_private_section_leaves_the_results(self) -> None:
        members = StandardPage.objects.get(slug="members")
        with self.captureOnCommitCallbacks(execute=True):
            self.data.about.move(members, pos="last-child")

        self.assertNotIn("About the project", self.titles())

    def test_a_deleted_page_leaves_the_results(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.event.delete()

        self.assertNotIn(self.data.event.title, self.titles())
        self.assertFalse(SearchEntry.objects.filter(title=self.data.event.title))

    def test_a_page_published_later_is_found(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.draft_news.get_latest_revision().publish()

        self.assertIn("Draft housing plan", self.titles())

    def test_a_page_added_by_code_is_found(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            HomePage.objects.get().add_child(
                instance=StandardPage(title="Housing glossary", slug="glossary")
            )

        self.assertIn("Housing glossary", self.titles())

    def test_a_draft_of_a_live_page_waits_for_its_publication(self) -> None:
        news = self.data.news
        news.title = "Zebra crossings for Tirana"
        with self.captureOnCommitCallbacks(execute=True):
            revision = news.save_revision()

        self.assertEqual(self.titles("zebra"), [])
        self.assertEqual(self.titles("fund"), ["Housing fund opens in Tirana"])

        with self.captureOnCommitCallbacks(execute=True):
            revision.publish()

        self.assertEqual(self.titles("zebra"), ["Zebra crossings for Tirana"])

    def test_a_draft_of_a_live_document_waits_for_its_publication(self) -> None:
        strategy = self.data.strategy
        strategy.summary = "A zebra of a strategy."
        with self.captureOnCommitCallbacks(execute=True):
            revision = strategy.save_revision()

        self.assertEqual(self.titles("zebra"), [])

        with self.captureOnCommitCallbacks(execute=True):
            revision.publish()

        self.assertEqual(self.titles("zebra"), [strategy.title])

    def test_an_unpublished_document_leaves_the_results(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.strategy.unpublish()

        self.assertEqual(self.titles("Belgrade"), [])

    def test_a_published_draft_document_is_found(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.draft_document.save_revision().publish()

        self.assertIn("Secret housing draft", self.titles())

    def test_an_unpublished_meeting_takes_its_commitments_with_it(self) -> None:
        launch = self.data.launch
        self.assertEqual(len(self.titles("settlement")), 1)

        with self.captureOnCommitCallbacks(execute=True):
            launch.published = False
            launch.save()

        self.assertEqual(self.titles("settlement"), [])
        self.assertEqual(self.titles("Launch"), [])

    def test_a_meeting_published_later_brings_its_commitments(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.hidden_meeting.published = True
            self.data.hidden_meeting.save()

        promise = "Serbia: A housing promise not yet public."
        self.assertEqual(self.titles("promise"), [promise])
        # The commitment tells the meeting's title too.
        self.assertCountEqual(
            self.titles("closed"), ["Closed housing meeting", promise]
        )

    def test_a_deleted_commitment_leaves_the_results(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.data.commitment.delete()

        self.assertEqual(self.titles("settlement"), [])

    def test_a_change_rolled_back_leaves_the_entry_as_it_was(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            try:
                with transaction.atomic():
                    self.data.strategy.unpublish()
                    raise RuntimeError("the editor's request failed")
            except RuntimeError:
                pass

        self.assertEqual(self.titles("Belgrade"), [self.data.strategy.title])
