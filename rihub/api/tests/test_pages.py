"""The API's news and events: live public pages, in the language asked for."""

import datetime as dt

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from rihub.api.tests.content import event, made_private, news, translated
from rihub.directory.models import PriorityArea
from rihub.governance.tests.world import World
from rihub.website.models import EventPage, Level, NewsIndexPage, NewsPage

LAUNCH = "Roma Integration 2020 launched in Sarajevo"
ACTION_PLAN = "Albania adopts its action plan"


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class NewsApiTests(TestCase):
    world: World
    launch: NewsPage
    hidden: dict[str, NewsPage]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        albania = cls.world.people.albania
        cls.launch = news(
            LAUNCH,
            dt.date(2016, 6, 7),
            summary="Ministers of seven economies met.",
            level=Level.REGIONAL,
            economies=[albania, cls.world.people.serbia],
            priority_areas=[cls.world.priority_area()],
        )
        news(
            ACTION_PLAN,
            dt.date(2017, 2, 1),
            level=Level.ECONOMY,
            economies=[albania],
        )
        draft = news("Draft: a story not yet told", dt.date(2018, 1, 1), draft=True)
        unpublished = news("Withdrawn: a retracted story", dt.date(2018, 2, 1))
        unpublished.unpublish()
        private = made_private(
            news("Partners only: a private note", dt.date(2018, 3, 1))
        )
        cls.hidden = {"draft": draft, "unpublished": unpublished, "private": private}
        translated(cls.launch, "sq", "Integrimi i romëve 2020 u nis në Sarajevë")

    def test_news_are_listed_with_what_they_are_about(self) -> None:
        listed = self.client.get("/api/v1/news").json()
        launch = listed["items"][1]

        self.assertEqual(listed["count"], 2)
        self.assertEqual(launch["title"], LAUNCH)
        self.assertEqual(launch["summary"], "Ministers of seven economies met.")
        self.assertEqual(launch["date"], "2016-06-07")
        self.assertEqual(launch["level"], "regional")
        self.assertEqual(launch["economies"], ["AL", "RS"])
        self.assertEqual(launch["priority_areas"], ["civil-registration"])
        self.assertEqual(launch["language"], "en")
        self.assertEqual(self.client.get(launch["url"]).status_code, 200)

    def test_drafts_unpublished_and_private_news_are_never_given(self) -> None:
        listed = self.client.get("/api/v1/news", {"limit": 100}).content
        for name, page in self.hidden.items():
            with self.subTest(name):
                self.assertNotIn(page.title.encode(), listed)
                by_id = self.client.get(f"/api/v1/news/{page.pk}")
                self.assertEqual(by_id.status_code, 404)

    def test_news_in_a_private_section_are_never_given(self) -> None:
        made_private(NewsIndexPage.objects.get(locale__language_code="en"))
        listed = self.client.get("/api/v1/news").json()
        by_id = self.client.get(f"/api/v1/news/{self.launch.pk}")

        self.assertEqual(listed["count"], 0)
        self.assertEqual(by_id.status_code, 404)

    def test_a_news_item_is_found_by_id(self) -> None:
        found = self.client.get(f"/api/v1/news/{self.launch.pk}").json()
        self.assertEqual(found["title"], LAUNCH)

    def test_news_come_in_the_language_asked_for_or_else_in_english(self) -> None:
        albanian = self.client.get("/api/v1/news", {"lang": "sq"}).json()["items"]
        titles = {item["title"]: item["language"] for item in albanian}

        self.assertEqual(
            titles,
            {
                ACTION_PLAN: "en",
                "Integrimi i romëve 2020 u nis në Sarajevë": "sq",
            },
        )
        launch = next(item for item in albanian if item["language"] == "sq")
        self.assertTrue(launch["url"].startswith("http://testserver/sq/"))
        self.assertEqual(self.client.get(launch["url"]).status_code, 200)

    @override_settings(RIHUB_PAGE_CACHE_SECONDS=600)
    def test_without_lang_the_accept_language_header_decides(self) -> None:
        asked = {"Accept-Language": "sq-AL,sq;q=0.9,en;q=0.5"}
        albanian = self.client.get("/api/v1/news", headers=asked)
        english = self.client.get("/api/v1/news", headers={"Accept-Language": "de"})

        self.assertEqual(languages(albanian.json()), {"sq", "en"})
        self.assertEqual(languages(english.json()), {"en"})
        self.assertIn("Accept-Language", albanian["Vary"])

    def test_lang_wins_over_the_header(self) -> None:
        response = self.client.get(
            "/api/v1/news", {"lang": "en"}, headers={"Accept-Language": "sq"}
        )
        self.assertEqual(languages(response.json()), {"en"})

    def test_filters_narrow_the_list(self) -> None:
        cases = [
            ("economy", "RS", [LAUNCH]),
            ("economy", "AL", [ACTION_PLAN, LAUNCH]),
            ("priority_area", "civil-registration", [LAUNCH]),
            ("priority_area", "education", []),
            ("level", "regional", [LAUNCH]),
            ("level", "economy", [ACTION_PLAN]),
            ("year", "2016", [LAUNCH]),
            ("year", "2017", [ACTION_PLAN]),
        ]
        PriorityArea.objects.create(slug="education", name="Education")
        for name, value, expected in cases:
            with self.subTest(f"{name}={value}"):
                self.assertEqual(self.titles(**{name: value}), expected)

    def test_wrong_filters_are_refused_with_their_reason(self) -> None:
        cases = {
            "economy": ("XX", "No economy has the code 'XX'"),
            "priority_area": ("space", "There is no priority area 'space'"),
            "level": ("galactic", "Input should be 'economy'"),
            "year": ("twenty", "valid integer"),
            "lang": ("xx", "No content in 'xx'; choose one of en, sq"),
            "offset": ("-1", "greater than or equal to 0"),
        }
        for name, (value, reason) in cases.items():
            with self.subTest(name):
                response = self.client.get("/api/v1/news", {name: value})
                self.assertEqual(response.status_code, 422)
                [error] = response.json()["detail"]
                self.assertEqual(error["loc"], ["query", name])
                self.assertIn(reason, error["msg"])

    def test_the_number_of_queries_does_not_grow_with_the_list(self) -> None:
        query: dict[str, str | int] = {"lang": "sq", "limit": 100}
        self.client.get("/api/v1/news", query)  # caches warm up here
        with CaptureQueriesContext(connection) as few:
            self.client.get("/api/v1/news", query)
        economies = [self.world.people.albania, self.world.people.serbia]
        areas = [self.world.priority_area()]
        for number in range(4):
            day = dt.date(2019, 1, number + 1)
            story = news(
                f"Story {number}", day, economies=economies, priority_areas=areas
            )
            translated(story, "sq", f"Lajm {number}")
        with CaptureQueriesContext(connection) as many:
            listed = self.client.get("/api/v1/news", query).json()

        self.assertEqual(listed["count"], 6)
        self.assertEqual(len(many), len(few))

    def titles(self, **query: str) -> list[str]:
        found = self.client.get("/api/v1/news", query).json()["items"]
        return [item["title"] for item in found]


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class EventApiTests(TestCase):
    world: World
    task_force: EventPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        meeting = cls.world.task_force_meeting(dt.date(2017, 9, 19))
        hidden_meeting = cls.world.task_force_meeting(
            dt.date(2018, 12, 4), published=False
        )
        cls.task_force = event(
            "Task Force meeting in Tirana",
            dt.date(2017, 9, 19),
            end_date=dt.date(2017, 9, 20),
            place="Tirana",
            meeting=meeting,
            economies=[cls.world.people.albania],
        )
        event("Task Force meeting online", dt.date(2018, 12, 4), online=True)
        event("Closed Task Force sitting", dt.date(2018, 12, 5), meeting=hidden_meeting)
        made_private(event("Partners' retreat", dt.date(2019, 4, 1)))
        event("Draft: a conference", dt.date(2019, 5, 1), draft=True)

    def test_events_are_listed_with_dates_place_and_meeting(self) -> None:
        listed = self.client.get("/api/v1/events").json()
        tirana = listed["items"][-1]

        self.assertEqual(listed["count"], 3)
        self.assertEqual(tirana["title"], "Task Force meeting in Tirana")
        self.assertEqual(tirana["start_date"], "2017-09-19")
        self.assertEqual(tirana["end_date"], "2017-09-20")
        self.assertEqual(tirana["place"], "Tirana")
        self.assertFalse(tirana["online"])
        self.assertEqual(tirana["meeting"], "task-force-2017-09-19")
        self.assertEqual(tirana["economies"], ["AL"])
        self.assertTrue(listed["items"][1]["online"])

    def test_an_unpublished_meeting_is_not_named(self) -> None:
        listed = self.client.get("/api/v1/events").json()["items"]
        closed = next(e for e in listed if e["title"] == "Closed Task Force sitting")

        self.assertIsNone(closed["meeting"])
        self.assertNotIn(
            b"task-force-2018-12-04", self.client.get("/api/v1/events").content
        )

    def test_private_and_draft_events_are_never_given(self) -> None:
        listed = self.client.get("/api/v1/events").content
        for title in ("Partners' retreat", "Draft: a conference"):
            with self.subTest(title):
                page = EventPage.objects.get(title=title)
                self.assertNotIn(title.encode(), listed)
                by_id = self.client.get(f"/api/v1/events/{page.pk}")
                self.assertEqual(by_id.status_code, 404)

    def test_an_event_is_found_by_id(self) -> None:
        found = self.client.get(f"/api/v1/events/{self.task_force.pk}").json()
        self.assertEqual(found["meeting"], "task-force-2017-09-19")

    def test_since_gives_the_events_from_that_day(self) -> None:
        listed = self.client.get("/api/v1/events", {"since": "2018-12-05"}).json()
        self.assertEqual(titles(listed), ["Closed Task Force sitting"])

    def test_year_and_economy_narrow_the_list(self) -> None:
        by_year = self.client.get("/api/v1/events", {"year": 2017}).json()
        by_economy = self.client.get("/api/v1/events", {"economy": "AL"}).json()

        self.assertEqual(titles(by_year), ["Task Force meeting in Tirana"])
        self.assertEqual(titles(by_economy), ["Task Force meeting in Tirana"])

    def test_a_wrong_date_is_refused(self) -> None:
        response = self.client.get("/api/v1/events", {"since": "next week"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["detail"][0]["loc"], ["query", "since"])

    def test_the_number_of_queries_does_not_grow_with_the_list(self) -> None:
        self.client.get("/api/v1/events")  # caches warm up here
        with CaptureQueriesContext(connection) as few:
            self.client.get("/api/v1/events")
        for number in range(4):
            day = dt.date(2020, 1, number + 1)
            meeting = self.world.task_force_meeting(day)
            event(
                f"Meeting {number}",
                day,
                meeting=meeting,
                economies=[self.world.people.serbia],
                priority_areas=[self.world.priority_area()],
            )
        with CaptureQueriesContext(connection) as many:
            listed = self.client.get("/api/v1/events").json()

        self.assertEqual(listed["count"], 7)
        self.assertEqual(len(many), len(few))


def languages(listed: dict) -> set[str]:
    return {item["language"] for item in listed["items"]}


def titles(listed: dict) -> list[str]:
    return [item["title"] for item in listed["items"]]
