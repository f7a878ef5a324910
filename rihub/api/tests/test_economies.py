"""The API's economies: each with its footnote, and its profile once published."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from rihub.api.tests.content import made_private, published, translated
from rihub.directory.models import Economy
from rihub.tests.personas import Personas
from rihub.website.models import EconomyProfilePage, SectionPage

KOSOVO_FOOTNOTE = (
    "This designation is without prejudice to positions on status, and is in line "
    "with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of "
    "independence."
)


def profile(economy: Economy, *, live: bool = True) -> EconomyProfilePage:
    section = SectionPage.objects.get(slug="economies", locale__language_code="en")
    page = EconomyProfilePage(
        title=economy.name, slug=slugify(economy.name), economy=economy, live=False
    )
    section.add_child(instance=page)
    return published(page) if live else page


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class EconomyApiTests(TestCase):
    people: Personas
    kosovo: Economy
    albania_profile: EconomyProfilePage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.kosovo = Economy.objects.create(
            code="XK",
            name="Kosovo*",
            short_name="Kosovo*",
            designation_footnote=KOSOVO_FOOTNOTE,
            order=3,
        )
        cls.albania_profile = profile(cls.people.albania)
        made_private(profile(cls.people.serbia))
        profile(cls.kosovo, live=False)

    def test_every_economy_is_listed_with_its_names_and_footnote(self) -> None:
        listed = self.client.get("/api/v1/economies").json()
        kosovo = listed[2]

        self.assertEqual([e["code"] for e in listed], ["AL", "RS", "XK"])
        self.assertEqual(kosovo["name"], "Kosovo*")
        self.assertEqual(kosovo["short_name"], "Kosovo*")
        self.assertEqual(kosovo["designation_footnote"], KOSOVO_FOOTNOTE)
        self.assertEqual(listed[0]["designation_footnote"], "")

    def test_a_published_profile_is_linked(self) -> None:
        albania = self.client.get("/api/v1/economies/AL").json()

        self.assertEqual(albania["profile_url"], "http://testserver/economies/albania/")
        self.assertEqual(self.client.get(albania["profile_url"]).status_code, 200)

    def test_private_and_unpublished_profiles_are_never_linked(self) -> None:
        listed = self.client.get("/api/v1/economies").content
        serbia = self.client.get("/api/v1/economies/RS").json()
        kosovo = self.client.get("/api/v1/economies/xk").json()

        self.assertIsNone(serbia["profile_url"])
        self.assertIsNone(kosovo["profile_url"])
        self.assertNotIn(b"/economies/serbia/", listed)
        self.assertNotIn(b"/economies/kosovo", listed)

    def test_the_profile_is_linked_in_the_language_asked_for(self) -> None:
        translated(self.albania_profile, "sq", "Shqipëria")
        albanian = self.client.get("/api/v1/economies/AL", {"lang": "sq"}).json()
        serbian = self.client.get("/api/v1/economies/AL", {"lang": "sr"}).json()

        self.assertTrue(albanian["profile_url"].startswith("http://testserver/sq/"))
        self.assertEqual(serbian["profile_url"], "http://testserver/economies/albania/")

    def test_an_unknown_economy_is_not_found(self) -> None:
        self.assertEqual(self.client.get("/api/v1/economies/ZZ").status_code, 404)

    def test_the_number_of_queries_does_not_grow_with_the_economies(self) -> None:
        self.client.get("/api/v1/economies")  # caches warm up here
        with CaptureQueriesContext(connection) as few:
            self.client.get("/api/v1/economies")
        for order, name in enumerate(["Montenegro", "North Macedonia", "Turkey"]):
            code = name[:2].upper()
            profile(Economy.objects.create(code=code, name=name, order=order + 4))
        with CaptureQueriesContext(connection) as many:
            listed = self.client.get("/api/v1/economies").json()

        self.assertEqual(len(listed), 6)
        self.assertEqual(len(many), len(few))
