"""Filters with counts: by level, economy, priority area, type, year, language."""

from django.test import TestCase, override_settings
from django.utils import timezone

from rihub.website.models import Document
from rihub.website.search import sync
from rihub.website.search.facets import Facet
from rihub.website.search.tests.world import SearchWorld, found_titles

NEWS = "Housing fund opens in Tirana"
EVENT = "Regional housing forum"
ABOUT = "About the project"
STRATEGY = "Strategy for Roma inclusion"
MEETING = "Task Force 2016"
COMMITMENT = "Albania: Legalise housing in every Roma settlement."


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class FacetTests(TestCase):
    data: SearchWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.data = SearchWorld.create()
        sync.rebuild()

    def facets(self, **params: str) -> dict[str, Facet]:
        response = self.client.get("/search/", {"q": "housing", **params})
        return {facet.param: facet for facet in response.context["facets"]}

    def counts(self, facet: Facet) -> dict[str, int]:
        return {option.label: option.count for option in facet.options}

    def test_every_filter_counts_the_results(self) -> None:
        facets = self.facets()
        this_year = str(timezone.localdate().year)

        self.assertEqual(
            self.counts(facets["kind"]),
            {
                "Page": 1,
                "News": 1,
                "Event": 1,
                "Document": 1,
                "Meeting": 1,
                "Commitment": 1,
            },
        )
        self.assertEqual(self.counts(facets["economy"]), {"Albania": 3, "Serbia": 2})
        self.assertEqual(self.counts(facets["area"]), {"Education": 1, "Housing": 4})
        self.assertEqual(
            self.counts(facets["year"]),
            {this_year: 1, "2019": 1, "2018": 1, "2017": 1, "2016": 2},
        )
        self.assertEqual(self.counts(facets["level"]), {"Economy": 3, "Regional": 3})
        self.assertEqual(self.counts(facets["type"]), {"Strategy": 1})
        self.assertEqual(self.counts(facets["language"]), {"English": 5, "Serbian": 1})

    def test_an_entry_moved_to_other_economies_is_counted_under_them(self) -> None:
        people = self.data.world.people
        strategy = Document.objects.get(title=STRATEGY)

        with self.captureOnCommitCallbacks(execute=True):
            strategy.economies.set([people.serbia])
        facets = self.facets(kind="document")

        self.assertEqual(self.counts(facets["economy"]), {"Serbia": 1})

    def test_years_come_newest_first(self) -> None:
        labels = [option.label for option in self.facets()["year"].options]

        self.assertEqual(labels, sorted(labels, reverse=True))

    def test_each_filter_narrows_the_results(self) -> None:
        cases = {
            ("economy", "AL"): {NEWS, EVENT, COMMITMENT},
            ("economy", "RS"): {EVENT, STRATEGY},
            ("area", "education"): {EVENT},
            ("area", "housing"): {NEWS, EVENT, STRATEGY, COMMITMENT},
            ("year", "2016"): {MEETING, COMMITMENT},
            ("level", "economy"): {NEWS, STRATEGY, COMMITMENT},
            ("type", "strategy"): {STRATEGY},
            ("language", "sr"): {STRATEGY},
            ("kind", "news"): {NEWS},
        }
        for (name, value), expected in cases.items():
            with self.subTest(filter=name, value=value):
                titles = found_titles(self.client, q="housing", **{name: value})
                self.assertEqual(set(titles), expected)

    def test_filters_combine(self) -> None:
        titles = found_titles(
            self.client, q="housing", economy="AL", area="housing", year="2019"
        )

        self.assertEqual(titles, [NEWS])

    def test_counts_follow_the_filters_chosen(self) -> None:
        facets = self.facets(economy="RS")

        self.assertEqual(self.counts(facets["kind"]), {"Event": 1, "Document": 1})
        self.assertEqual(self.counts(facets["year"]), {"2018": 1, "2017": 1})
        chosen = [option for option in facets["economy"].options if option.selected]
        self.assertEqual([option.label for option in chosen], ["Serbia"])

    def test_options_link_to_the_narrower_search_from_its_first_page(self) -> None:
        facets = self.facets(page="2", sort="date")

        albania = facets["economy"].options[0]
        self.assertEqual(albania.url, "?q=housing&sort=date&economy=AL")
        self.assertEqual(facets["economy"].clear_url, "?q=housing&sort=date")

    def test_a_chosen_filter_is_shown_with_a_way_to_remove_it(self) -> None:
        response = self.client.get("/search/", {"q": "housing", "area": "education"})

        self.assertContains(
            response, '<strong aria-current="true">Education (1)</strong>'
        )
        self.assertContains(response, 'href="?q=housing"')
        self.assertContains(response, "Remove all filters")


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class BadParameterTests(TestCase):
    data: SearchWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.data = SearchWorld.create()
        sync.rebuild()

    def test_a_bad_filter_is_reported_and_left_out(self) -> None:
        cases = {
            "year": ("abc", "A year is written in digits, such as 2019."),
            "economy": ("ZZ", "No economy has the code “ZZ”."),
            "area": ("gardening", "No priority area is called “gardening”."),
            "level": ("galactic", "“galactic” is not one of the choices."),
            "sort": ("random", "“random” is not one of the choices."),
        }
        everything = set(found_titles(self.client, q="housing"))
        for name, (value, message) in cases.items():
            with self.subTest(name=name):
                response = self.client.get("/search/", {"q": "housing", name: value})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                titles = {hit.entry.title for hit in response.context["hits"]}
                self.assertEqual(titles, everything)

    def test_a_year_out_of_range_is_refused(self) -> None:
        response = self.client.get("/search/", {"q": "housing", "year": "99999"})

        self.assertContains(response, 'role="alert"')
        self.assertNotIn("year", response.context["chosen"])

    def test_a_search_for_nothing_shows_the_empty_form(self) -> None:
        for params in ({}, {"q": ""}, {"q": "  "}, {"q": "?!*"}, {"economy": "AL"}):
            with self.subTest(params=params):
                response = self.client.get("/search/", params)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'id="search-q"')
                self.assertNotContains(response, 'role="status"')
                self.assertNotIn("hits", response.context)

    def test_search_syntax_in_the_box_is_read_as_words(self) -> None:
        everything = set(found_titles(self.client, q="housing"))
        for q in (
            '"housing',
            "housing*",
            "(housing",
            "-housing",
            "housing:",
            "^housing'",
        ):
            with self.subTest(q=q):
                self.assertEqual(set(found_titles(self.client, q=q)), everything)

        # Operators are words like any other (some backends drop common ones).
        response = self.client.get("/search/", {"q": "housing OR ("})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["terms"], ["housing", "or"])

    def test_a_page_number_past_the_end_shows_the_last_page(self) -> None:
        response = self.client.get("/search/", {"q": "housing", "page": "99"})

        self.assertEqual(response.context["page_obj"].number, 1)
        self.assertEqual(len(response.context["hits"]), 6)
