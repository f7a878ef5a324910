"""The campaign pages of the back office: counts, last errors, the start button."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rihub.bulletins.models import BulletinPage, Campaign, Delivery
from rihub.bulletins.sending.campaigns import send_campaign, start_campaign
from rihub.bulletins.tests import sending_world as world
from rihub.tests.personas import Personas

FAST = 600_000


@override_settings(RIHUB_BULLETIN_PER_MINUTE=FAST)
class CampaignPageTests(world.ServerMixin, TestCase):
    people: Personas
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.bulletin = world.bulletin()
        world.subscribers(4)

    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.people.secretariat_editor)
        self.page = reverse("bulletins-campaign", args=[self.bulletin.pk])
        self.start = reverse("bulletins-campaign-start", args=[self.bulletin.pk])

    def test_the_page_shows_the_counts_and_the_last_errors(self) -> None:
        self.server.refuse = {"reader1@example.org"}
        self.server.refuse_code = 451
        campaign = start_campaign(self.bulletin)
        send_campaign(campaign)

        response = self.client.get(self.page)

        self.assertContains(response, '<td data-count="sent">3</td>', html=True)
        self.assertContains(response, '<td data-count="retry">1</td>', html=True)
        self.assertContains(response, '<td data-count="remaining">1</td>', html=True)
        self.assertContains(response, "reader1@example.org")
        self.assertContains(response, "451 5.1.1")
        # Still sending, with a retry to come: the page keeps itself fresh.
        self.assertContains(response, '<meta http-equiv="refresh" content="5">')
        self.assertNotContains(response, "Start sending")

    def test_a_sent_campaign_stops_refreshing(self) -> None:
        send_campaign(start_campaign(self.bulletin))

        response = self.client.get(self.page)

        self.assertContains(response, '<td data-count="sent">4</td>', html=True)
        self.assertNotContains(response, 'http-equiv="refresh"')

    def test_start_sending_starts_the_campaign_and_its_task(self) -> None:
        response = self.client.get(self.page)
        self.assertContains(response, "Start sending")

        response = self.client.post(self.start)

        self.assertRedirects(response, self.page)
        campaign = Campaign.objects.get(bulletin=self.bulletin)
        # The test backend runs the task at once, batch after batch.
        self.assertEqual(campaign.status, Campaign.Status.DONE)
        self.assertEqual(len(self.server.messages), 4)

    def test_starting_twice_sends_nobody_twice(self) -> None:
        self.client.post(self.start)
        self.client.post(self.start)

        self.assertEqual(len(self.server.messages), 4)

    def test_the_list_shows_each_bulletin_and_its_campaign(self) -> None:
        send_campaign(start_campaign(self.bulletin))
        world.bulletin(2018, 3)

        response = self.client.get(reverse("bulletins-campaigns"))

        self.assertContains(response, "2018-Q2: Housing and employment")
        self.assertContains(response, "2018-Q3: Housing and employment")
        self.assertContains(response, "Not started")

    def test_the_list_takes_as_many_queries_for_more_campaigns(self) -> None:
        send_campaign(start_campaign(self.bulletin))
        before = self.queries(reverse("bulletins-campaigns"))

        for quarter in (3, 4):
            send_campaign(start_campaign(world.bulletin(2018, quarter)))

        self.assertEqual(self.queries(reverse("bulletins-campaigns")), before)

    def queries(self, path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(captured)

    def test_the_menu_offers_the_campaigns_to_the_secretariat_only(self) -> None:
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Bulletin campaigns")

        self.client.force_login(self.people.nrcp_albania)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(response, "Bulletin campaigns")


class ForbiddenTests(world.ServerMixin, TestCase):
    people: Personas
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.bulletin = world.bulletin()
        world.subscribers(2)

    def paths(self) -> list[str]:
        return [
            reverse("bulletins-campaigns"),
            reverse("bulletins-campaign", args=[self.bulletin.pk]),
        ]

    def test_other_roles_see_no_campaign(self) -> None:
        for user in (self.people.nrcp_albania, self.people.delegate):
            self.client.force_login(user)
            for path in self.paths():
                with self.subTest(user=user.username, path=path):
                    response = self.client.get(path)
                    self.assertRedirects(response, reverse("wagtailadmin_home"))

    def test_other_roles_cannot_start_sending(self) -> None:
        start = reverse("bulletins-campaign-start", args=[self.bulletin.pk])
        for user in (self.people.nrcp_albania, self.people.delegate):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.post(start)
                self.assertRedirects(response, reverse("wagtailadmin_home"))

        self.assertFalse(Campaign.objects.exists())
        self.assertEqual(self.server.messages, [])

    def test_an_anonymous_visitor_is_sent_to_the_login(self) -> None:
        start = reverse("bulletins-campaign-start", args=[self.bulletin.pk])
        for path in [*self.paths(), start]:
            with self.subTest(path=path):
                response = (
                    self.client.post(path) if path == start else self.client.get(path)
                )
                self.assertEqual(response.status_code, 302)
                self.assertTrue(
                    response["Location"].startswith(reverse("wagtailadmin_login"))
                )

        self.assertFalse(Campaign.objects.exists())
        self.assertFalse(Delivery.objects.exists())
