"""Each page type of the website: what it shows, and what it never shows."""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rihub.directory.models import Mandate, PriorityArea
from rihub.directory.services import seat_of
from rihub.governance.models import Attendance, Commitment, CommitmentStatus
from rihub.governance.tests.world import NRCP, World
from rihub.website import queries
from rihub.website.models import (
    Document,
    DocumentType,
    EconomyProfilePage,
    EventPage,
    Level,
    NewsPage,
    SectionPage,
)
from rihub.website.tests import content


class PageTypeTests(TestCase):
    world: World
    area: PriorityArea
    albania_profile: EconomyProfilePage
    serbia_profile: EconomyProfilePage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        cls.area = cls.world.priority_area()
        cls.albania_profile = content.profile(people.albania, summary="Albania's page.")
        cls.serbia_profile = content.profile(people.serbia)
        content.news(
            "Albania's platform meets",
            dt.date(2021, 5, 11),
            economies=[people.albania],
            priority_areas=[cls.area],
            level=Level.ECONOMY,
        )
        content.news(
            "Serbia convenes its body", dt.date(2017, 9, 11), economies=[people.serbia]
        )
        content.document(
            "Albania's action plan",
            document_type=DocumentType.ACTION_PLAN,
            economies=[people.albania],
            level=Level.ECONOMY,
            featured=True,
        )
        content.document(
            "Serbia's strategy",
            document_type=DocumentType.STRATEGY,
            economies=[people.serbia],
        )

    def test_home_shows_news_events_publications_and_the_project(self) -> None:
        today = timezone.localdate()
        content.event("Next platform", today + dt.timedelta(days=30))
        self.world.task_force_meeting(
            today + dt.timedelta(days=60), title="Sixth Task Force meeting"
        )

        response = self.client.get("/")

        self.assertContains(response, "Albania&#x27;s platform meets")
        self.assertContains(response, "Upcoming events")
        self.assertContains(response, "Next platform")
        self.assertContains(response, "Albania&#x27;s action plan")
        self.assertNotContains(response, "Serbia&#x27;s strategy")  # not featured
        self.assertContains(response, "Sixth Task Force meeting")
        self.assertContains(response, self.albania_profile.url)

    def test_home_counts_commitments_by_status(self) -> None:
        launch = self.world.launch()
        for status in (
            CommitmentStatus.ON_TRACK,
            CommitmentStatus.ON_TRACK,
            CommitmentStatus.DELAYED,
        ):
            Commitment.objects.create(
                meeting=launch,
                economy=self.world.people.albania,
                priority_area=self.area,
                text="A promise",
                status=status,
            )

        response = self.client.get("/")

        self.assertContains(response, "On track: 2; Delayed: 1")

    def test_sections_show_their_level_only(self) -> None:
        economy_section = SectionPage.objects.get(level=Level.ECONOMY)
        regional = SectionPage.objects.get(level=Level.REGIONAL)

        economy_page = self.client.get(economy_section.url)
        regional_page = self.client.get(regional.url)

        self.assertContains(economy_page, "Albania&#x27;s platform meets")
        self.assertContains(economy_page, self.serbia_profile.url)
        self.assertNotContains(regional_page, "Albania&#x27;s platform meets")
        self.assertContains(regional_page, "Serbia convenes its body")

    def test_economy_profile_gathers_what_concerns_the_economy(self) -> None:
        people = self.world.people
        seat = seat_of(people.task_force, NRCP, people.albania)
        Mandate.objects.filter(seat=seat).update(
            organisation=people.albanian_ministry, position="Director"
        )
        held = self.world.task_force_meeting(dt.date(2019, 6, 1), title="Held in 2019")
        Attendance.objects.create(
            meeting=held, seat=seat, status=Attendance.Status.PRESENT
        )
        launch = self.world.launch()
        Commitment.objects.create(
            meeting=launch,
            economy=people.albania,
            priority_area=self.area,
            text="Register every birth",
        )
        Commitment.objects.create(
            meeting=launch,
            economy=people.serbia,
            priority_area=self.area,
            text="Serbian promise",
        )

        response = self.client.get(self.albania_profile.url)

        self.assertContains(response, people.albanian_ministry.name)
        self.assertContains(response, "Albania&#x27;s action plan")
        self.assertNotContains(response, "Serbia&#x27;s strategy")
        self.assertContains(response, "Register every birth")
        self.assertNotContains(response, "Serbian promise")
        self.assertContains(response, "Held in 2019")
        self.assertContains(response, "Albania&#x27;s platform meets")
        self.assertNotContains(response, "Serbia convenes its body")

    def test_economy_profile_shows_the_latest_strategies_and_links_the_rest(
        self,
    ) -> None:
        albania = self.world.people.albania
        for year in range(2000, 2010):
            content.document(
                f"Action plan {year}",
                document_type=DocumentType.ACTION_PLAN,
                economies=[albania],
                date=dt.date(year, 1, 1),
            )
        response = self.client.get(self.albania_profile.url)

        shown = list(response.context["strategies"])
        self.assertEqual(len(shown), queries.PROFILE_DOCUMENTS)
        self.assertEqual(shown[0].title, "Albania's action plan")  # 2019, the latest
        self.assertNotContains(response, "Action plan 2000")
        self.assertContains(response, 'href="/library/?economy=AL"')

    def test_economy_profile_hides_unpublished_meetings_and_their_commitments(
        self,
    ) -> None:
        hidden = self.world.launch(published=False)
        Commitment.objects.create(
            meeting=hidden,
            economy=self.world.people.albania,
            priority_area=self.area,
            text="Not yet public",
        )

        response = self.client.get(self.albania_profile.url)

        self.assertNotContains(response, "Not yet public")

    def test_topic_page_shows_its_priority_area(self) -> None:
        other = PriorityArea.objects.create(slug="housing", name="Housing")
        topic = content.topic(self.area)
        content.document("About housing", priority_areas=[other])
        content.document("About registration", priority_areas=[self.area])

        response = self.client.get(topic.url)

        self.assertContains(response, "About registration")
        self.assertNotContains(response, "About housing")
        self.assertContains(response, "Albania&#x27;s platform meets")

    def test_news_and_event_pages(self) -> None:
        meeting = self.world.task_force_meeting(dt.date(2020, 12, 15))
        event = content.event(
            "Task Force online", dt.date(2020, 12, 15), online=True, meeting=meeting
        )
        article = content.news(
            "Held online",
            dt.date(2020, 12, 16),
            source="https://www.rcc.int/romaintegration2020/news",
        )

        event_page = self.client.get(event.url)
        news_page = self.client.get(article.url)

        self.assertContains(event_page, meeting.get_absolute_url())
        self.assertContains(event_page, '<time datetime="2020-12-15">', html=False)
        self.assertContains(news_page, "Read the original announcement")

    def test_event_of_an_unpublished_meeting_does_not_link_it(self) -> None:
        meeting = self.world.task_force_meeting(dt.date(2020, 12, 15), published=False)
        event = content.event("Quiet meeting", dt.date(2020, 12, 15), meeting=meeting)

        response = self.client.get(event.url)

        self.assertNotContains(response, meeting.get_absolute_url())

    def test_an_event_cannot_end_before_it_starts(self) -> None:
        event = EventPage(
            title="Backwards",
            slug="backwards",
            start_date=dt.date(2020, 5, 2),
            end_date=dt.date(2020, 5, 1),
        )

        with self.assertRaises(ValidationError) as refused:
            event.full_clean()

        self.assertIn("end_date", refused.exception.message_dict)

    def test_library_lists_published_documents_with_filters(self) -> None:
        content.document("Draft report", live=False)

        everything = self.client.get("/library/")
        albanian = self.client.get("/library/", {"economy": "AL"})

        self.assertContains(everything, "Serbia&#x27;s strategy")
        self.assertNotContains(everything, "Draft report")
        self.assertContains(albanian, "Albania&#x27;s action plan")
        self.assertNotContains(albanian, "Serbia&#x27;s strategy")

    def test_a_document_page_and_its_file_address(self) -> None:
        document = content.document("A report", summary="What it found.")
        hidden = content.document("Hidden", live=False)

        shown = self.client.get(document.get_absolute_url())
        wrong_slug = self.client.get(f"/library/{document.pk}/old-title/")

        self.assertContains(shown, "What it found.")
        self.assertRedirects(wrong_slug, document.get_absolute_url(), status_code=301)
        self.assertEqual(self.client.get(hidden.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(hidden.get_file_url()).status_code, 404)


class HiddenPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        World.create()

    def test_draft_and_private_pages_are_not_served_or_listed(self) -> None:
        index = content.home().get_children().get(slug="news").specific
        hidden = content.draft(
            index, content.NewsPage(title="Draft news", date=dt.date(2020, 1, 1))
        )
        private = content.news("Private news", dt.date(2020, 1, 2))
        content.make_private(private)

        self.assertEqual(self.client.get("/news/" + hidden.slug + "/").status_code, 404)
        self.assertEqual(self.client.get(private.url).status_code, 302)
        listing = self.client.get("/news/")
        self.assertNotContains(listing, "Draft news")
        self.assertNotContains(listing, "Private news")
        self.assertNotContains(self.client.get("/"), "Private news")


class QueryCountTests(TestCase):
    world: World
    profile: EconomyProfilePage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.profile = content.profile(cls.world.people.albania)

    def test_pages_need_the_same_queries_as_content_grows(self) -> None:
        paths = [
            "/",
            self.profile.url,
            "/news/",
            "/events/",
            "/library/",
            "/economies/",
        ]
        self.add_content("first", 1)
        before = [self.count(path) for path in paths]

        self.add_content("more", 12)

        self.assertEqual([self.count(path) for path in paths], before)

    def add_content(self, name: str, count: int) -> None:
        albania = self.world.people.albania
        area = self.world.priority_area()
        today = timezone.localdate()
        for n in range(count):
            content.news(
                f"News {name} {n}",
                dt.date(2020, 1, n + 1),
                economies=[albania],
                priority_areas=[area],
            )
            content.event(f"Past {name} {n}", dt.date(2020, 2, n + 1))
            content.event(f"Soon {name} {n}", today + dt.timedelta(days=n + 1))
            content.document(
                f"Document {name} {n}",
                economies=[albania],
                featured=True,
                document_type=DocumentType.STRATEGY,
            )

    def count(self, path: str) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(queries)


class ReferenceContentTests(TestCase):
    def test_loading_again_keeps_edits_and_deletions(self) -> None:
        load = lambda: call_command(  # noqa: E731
            "load_reference_data", str(settings.RIHUB_REFERENCE_DATA), verbosity=0
        )
        load()
        news = NewsPage.objects.get(slug="fifth-task-force-online")
        news.title = "Edited by the secretariat"
        news.save_revision().publish()
        Document.objects.get(reference_key="poznan-declaration").delete()
        NewsPage.objects.get(slug="roma-decade-ends").delete()
        counts = (NewsPage.objects.count(), Document.objects.count())

        load()

        news.refresh_from_db()
        self.assertEqual(news.title, "Edited by the secretariat")
        self.assertEqual((NewsPage.objects.count(), Document.objects.count()), counts)
        self.assertFalse(Document.objects.filter(reference_key="poznan-declaration"))
        self.assertEqual(EconomyProfilePage.objects.count(), 7)
