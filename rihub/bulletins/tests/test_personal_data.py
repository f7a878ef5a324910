"""A subscriber's data: downloaded, or erased with only the hashed address kept.

The subscriber asks through their preferences link; the secretariat acts on a
request in the back office, which no other role may enter.
"""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rihub.bulletins.models import (
    BulletinPage,
    Campaign,
    Consent,
    Delivery,
    Subscriber,
    Suppression,
)
from rihub.bulletins.subscriptions import tokens
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    link_in,
    path_of,
)
from rihub.website.models import HomePage

Reason = Suppression.Reason
LIST = "wagtailsnippets_bulletins_subscriber:list"
EXPORT = "wagtailsnippets_bulletins_subscriber:export"
ERASE = "wagtailsnippets_bulletins_subscriber:erase"


class PersonalDataTestCase(SubscriptionTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.subscriber = self.confirmed()
        home = HomePage.objects.get()
        bulletin = home.add_child(
            instance=BulletinPage(title="Bulletin 1/2025", year=2025, quarter=1)
        )
        campaign = Campaign.objects.create(bulletin=bulletin)
        Delivery.objects.create(
            campaign=campaign,
            subscriber=self.subscriber,
            status=Delivery.Status.SENT,
            attempts=1,
            message_id="<bulletin-1-2025@rihub.example.org>",
        )

    def assert_erased(self, detail: str) -> None:
        self.assertFalse(Subscriber.objects.exists())
        self.assertFalse(Consent.objects.exists())
        self.assertFalse(Delivery.objects.exists())
        suppression = Suppression.objects.get()
        self.assertEqual(
            (suppression.reason, suppression.detail), (Reason.ERASED, detail)
        )
        self.assertTrue(Suppression.holds(ADDRESS))
        self.assertEqual(Campaign.objects.count(), 1)

    def assert_kept(self) -> None:
        self.assertTrue(Subscriber.objects.filter(email=ADDRESS).exists())
        self.assertEqual(Delivery.objects.count(), 1)
        self.assertFalse(Suppression.objects.exists())


class SubscriberDataTests(PersonalDataTestCase):
    def preferences(self) -> str:
        return path_of(tokens.preferences_url(self.subscriber))

    def page_link(self, name: str) -> str:
        token = self.preferences().split("/")[-2]
        return reverse(f"bulletins:preferences-{name}", args=[token])

    def test_the_download_holds_the_subscription_consents_and_deliveries(self):
        response = self.client.get(self.page_link("data"))

        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn("no-store", response["Cache-Control"])
        data = json.loads(response.content)
        self.assertEqual(data["subscriber"]["email"], ADDRESS)
        self.assertEqual(data["subscriber"]["status"], "confirmed")
        self.assertEqual(data["subscriber"]["economies"], ["Albania"])
        self.assertEqual(data["subscriber"]["priority_areas"], ["Education"])
        self.assertEqual(len(data["consents"]), 1)
        consent = self.subscriber.consents.get()
        self.assertEqual(data["consents"][0]["wording"], consent.wording)
        self.assertEqual(
            data["consents"][0]["confirmed"], consent.confirmed_at.isoformat()
        )
        self.assertEqual(data["deliveries"][0]["bulletin"], "Bulletin 1/2025")
        self.assertEqual(data["deliveries"][0]["status"], "sent")
        self.assertIsNone(data["suppression"])

    def test_the_preferences_page_links_to_the_download_and_the_erasure(self):
        response = self.client.get(self.preferences())

        self.assertContains(response, "Download my data (JSON)")
        self.assertContains(response, "/erase/")

    def test_the_erasure_page_asks_first_and_changes_nothing(self) -> None:
        response = self.client.get(self.page_link("erase"))

        self.assertContains(response, '<button type="submit">Erase my data</button>')
        self.assert_kept()

    def test_erasing_deletes_the_data_and_suppresses_the_address(self) -> None:
        old_links = [
            self.preferences(),
            path_of(tokens.unsubscribe_url(self.subscriber)),
        ]

        response = self.client.post(self.page_link("erase"))

        self.assertContains(response, "Your data is erased")
        self.assert_erased("Erased by the subscriber")
        for link in old_links:
            with self.subTest(link=link):
                refused = self.client.get(link)
                self.assertContains(refused, "no longer works", status_code=400)

    def test_a_fresh_opt_in_after_erasure_lifts_the_suppression(self) -> None:
        self.client.post(self.page_link("erase"))

        self.submit()
        self.client.post(path_of(link_in(self.mailbox.to(ADDRESS)[0], "confirm")))

        subscriber = Subscriber.objects.get(email=ADDRESS)
        self.assertEqual(subscriber.status, Subscriber.Status.CONFIRMED)
        self.assertFalse(Suppression.holds(ADDRESS))

    def test_a_tampered_link_neither_downloads_nor_erases(self) -> None:
        token = self.preferences().split("/")[-2]
        tampered = token[:-2] + ("aa" if token[-2:] != "aa" else "bb")

        download = self.client.get(
            reverse("bulletins:preferences-data", args=[tampered])
        )
        erasure = self.client.post(
            reverse("bulletins:preferences-erase", args=[tampered])
        )

        self.assertContains(download, "This link is not valid", status_code=400)
        self.assertContains(erasure, "This link is not valid", status_code=400)
        self.assert_kept()


class BackOfficeTests(PersonalDataTestCase):
    def test_the_secretariat_sees_the_subscribers(self) -> None:
        self.client.force_login(self.people.secretariat_editor)

        response = self.client.get(reverse(LIST))

        self.assertContains(response, ADDRESS)
        self.assertContains(response, reverse(EXPORT, args=[self.subscriber.pk]))
        self.assertContains(response, reverse(ERASE, args=[self.subscriber.pk]))

    def test_the_secretariat_finds_a_subscriber_and_inspects_them(self) -> None:
        self.confirmed(email="other@example.org")
        self.client.force_login(self.people.secretariat_editor)

        found = self.client.get(reverse(LIST), {"q": "reader"})
        inspected = self.client.get(
            reverse(
                "wagtailsnippets_bulletins_subscriber:inspect",
                args=[self.subscriber.pk],
            )
        )

        self.assertContains(found, ADDRESS)
        self.assertNotContains(found, "other@example.org")
        self.assertContains(inspected, ADDRESS)
        self.assertContains(inspected, "Albania")

    def test_the_list_costs_the_same_queries_for_more_subscribers(self) -> None:
        self.client.force_login(self.people.secretariat_editor)
        self.client.get(reverse(LIST))

        with CaptureQueriesContext(connection) as few:
            self.client.get(reverse(LIST))
        for number in range(10):
            self.confirmed(email=f"reader{number}@example.org")
        with CaptureQueriesContext(connection) as many:
            self.client.get(reverse(LIST))

        self.assertEqual(len(many), len(few))

    def test_the_secretariat_exports_one_subscriber(self) -> None:
        self.client.force_login(self.people.secretariat_editor)

        response = self.client.get(reverse(EXPORT, args=[self.subscriber.pk]))

        data = json.loads(response.content)
        self.assertEqual(data["subscriber"]["email"], ADDRESS)
        self.assertEqual(len(data["deliveries"]), 1)

    def test_the_secretariat_erases_one_subscriber_after_a_question(self) -> None:
        self.client.force_login(self.people.secretariat_editor)
        url = reverse(ERASE, args=[self.subscriber.pk])

        asked = self.client.get(url)
        self.assert_kept()
        response = self.client.post(url, follow=True)

        self.assertContains(asked, "Yes, erase")
        self.assertContains(response, "The data is erased")
        self.assert_erased("Erased by the secretariat on request")
        history = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertContains(history, "Data erased")
        self.assertNotContains(history, ADDRESS)

    def test_nobody_adds_edits_or_plainly_deletes_a_subscriber(self) -> None:
        self.client.force_login(self.people.secretariat_editor)
        names = ["add", "edit", "delete"]
        for name in names:
            with self.subTest(view=name):
                args = [] if name == "add" else [self.subscriber.pk]
                url = reverse(f"wagtailsnippets_bulletins_subscriber:{name}", args=args)
                response = self.client.post(url, {"email": "someone@example.org"})
                self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        self.assert_kept()
        self.assertEqual(Subscriber.objects.get().email, ADDRESS)

    def test_the_suppression_list_is_shown_and_read_only(self) -> None:
        self.client.post(
            reverse(
                "bulletins:unsubscribe",
                args=[tokens.sign("unsubscribe", self.subscriber)],
            ),
            {"List-Unsubscribe": "One-Click"},
        )
        self.client.force_login(self.people.secretariat_editor)

        listing = self.client.get(reverse("wagtailsnippets_bulletins_suppression:list"))
        adding = self.client.post(
            reverse("wagtailsnippets_bulletins_suppression:add"),
            {"address_hash": "0" * 64, "reason": "manual"},
        )

        self.assertContains(listing, "Unsubscribed")
        self.assertNotContains(listing, ADDRESS)
        self.assertEqual(adding["Location"], reverse("wagtailadmin_home"))
        self.assertEqual(Suppression.objects.count(), 1)

    def test_no_other_role_sees_or_erases_subscribers(self) -> None:
        people = self.people
        urls = [
            reverse(LIST),
            reverse("wagtailsnippets_bulletins_suppression:list"),
            reverse(EXPORT, args=[self.subscriber.pk]),
            reverse(ERASE, args=[self.subscriber.pk]),
        ]
        for user in (people.nrcp_albania, people.delegate, people.partner):
            self.client.force_login(user)
            for url in urls:
                with self.subTest(user=user.username, url=url):
                    shown = self.client.get(url)
                    posted = self.client.post(url)
                    self.assertEqual(shown["Location"], reverse("wagtailadmin_home"))
                    self.assertEqual(posted["Location"], reverse("wagtailadmin_home"))
        self.assert_kept()

    def test_an_anonymous_visitor_is_sent_to_sign_in(self) -> None:
        for url in (reverse(LIST), reverse(ERASE, args=[self.subscriber.pk])):
            with self.subTest(url=url):
                response = self.client.post(url)
                self.assertTrue(
                    response["Location"].startswith(reverse("wagtailadmin_login"))
                )
        self.assert_kept()
