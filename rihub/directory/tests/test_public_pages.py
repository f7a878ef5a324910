"""The public home and Who we are pages: content, privacy, query counts."""

import datetime as dt

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    Person,
    Seat,
    SeatDefinition,
)
from rihub.directory.services import seat_of, sync_seats
from rihub.tests.personas import Personas

PRIVATE_EMAIL = "private.nrcp@example.org"
PUBLIC_EMAIL = "press.office@example.org"


class PublicPageTests(TestCase):
    world: Personas
    kosovo: Economy

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()
        cls.kosovo = Economy.objects.create(
            code="XK",
            name="Kosovo*",
            short_name="Kosovo*",
            designation_footnote="* This designation is without prejudice.",
            order=3,
        )
        sync_seats(cls.world.task_force)

        private = Person.objects.create(
            given_name="Dragana",
            family_name="Private",
            organisation=cls.world.serbian_ministry,
            email=PRIVATE_EMAIL,
            phone="+381 11 000 000",
        )
        public = Person.objects.create(
            given_name="Arben",
            family_name="Public",
            organisation=cls.world.albanian_ministry,
            email=PUBLIC_EMAIL,
            publish_contact=True,
        )
        nrcp = "National Roma Contact Point"
        Mandate.objects.create(
            seat=seat_of(cls.world.task_force, nrcp, cls.world.serbia),
            holder=private,
            organisation=cls.world.serbian_ministry,
            position="Assistant Minister",
            start=dt.date(2017, 9, 11),
        )
        Mandate.objects.create(
            seat=seat_of(cls.world.task_force, nrcp, cls.world.albania),
            holder=public,
            organisation=cls.world.albanian_ministry,
            position="General Director",
            start=dt.date(2020, 9, 29),
        )

    def test_home_shows_the_economies_and_the_next_task_force_meeting(self) -> None:
        response = self.client.get(reverse("home"))

        self.assertContains(response, "Albania")
        self.assertContains(response, "Serbia")
        self.assertContains(response, "Next Task Force meeting")

    def test_who_we_are_shows_seats_and_institutions(self) -> None:
        response = self.client.get(reverse("directory:who-we-are"))

        self.assertContains(response, "Ministry of Human and Minority Rights")
        self.assertContains(response, "Assistant Minister")
        self.assertContains(response, "Not recorded")

    def test_private_contact_data_is_never_shown(self) -> None:
        for name in ("home", "directory:who-we-are"):
            with self.subTest(page=name):
                response = self.client.get(reverse(name))
                self.assertNotContains(response, PRIVATE_EMAIL)
                self.assertNotContains(response, "+381 11 000 000")
                self.assertNotContains(response, "Dragana")

    def test_published_contact_data_is_shown(self) -> None:
        response = self.client.get(reverse("directory:who-we-are"))
        self.assertContains(response, f'href="mailto:{PUBLIC_EMAIL}"')
        self.assertContains(response, "Arben Public")

    def test_kosovo_is_shown_with_its_designation_footnote(self) -> None:
        response = self.client.get(reverse("home"))

        self.assertContains(response, 'href="#designation-xk"')
        self.assertContains(
            response,
            '<p class="footnote" id="designation-xk">'
            "* This designation is without prejudice.</p>",
            html=True,
        )

    def test_seat_labels_are_escaped_and_link_the_footnote(self) -> None:
        SeatDefinition.objects.create(
            body=self.world.task_force, role="<b>Observer</b>", per_economy=True
        )

        response = self.client.get(reverse("directory:who-we-are"))

        self.assertContains(response, "&lt;b&gt;Observer&lt;/b&gt; of Albania")
        self.assertContains(response, '&lt;/b&gt; of Kosovo<a class="footnote-ref"')
        self.assertNotContains(response, "<b>Observer</b>")

    def test_an_ended_mandate_is_not_shown_as_current(self) -> None:
        Mandate.objects.filter(position="Assistant Minister").update(
            end=dt.date(2019, 1, 1)
        )
        response = self.client.get(reverse("directory:who-we-are"))
        self.assertNotContains(response, "Assistant Minister")

    def test_pages_need_a_fixed_number_of_queries(self) -> None:
        pages = [reverse("home"), reverse("directory:who-we-are")]
        counts = [self.count_queries(page) for page in pages]

        add_many_economies_and_bodies(40)

        self.assertEqual([self.count_queries(page) for page in pages], counts)

    def count_queries(self, page: str) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(page).status_code, 200)
        return len(queries)


def add_many_economies_and_bodies(count: int) -> None:
    for n in range(count):
        economy = Economy.objects.create(
            code=f"Q{n:02}", name=f"Economy {n}", short_name=f"E{n}"
        )
        ministry = Organisation.objects.create(
            name=f"Ministry {n}", kind=Organisation.Kind.GOVERNMENT, economy=economy
        )
        body = Body.objects.create(
            name=f"Committee {n}", slug=f"committee-{n}", kind="other"
        )
        SeatDefinition.objects.create(body=body, role="Member", count=2)
        sync_seats(body)
        Mandate.objects.create(
            seat=Seat.objects.filter(definition__body=body).earliest("pk"),
            organisation=ministry,
        )
    for body in Body.objects.all():
        sync_seats(body)
